namespace EarlyHelp.Analytics.Synthetic.Identity;

/// <summary>
/// The project's own small lists of names by ethnic group, most frequent first (weights follow a
/// Zipf law, see <see cref="NamePools"/>). They are illustrative, not a census of names: enough
/// variety, the usual very common names at the top, and the spelling and naming conventions that make
/// linkage harder for some groups (transliterated names, Mohamed as a family name, Chinese family-first order).
/// </summary>
internal static class NameLists
{
    /// <summary>White British male forenames; Bogus's en_GB list follows as the long tail.</summary>
    public static readonly string[] WhiteBritishMale =
        ["James", "David", "John", "Michael", "Thomas", "William", "Daniel", "Robert", "Christopher", "Matthew", "Oliver", "Jack",
         "Harry", "George", "Joseph", "Samuel", "Andrew", "Paul", "Mark", "Richard", "Benjamin", "Joshua", "Alexander", "Stephen", "Peter", "Edward", "Anthony", "Nicholas"];

    /// <summary>White British female forenames; Bogus's en_GB list follows.</summary>
    public static readonly string[] WhiteBritishFemale =
        ["Sarah", "Emma", "Olivia", "Sophie", "Emily", "Charlotte", "Jessica", "Amelia", "Elizabeth", "Rebecca", "Laura", "Hannah",
         "Katherine", "Victoria", "Lucy", "Margaret", "Samantha", "Jennifer", "Isabella", "Eleanor", "Abigail", "Susan", "Deborah", "Alexandra", "Catherine"];

    /// <summary>White British surnames; Bogus's en_GB list follows.</summary>
    public static readonly string[] WhiteBritishSurnames =
        ["Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Robinson",
         "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson"];

    /// <summary>Other White (mostly Central and Eastern European) male forenames.</summary>
    public static readonly string[] WhiteOtherMale =
        ["Jakub", "Piotr", "Tomasz", "Krzysztof", "Wojciech", "Lukasz", "Andrzej", "Marek", "Pawel", "Mateusz", "Adrian", "Ionut",
         "Andrei", "Mihai", "Darius", "Tomas", "Mantas", "Giorgos", "Marco", "Luca"];

    /// <summary>Other White female forenames.</summary>
    public static readonly string[] WhiteOtherFemale =
        ["Anna", "Katarzyna", "Agnieszka", "Aleksandra", "Malgorzata", "Magdalena", "Joanna", "Monika", "Ewa", "Natalia", "Ioana",
         "Elena", "Andreea", "Ruta", "Egle", "Maria", "Giulia", "Sofia"];

    /// <summary>Other White surnames.</summary>
    public static readonly string[] WhiteOtherSurnames =
        ["Nowak", "Kowalski", "Wisniewski", "Wojcik", "Kaminski", "Lewandowski", "Zielinski", "Szymanski", "Popescu", "Ionescu",
         "Popa", "Kazlauskas", "Jankauskas", "Horvath", "Novak", "Rossi", "Papadopoulos", "Silva", "Santos", "Kowalczyk"];

    /// <summary>South Asian male forenames.</summary>
    public static readonly string[] AsianMale =
        ["Mohammed", "Ali", "Ahmed", "Muhammad", "Hassan", "Imran", "Bilal", "Usman", "Zain", "Amir", "Yusuf", "Arjun", "Rajesh",
         "Sanjay", "Harpreet", "Gurpreet", "Abdullah", "Mustafa", "Tariq", "Rahul", "Ibrahim", "Hamza"];

    /// <summary>South Asian female forenames.</summary>
    public static readonly string[] AsianFemale =
        ["Fatima", "Aisha", "Maryam", "Zara", "Amina", "Sana", "Nadia", "Priya", "Ayesha", "Hina", "Sunita", "Anjali", "Noor",
         "Khadija", "Zainab", "Simran", "Rukhsana", "Shabana", "Nazia", "Mariam"];

    /// <summary>South Asian surnames.</summary>
    public static readonly string[] AsianSurnames =
        ["Khan", "Ahmed", "Ali", "Hussain", "Patel", "Begum", "Akhtar", "Iqbal", "Shah", "Rahman", "Singh", "Kaur", "Mahmood",
         "Chowdhury", "Islam", "Uddin", "Bibi", "Sharma", "Malik", "Mirza"];

    /// <summary>Black African and Caribbean male forenames.</summary>
    public static readonly string[] BlackMale =
        ["Mohamed", "Abdi", "Emmanuel", "Samuel", "Daniel", "Kwame", "Chinedu", "Oluwaseun", "Kofi", "Tyrone", "Jermaine", "Ahmed",
         "Abdirahman", "Yusuf", "Michael", "Joshua", "Marcus", "Chukwuemeka", "Oluwatobi", "Isaac"];

    /// <summary>Black African and Caribbean female forenames.</summary>
    public static readonly string[] BlackFemale =
        ["Fadumo", "Hodan", "Grace", "Blessing", "Amina", "Precious", "Chiamaka", "Abimbola", "Shanice", "Nia", "Ayaan", "Hawa",
         "Faith", "Esther", "Deborah", "Naomi", "Amara", "Sagal", "Ruth", "Keisha"];

    /// <summary>Black African and Caribbean surnames (Somali family names are often a father's forename).</summary>
    public static readonly string[] BlackSurnames =
        ["Mohamed", "Ali", "Abdi", "Hassan", "Ahmed", "Osei", "Mensah", "Okafor", "Adeyemi", "Warsame", "Campbell", "Williams",
         "Brown", "Francis", "Johnson", "Clarke", "Okonkwo", "Asante", "Farah", "Omar", "Grant", "Thomas"];

    /// <summary>Other groups (Chinese, Arab and others) male forenames.</summary>
    public static readonly string[] OtherMale =
        ["Wei", "Jun", "Hao", "Omar", "Ahmad", "Yousef", "Karim", "Minh", "Duc", "Hiroshi", "Carlos", "Mohammad", "Tariq", "Sami"];

    /// <summary>Other groups female forenames.</summary>
    public static readonly string[] OtherFemale =
        ["Mei", "Li Na", "Xin", "Layla", "Noor", "Yasmin", "Lina", "Thi", "Linh", "Yuki", "Ana", "Fatimah", "Rania", "Hana"];

    /// <summary>Other groups surnames.</summary>
    public static readonly string[] OtherSurnames =
        ["Wang", "Li", "Zhang", "Chen", "Liu", "Nguyen", "Tran", "Al-Sayed", "Abdullah", "Haddad", "Kim", "Tanaka", "Rodriguez", "Hussein", "Mansour"];

    /// <summary>
    /// Spellings of one name that agencies use interchangeably: transliterations from Arabic, Somali,
    /// Bengali and Urdu, and Chinese romanisations. A record shows any member of the set.
    /// </summary>
    public static readonly string[][] Transliterations =
    [
        ["Mohammed", "Muhammad", "Mohamed", "Mohammad", "Mohamad"],
        ["Ahmed", "Ahmad", "Ahmet"],
        ["Hussain", "Hussein", "Husain", "Hossain"],
        ["Yusuf", "Yousef", "Youssef", "Yusef"],
        ["Aisha", "Ayesha", "Aysha"],
        ["Fatima", "Fatimah", "Fatma"],
        ["Mustafa", "Mostafa"],
        ["Chowdhury", "Choudhury", "Chaudhry"],
        ["Rahman", "Rehman"],
        ["Mahmood", "Mahmud", "Mehmood"],
        ["Abdirahman", "Abdulrahman", "Abdurahman"],
        ["Maryam", "Mariam", "Miriam"],
        ["Khadija", "Khadijah", "Khadeeja"],
        ["Li", "Lee"],
        ["Chen", "Chan"],
        ["Zainab", "Zaynab"],
    ];

    /// <summary>Short forms and nicknames people give or agencies key in for a forename (the project's own small table).</summary>
    public static readonly (string Name, string[] Short)[] ShortForms =
    [
        ("William", ["Will", "Bill"]), ("Robert", ["Rob", "Bob"]), ("Richard", ["Rich"]), ("James", ["Jim", "Jamie"]),
        ("Thomas", ["Tom"]), ("Michael", ["Mike"]), ("Christopher", ["Chris"]), ("Daniel", ["Dan", "Danny"]),
        ("Matthew", ["Matt"]), ("Anthony", ["Tony"]), ("Joseph", ["Joe"]), ("Benjamin", ["Ben"]), ("Samuel", ["Sam"]),
        ("Alexander", ["Alex"]), ("Nicholas", ["Nick"]), ("Edward", ["Ed", "Ted"]), ("David", ["Dave"]), ("Stephen", ["Steve"]),
        ("Andrew", ["Andy"]), ("Peter", ["Pete"]), ("Joshua", ["Josh"]), ("Oliver", ["Ollie"]), ("Harry", ["Harold"]),
        ("Elizabeth", ["Liz", "Beth"]), ("Katherine", ["Kate", "Katie"]), ("Catherine", ["Cathy", "Kate"]), ("Margaret", ["Maggie"]),
        ("Rebecca", ["Becky"]), ("Jessica", ["Jess"]), ("Victoria", ["Vicky"]), ("Samantha", ["Sam"]), ("Jennifer", ["Jen"]),
        ("Charlotte", ["Lottie"]), ("Abigail", ["Abi"]), ("Deborah", ["Debbie"]), ("Susan", ["Sue"]), ("Alexandra", ["Alex"]),
        ("Eleanor", ["Ellie"]), ("Amelia", ["Millie"]), ("Olivia", ["Liv"]), ("Isabella", ["Bella"]),
        ("Mohammed", ["Mo"]), ("Oluwaseun", ["Seun"]), ("Oluwatobi", ["Tobi"]), ("Chukwuemeka", ["Emeka"]), ("Wojciech", ["Wojtek"]),
        ("Aleksandra", ["Ola"]), ("Malgorzata", ["Gosia"]), ("Katarzyna", ["Kasia"]), ("Krzysztof", ["Chris"]), ("Abdirahman", ["Abdi"]),
    ];
}
