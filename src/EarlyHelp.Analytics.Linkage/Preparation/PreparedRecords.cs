namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// Records turned into arrays of interned ids and normalised values, once, so that comparing a pair reads
/// a few ints and short strings and allocates nothing.
/// </summary>
internal sealed class PreparedRecords
{
    private PreparedRecords(int count, IReadOnlyList<string> otherFields)
    {
        Count = count;
        Source = new int[count];
        EntityRef = new int[count];
        Forename = new int[count];
        ForenameSoundex = new int[count];
        Surname = new int[count];
        SurnameSoundex = new int[count];
        BirthDate = new int[count];
        BornEarliest = new int[count];
        BornLatest = new int[count];
        Sex = new sbyte[count];
        Postcode = new int[count];
        PostcodeSector = new int[count];
        PostcodeDistrict = new int[count];
        Address = new int[count];
        Nhs = new int[count];
        OtherFields = otherFields;
        Other = otherFields.Select(_ => new int[count]).ToArray();
    }

    public int Count { get; }
    public int[] Source { get; }
    public List<string> SourceNames { get; } = [];
    public int[] EntityRef { get; }
    public int[] Forename { get; }
    public int[] ForenameSoundex { get; }
    public string[] ForenameValues { get; private set; } = [];
    public string[] ForenameFirstParts { get; private set; } = [];
    public int[][] ForenameGroups { get; private set; } = [];
    public int[] Surname { get; }
    public int[] SurnameSoundex { get; }
    public string[] SurnameValues { get; private set; } = [];
    public string[][] SurnameParts { get; private set; } = [];
    public int[] BirthDate { get; }

    /// <summary>The earliest date of birth the record's context allows (yyyymmdd), or -1 without a context.</summary>
    public int[] BornEarliest { get; }

    /// <summary>The latest date of birth the record's context allows (yyyymmdd), or -1 without a context.</summary>
    public int[] BornLatest { get; }
    public sbyte[] Sex { get; }
    public int[] Postcode { get; }
    public string[] PostcodeValues { get; private set; } = [];
    public int[] PostcodeSector { get; }
    public int[] PostcodeDistrict { get; }
    public int[] Address { get; }
    public string[] AddressValues { get; private set; } = [];
    public int[][] AddressTokens { get; private set; } = [];
    public int[] Nhs { get; }
    public string[] NhsValues { get; private set; } = [];
    public IReadOnlyList<string> OtherFields { get; }
    public int[][] Other { get; }
    public string[][] OtherValues { get; private set; } = [];

    /// <summary>The names of the extra fields present in any record, sorted.</summary>
    public static IReadOnlyList<string> OtherFieldsOf(IReadOnlyList<LinkageRecord> records) =>
        records.Where(r => r.Other is not null).SelectMany(r => r.Other!.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>Prepares <paramref name="records"/>, comparing the extra fields named in <paramref name="otherFields"/>.</summary>
    public static PreparedRecords From(IReadOnlyList<LinkageRecord> records, IReadOnlyList<string> otherFields)
    {
        var prepared = new PreparedRecords(records.Count, otherFields);
        var sources = new ValuePool();
        var entityRefs = new ValuePool();
        var forenames = new ValuePool();
        var forenameFirstParts = new List<string>();
        var surnames = new ValuePool();
        var surnameParts = new List<string[]>();
        var postcodes = new ValuePool();
        var sectors = new ValuePool();
        var districts = new ValuePool();
        var addresses = new ValuePool();
        var nhsNumbers = new ValuePool();
        var others = otherFields.Select(_ => new ValuePool()).ToArray();

        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            prepared.Source[i] = sources.Add(record.Source);
            prepared.EntityRef[i] = string.IsNullOrWhiteSpace(record.SourceEntityRef)
                ? -1 : entityRefs.Add(record.Source + "\u001f" + record.SourceEntityRef.Trim());

            var forename = NameText.Normalise(record.Forename);
            prepared.Forename[i] = forenames.Add(forename);
            if (prepared.Forename[i] == forenameFirstParts.Count && forename is not null)
                forenameFirstParts.Add(NameText.Parts(record.Forename) is { Length: > 0 } parts ? parts[0] : forename);
            prepared.ForenameSoundex[i] = Soundex.Encode(forename);

            var surname = NameText.Normalise(record.Surname);
            prepared.Surname[i] = surnames.Add(surname);
            if (prepared.Surname[i] == surnameParts.Count && surname is not null)
                surnameParts.Add(NameText.Parts(record.Surname));
            prepared.SurnameSoundex[i] = Soundex.Encode(surname);

            prepared.BirthDate[i] = BirthDates.Encode(record.BirthDate);
            (prepared.BornEarliest[i], prepared.BornLatest[i]) = record.ImpliedBirthDates is { } range
                ? (BirthDates.EncodeBound(range.Earliest), BirthDates.EncodeBound(range.Latest)) : (-1, -1);
            prepared.Sex[i] = SexCode(record.Sex);

            var postcode = PostcodeParts.Parse(record.Postcode);
            prepared.Postcode[i] = postcodes.Add(postcode?.Unit);
            prepared.PostcodeSector[i] = sectors.Add(postcode?.Sector);
            prepared.PostcodeDistrict[i] = districts.Add(postcode?.District);

            prepared.Address[i] = addresses.Add(AddressText.Normalise(record.Address));
            prepared.Nhs[i] = nhsNumbers.Add(Identifier(record.NhsNumber));
            for (var f = 0; f < otherFields.Count; f++)
                prepared.Other[f][i] = others[f].Add(record.Other is not null && record.Other.TryGetValue(otherFields[f], out var value)
                    ? AddressText.Normalise(value) : null);
        }

        prepared.SourceNames.AddRange(sources.Values);
        prepared.ForenameValues = [.. forenames.Values];
        prepared.ForenameFirstParts = [.. forenameFirstParts];
        prepared.ForenameGroups = forenameFirstParts.Select((first, id) => Groups(prepared.ForenameValues[id], first)).ToArray();
        prepared.SurnameValues = [.. surnames.Values];
        prepared.SurnameParts = [.. surnameParts];
        prepared.PostcodeValues = [.. postcodes.Values];
        prepared.AddressValues = [.. addresses.Values];
        prepared.AddressTokens = addresses.Values.Select(AddressText.Tokens).ToArray();
        prepared.NhsValues = [.. nhsNumbers.Values];
        prepared.OtherValues = others.Select(p => p.Values.ToArray()).ToArray();
        return prepared;
    }

    private static int[] Groups(string whole, string firstPart)
    {
        var groups = NameVariants.GroupsOf(whole);
        if (firstPart == whole)
            return groups;
        return groups.Concat(NameVariants.GroupsOf(firstPart)).Distinct().Order().ToArray();
    }

    // 1 female, 2 male, -1 missing or another value. ONS and DfE codes 1 = male, 2 = female are read too.
    private static sbyte SexCode(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? (sbyte)-1
        : (sbyte)(char.ToUpperInvariant(raw.Trim()[0]) switch
        {
            'F' or 'W' or 'G' => 1,
            'M' or 'B' => 2,
            '2' => 1,
            '1' => 2,
            _ => -1,
        });

    private static string? Identifier(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return null;
        var kept = new string(raw.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return kept.Length == 0 ? null : kept;
    }
}
