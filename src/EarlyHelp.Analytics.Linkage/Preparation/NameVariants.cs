namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// Forenames that the same person is recorded under: common English diminutives and short forms, and
/// transliteration variants of names written in other scripts. Our own list, written for this library
/// from common usage; a name may sit in several groups ("ALEX" is short for Alexander and Alexandra).
/// </summary>
internal static class NameVariants
{
    // One group per line: every name on a line may stand for every other.
    private static readonly string[] Groups =
    [
        "ALEXANDER ALEX ALEC SANDY XANDER ALEKSANDR ALEKSANDER ALISTAIR ALASTAIR",
        "ALEXANDRA ALEX SANDRA LEXI ALEXA ALEKSANDRA OLA",
        "ANDREW ANDY DREW ANDRZEJ",
        "ANTHONY TONY ANTONY ANTONI ANTONIO",
        "BENJAMIN BEN BENNY BENJI",
        "CHARLES CHARLIE CHAS CHUCK",
        "CHARLOTTE CHARLIE LOTTIE LOTTE",
        "CHRISTOPHER CHRIS KIT KRZYSZTOF",
        "CHRISTINE CHRISTINA CHRIS CHRISSIE TINA KRYSTYNA",
        "DANIEL DAN DANNY DANIELE",
        "DAVID DAVE DAVY DAI DAWID",
        "EDWARD ED EDDIE TED NED",
        "ELIZABETH ELISABETH LIZ LIZZIE LIZZY BETH BETTY ELIZA LIBBY BESS BETSY ELSPETH",
        "ELEANOR ELEANORE ELINOR ELLIE NELL NORA",
        "FREDERICK FREDERIC FRED FREDDIE FREDDY",
        "HENRY HARRY HAL HANK HENRYK",
        "HAROLD HARRY HAL",
        "JAMES JIM JIMMY JAMIE JIMMIE",
        "JENNIFER JENNY JEN JENNI",
        "JOHN JACK JOHNNY JON",
        "JONATHAN JON JONNY JONNIE",
        "JOSEPH JOE JOEY JOZEF JOSE",
        "JOSHUA JOSH",
        "KATHERINE CATHERINE KATHRYN KATHARINE CATHRYN KATE KATIE KATY KATHY CATH CATHY KAT KITTY KASIA KATARZYNA",
        "MARGARET MAGGIE MEG PEGGY MADGE MARGIE MAISIE GRETA",
        "MATTHEW MATT MATTY MATEUSZ",
        "MICHAEL MIKE MICK MICKY MIKEY MICHAL MIKHAIL",
        "NICHOLAS NICOLAS NICK NICKY MIKOLAJ",
        "NICOLA NICOLE NIKKI NICKY",
        "PATRICK PAT PADDY",
        "PATRICIA PAT PATSY TRICIA TRISH",
        "PETER PETE PIOTR PIETRO",
        "RICHARD RICK RICKY DICK RICHIE RICH",
        "ROBERT ROB ROBBIE BOB BOBBY BERT",
        "SAMUEL SAM SAMMY",
        "SAMANTHA SAM SAMMY",
        "STEPHEN STEVEN STEVE STEVIE STEFAN",
        "SUSAN SUZANNE SUSANNAH SUE SUSIE SUZY",
        "THOMAS TOM TOMMY TOMASZ",
        "TIMOTHY TIM TIMMY",
        "VICTORIA VICKY VICKI TORI",
        "WILLIAM BILL BILLY WILL WILLIE LIAM WILLS",
        "REBECCA BECKY BECCA",
        "JESSICA JESS JESSIE",
        "ABIGAIL ABBIE ABBY ABI",
        "AMANDA MANDY",
        "DEBORAH DEBRA DEBBIE DEB",
        "GABRIEL GABE GABBY",
        "GABRIELLE GABRIELA GABBY",
        "NATHAN NATHANIEL NATE NAT",
        "OLIVER OLLIE OLLY",
        "OLIVIA LIV LIVVY OLLIE",
        "ALFRED ALF ALFIE",
        "ALBERT AL BERT ALBIE",
        "RONALD RON RONNIE",
        "DONALD DON DONNIE",
        "KENNETH KEN KENNY",
        "LAWRENCE LAURENCE LARRY LAURIE",
        "LEONARD LEN LENNY LEO",
        "RAYMOND RAY",
        "GERALD GERRY JERRY",
        "TERENCE TERRY",
        "PHILIP PHILLIP PHIL PIP",
        "ZACHARY ZACK ZAK ZAC",
        "SARAH SARA SALLY",
        "MARY MOLLY POLLY MAE MARIA MARIE",
        "ANNE ANN ANNA ANNIE",
        "EMILY EMMY MILLIE EMILIA",
        "AMELIA MILLIE MILLY AMY",
        "JACQUELINE JACKIE",
        "JACOB JAKE JAKUB",
        "MAXWELL MAXIMILIAN MAX",
        "THEODORE THEO TEDDY TED",
        "FRANCIS FRANCES FRAN FRANK FRANKIE FRANCISZEK",
        "JOSEPHINE JO JOSIE",
        "JOANNE JOANNA JO",
        "DOROTHY DOT DOTTIE DOLLY",
        "HELEN HELENA ELLIE NELL",
        "LOUISE LOUISA LOU LULU",
        "ISABELLA ISABEL ISOBEL IZZY ISSY BELLA",
        "GRACE GRACIE",
        "SEAN SHAUN SHAWN SHANE",
        "AIDAN AIDEN AYDEN",
        "ZOE ZOEY",
        "MARK MARC MAREK MARCUS",
        "MOHAMMED MOHAMMAD MUHAMMAD MUHAMMED MOHAMED MOHAMAD MUHAMED MOHAMMUD MAHOMED MEHMET MOHD MO",
        "AHMED AHMAD AHMET",
        "YUSUF YOUSUF YOUSEF YOUSSEF YUSEF",
        "IBRAHIM EBRAHIM IBRAHEEM",
        "HUSSAIN HUSSEIN HUSAIN HOSSEIN HUSEYIN",
        "ABDUL ABDOUL ABDOOL",
        "ABDIRAHMAN ABDULRAHMAN ABDURAHMAN ABDURRAHMAN ABDI",
        "FATIMA FATIMAH FATMA FATEMA",
        "AISHA AYESHA AISHAH AYSHA AYSE",
        "MARYAM MARIAM MERYEM MARIYAM MIRIAM",
        "KHADIJA KHADIJAH KHADEEJA HATICE",
        "OMAR UMAR OMER",
        "OSMAN USMAN UTHMAN",
        "HASSAN HASAN",
        "MUSTAFA MUSTAPHA",
        "SULEIMAN SULAIMAN SULEYMAN",
        "ZAINAB ZAYNAB ZEYNEP",
        "AMIR AMEER EMIR",
        "RASHID RASHEED",
        "SAEED SAID SAYED",
        "TARIQ TAREK TARIK",
        "YASMIN YASMINE JASMINE JASMIN",
        "NOOR NUR",
        "SERGEI SERGEY SERGIY",
        "DMITRI DMITRY DIMITRI",
        "NATALIA NATALYA NATALIE NATASHA",
        "OLUWASEUN SEUN",
        "OLUWATOBI TOBI",
        "MALGORZATA MALGOSIA GOSIA",
        "WOJCIECH WOJTEK",
        "OLUWADAMILOLA DAMILOLA DAMI",
        "CHUKWUEMEKA EMEKA",
        "ADEBAYO BAYO",
        "OLUWAFEMI FEMI",
        "PRIYA PRIA",
        "MANPREET MANPRIT",
        "GURPREET GURPRIT",
        "SANJAY SANJEEV",
        "DEEPAK DIPAK",
    ];

    private static readonly Dictionary<string, int[]> GroupsByName = Build();

    /// <summary>The groups a normalised forename belongs to (empty when none).</summary>
    public static int[] GroupsOf(string normalisedName) =>
        GroupsByName.TryGetValue(normalisedName, out var groups) ? groups : [];

    /// <summary>Whether two group lists share a group (both sorted ascending).</summary>
    public static bool ShareGroup(int[] left, int[] right)
    {
        int i = 0, j = 0;
        while (i < left.Length && j < right.Length)
        {
            if (left[i] == right[j])
                return true;
            if (left[i] < right[j]) i++; else j++;
        }
        return false;
    }

    private static Dictionary<string, int[]> Build()
    {
        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var group = 0; group < Groups.Length; group++)
            foreach (var name in Groups[group].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!lists.TryGetValue(name, out var list))
                    lists[name] = list = [];
                if (!list.Contains(group))
                    list.Add(group);
            }
        return lists.ToDictionary(p => p.Key, p => p.Value.Order().ToArray(), StringComparer.Ordinal);
    }
}
