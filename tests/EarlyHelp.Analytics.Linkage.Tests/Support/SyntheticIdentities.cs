using System.Globalization;

namespace EarlyHelp.Analytics.Linkage.Tests.Support;

/// <summary>
/// A seeded population of households and their records in several sources, with identity errors of the
/// kinds seen in English administrative data (rates are assumptions to exercise the linker, not
/// estimates): typos, nicknames, swapped names, surname changes, transposed or wrong dates, missing
/// fields, moves. Hard cases on purpose: twins, a child named after a parent, common surnames.
/// </summary>
public sealed class SyntheticIdentities
{
    private static readonly string[] Female =
    [
        "OLIVIA", "AMELIA", "ISLA", "AVA", "EMILY", "SOPHIA", "GRACE", "MIA", "POPPY", "ELLA", "LILY", "EVIE", "ISABELLA",
        "SOPHIE", "IVY", "FREYA", "HARPER", "CHARLOTTE", "FLORENCE", "ROSIE", "ELIZABETH", "MARGARET", "SUSAN", "SARAH",
        "REBECCA", "JESSICA", "VICTORIA", "KATHERINE", "JENNIFER", "ABIGAIL", "FATIMA", "AISHA", "MARYAM", "ZAINAB", "PRIYA",
        "AGNIESZKA", "OLUWASEUN", "CHIOMA", "NATALIA", "HANNAH", "CHLOE", "LUCY", "EMMA", "LAURA", "GEMMA", "DEBORAH",
    ];

    private static readonly string[] Male =
    [
        "OLIVER", "GEORGE", "NOAH", "ARTHUR", "LEO", "OSCAR", "HARRY", "ARCHIE", "JACK", "HENRY", "CHARLIE", "FREDDIE",
        "THOMAS", "WILLIAM", "JAMES", "ALEXANDER", "ROBERT", "MICHAEL", "DAVID", "RICHARD", "CHRISTOPHER", "DANIEL", "MATTHEW",
        "ANTHONY", "MOHAMMED", "AHMED", "YUSUF", "IBRAHIM", "OMAR", "HASSAN", "PIOTR", "TOMASZ", "CHUKWUEMEKA", "ADEBAYO",
        "SANJAY", "DEEPAK", "JOSHUA", "SAMUEL", "BENJAMIN", "JOSEPH", "EDWARD", "PATRICK", "PETER", "STEPHEN", "ANDREW",
    ];

    private static readonly string[] CommonSurnames =
    [
        "SMITH", "JONES", "WILLIAMS", "TAYLOR", "BROWN", "DAVIES", "EVANS", "WILSON", "THOMAS", "JOHNSON", "ROBERTS",
        "ROBINSON", "THOMPSON", "WRIGHT", "WALKER", "WHITE", "EDWARDS", "HUGHES", "GREEN", "HALL", "KHAN", "ALI", "AHMED",
        "HUSSAIN", "PATEL", "SINGH", "BEGUM", "NOWAK", "KOWALSKI", "OKAFOR", "ADEYEMI", "NGUYEN",
    ];

    private static readonly string[] Syllables =
    [
        "AL", "BER", "CAR", "DEN", "EL", "FAR", "GAR", "HAM", "INGS", "JEN", "KEL", "LOW", "MAR", "NOR", "ORD", "PEN",
        "QUIN", "ROS", "SHAW", "TON", "UP", "VER", "WOOD", "YATE", "BY", "WELL", "FORD", "LEY", "HURST", "FIELD", "TER", "SON",
    ];

    private static readonly Dictionary<string, string> ShortForms = new(StringComparer.Ordinal)
    {
        ["ELIZABETH"] = "LIZ", ["MARGARET"] = "MAGGIE", ["SUSAN"] = "SUE", ["REBECCA"] = "BECKY", ["JESSICA"] = "JESS",
        ["VICTORIA"] = "VICKY", ["KATHERINE"] = "KATE", ["JENNIFER"] = "JENNY", ["ABIGAIL"] = "ABBIE", ["WILLIAM"] = "BILL",
        ["JAMES"] = "JIM", ["ALEXANDER"] = "ALEX", ["ROBERT"] = "BOB", ["MICHAEL"] = "MIKE", ["DAVID"] = "DAVE",
        ["RICHARD"] = "RICK", ["CHRISTOPHER"] = "CHRIS", ["DANIEL"] = "DAN", ["MATTHEW"] = "MATT", ["ANTHONY"] = "TONY",
        ["MOHAMMED"] = "MUHAMMAD", ["AHMED"] = "AHMAD", ["YUSUF"] = "YOUSEF", ["FATIMA"] = "FATIMAH", ["AISHA"] = "AYESHA",
        ["MARYAM"] = "MARIAM", ["THOMAS"] = "TOM", ["SAMUEL"] = "SAM", ["BENJAMIN"] = "BEN", ["JOSEPH"] = "JOE",
        ["EDWARD"] = "TED", ["PATRICK"] = "PADDY", ["PETER"] = "PETE", ["STEPHEN"] = "STEVE", ["ANDREW"] = "ANDY",
    };

    private readonly Random random;

    private SyntheticIdentities(int seed) => random = new Random(seed);

    /// <summary>The records, in a shuffled order, and the true person of each.</summary>
    public List<LinkageRecord> Records { get; } = [];

    /// <summary>The true person id of each record.</summary>
    public List<string> Truth { get; } = [];

    /// <summary>Indices of records of twins, as (record of one twin, record of the other).</summary>
    public List<(int, int)> TwinRecords { get; } = [];

    /// <summary>Indices of records of a parent and a child with the same forename, surname and address.</summary>
    public List<(int, int)> NamesakeRecords { get; } = [];

    /// <summary>
    /// About <paramref name="people"/> people in households, each with 1 to 3 records (2 on average) spread over
    /// <paramref name="sources"/> sources.
    /// </summary>
    public static SyntheticIdentities Generate(int people, int sources, int seed)
    {
        var city = new SyntheticIdentities(seed);
        city.Build(people, sources);
        return city;
    }

    private sealed record Person(string Id, string Forename, string Surname, DateOnly Birth, string Sex, string Postcode, string Address, int Household);

    private void Build(int people, int sources)
    {
        var persons = new List<Person>(people + 8);
        var twins = new List<(string, string)>();
        var namesakes = new List<(string, string)>();
        var household = 0;
        while (persons.Count < people)
        {
            household++;
            var surname = Surname();
            var postcode = Postcode();
            var address = $"{random.Next(1, 300)} {Syllables[random.Next(Syllables.Length)]}{Syllables[random.Next(Syllables.Length)]} {(random.Next(3) switch { 0 => "ROAD", 1 => "STREET", _ => "CLOSE" })}";
            var parentBirth = new DateOnly(1950, 1, 1).AddDays(random.Next(365 * 45));
            var mother = Add(persons, "F", Pick(Female), surname, parentBirth, postcode, address, household);
            Person? father = null;
            if (random.NextDouble() < 0.6)
                father = Add(persons, "M", Pick(Male), surname, parentBirth.AddDays(random.Next(-1500, 1500)), postcode, address, household);
            var children = random.Next(0, 4);
            for (var c = 0; c < children; c++)
            {
                var birth = parentBirth.AddDays(365 * random.Next(18, 40) + random.Next(365));
                var sex = random.Next(2) == 0 ? "F" : "M";
                // A child named after a parent (2%, an assumption): same forename, surname and address.
                var namesake = father is not null && sex == "M" && random.NextDouble() < 0.02;
                var child = Add(persons, sex, namesake ? father!.Forename : Unused(sex == "F" ? Female : Male, persons, household), surname, birth, postcode, address, household);
                if (namesake)
                    namesakes.Add((father!.Id, child.Id));
                // Twins: about 1.5% of maternities in England and Wales (ONS birth characteristics).
                if (random.NextDouble() < 0.015)
                {
                    var twinSex = random.Next(2) == 0 ? "F" : "M";
                    var twin = Add(persons, twinSex, Unused(twinSex == "F" ? Female : Male, persons, household), surname, birth, postcode, address, household);
                    twins.Add((child.Id, twin.Id));
                }
            }
        }

        var recordsOf = new Dictionary<string, List<int>>();
        var pending = new List<(LinkageRecord Record, string Person)>();
        foreach (var person in persons)
        {
            var count = random.Next(1, 4);
            for (var k = 0; k < count; k++)
                pending.Add((Corrupt(person, $"s{random.Next(sources) + 1}", pending.Count), person.Id));
        }
        foreach (var index in Enumerable.Range(0, pending.Count).OrderBy(_ => random.Next()))
        {
            Records.Add(pending[index].Record);
            Truth.Add(pending[index].Person);
            if (!recordsOf.TryGetValue(pending[index].Person, out var list))
                recordsOf[pending[index].Person] = list = [];
            list.Add(Records.Count - 1);
        }
        foreach (var (a, b) in twins)
            if (recordsOf.TryGetValue(a, out var ra) && recordsOf.TryGetValue(b, out var rb))
                TwinRecords.Add((ra[0], rb[0]));
        foreach (var (a, b) in namesakes)
            if (recordsOf.TryGetValue(a, out var ra) && recordsOf.TryGetValue(b, out var rb))
                NamesakeRecords.Add((ra[0], rb[0]));
    }

    private Person Add(List<Person> persons, string sex, string forename, string surname, DateOnly birth, string postcode, string address, int household)
    {
        var person = new Person($"P{persons.Count + 1}", forename, surname, birth, sex, postcode, address, household);
        persons.Add(person);
        return person;
    }

    private LinkageRecord Corrupt(Person person, string source, int number)
    {
        var forename = person.Forename;
        var surname = person.Surname;
        DateOnly? birth = person.Birth;
        string? postcode = person.Postcode;
        string? address = person.Address;
        var roll = random.NextDouble();
        if (roll < 0.04) forename = Typo(forename);
        else if (roll < 0.08 && ShortForms.TryGetValue(forename, out var shortForm)) forename = shortForm;
        if (random.NextDouble() < 0.03) surname = Typo(surname);
        if (person.Sex == "F" && random.NextDouble() < 0.02) surname = Surname();
        if (random.NextDouble() < 0.01) (forename, surname) = (surname, forename);
        roll = random.NextDouble();
        if (roll < 0.01 && person.Birth.Day <= 12) birth = new DateOnly(person.Birth.Year, person.Birth.Day, person.Birth.Month);
        else if (roll < 0.03) birth = person.Birth.AddDays(random.Next(1, 9));
        else if (roll < 0.05) birth = null;
        else if (roll < 0.06) birth = new DateOnly(1900, 1, 1);
        roll = random.NextDouble();
        if (roll < 0.08) { postcode = Postcode(); address = $"{random.Next(1, 300)} NEW ROAD"; }
        else if (roll < 0.13) postcode = null;
        if (random.NextDouble() < 0.1) address = address?.Replace("ROAD", "RD", StringComparison.Ordinal).Replace("STREET", "ST", StringComparison.Ordinal);
        return new LinkageRecord
        {
            Source = source,
            RecordId = $"R{number.ToString(CultureInfo.InvariantCulture)}",
            Forename = Title(forename),
            Surname = Title(surname),
            BirthDate = birth,
            Sex = random.NextDouble() < 0.9 ? person.Sex : null,
            Postcode = postcode,
            Address = address,
        };
    }

    private string Surname()
    {
        // About a third from common surnames (many people share them), the rest built from syllables.
        if (random.NextDouble() < 0.35)
            return Pick(CommonSurnames);
        var parts = random.Next(2, 4);
        var name = "";
        for (var p = 0; p < parts; p++)
            name += Syllables[random.Next(Syllables.Length)];
        return random.NextDouble() < 0.03 ? name + "-" + Pick(CommonSurnames) : name;
    }

    private string Postcode()
    {
        const string letters = "ABDEFGHJLNPQRSTUWXYZ";
        return $"{"BS"}{random.Next(1, 40)} {random.Next(10)}{letters[random.Next(letters.Length)]}{letters[random.Next(letters.Length)]}";
    }

    private string Typo(string text)
    {
        if (text.Length < 3)
            return text;
        var at = random.Next(1, text.Length - 1);
        return random.Next(3) switch
        {
            0 => text.Remove(at, 1),
            1 => text[..at] + text[at + 1] + text[at] + text[(at + 2)..],
            _ => text[..at] + (char)('A' + random.Next(26)) + text[(at + 1)..],
        };
    }

    private string Pick(string[] names) => names[random.Next(names.Length)];

    // Parents do not give two of their children (or a child and the other parent) one forename.
    private string Unused(string[] names, List<Person> persons, int household)
    {
        // A household's members are the last ones added.
        while (true)
        {
            var name = Pick(names);
            var taken = false;
            for (var k = persons.Count - 1; k >= 0 && persons[k].Household == household && !taken; k--)
                taken = persons[k].Forename == name;
            if (!taken)
                return name;
        }
    }

    private static string Title(string name) => name.Length == 0 ? name : name[0] + name[1..].ToLowerInvariant();
}
