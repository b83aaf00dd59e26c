namespace EarlyHelp.Analytics.Linkage;

/// <summary>Forenames: exact (term-frequency adjusted), swapped with the surname, a known variant or middle name, an initial, Jaro–Winkler bands, else.</summary>
internal sealed class ForenameComparison(IReadOnlyList<double> thresholds) : Comparison
{
    public override string Name => "forename";

    public override IReadOnlyList<string> Labels { get; } =
        ["exact", "swapped with surname", "nickname, variant or first name agrees", "initial agrees", .. BandLabels(thresholds), "else"];

    public override int TermFrequencyLevel => 0;

    public override int Level(PreparedRecords data, int i, int j)
    {
        int a = data.Forename[i], b = data.Forename[j];
        if (a < 0 || b < 0)
            return -1;
        if (a == b)
            return 0;
        if (NamesSwapped(data, i, j))
            return 1;
        string left = data.ForenameValues[a], right = data.ForenameValues[b];
        if (NameVariants.ShareGroup(data.ForenameGroups[a], data.ForenameGroups[b]) || data.ForenameFirstParts[a] == data.ForenameFirstParts[b])
            return 2;
        if ((left.Length == 1 || right.Length == 1) && left[0] == right[0])
            return 3;
        return 4 + Band(JaroWinkler.Similarity(left, right), thresholds);
    }

    public override int ValueId(PreparedRecords data, int i) => data.Forename[i];

    public override IReadOnlyList<string> Values(PreparedRecords data) => data.ForenameValues;

    public override int Present(PreparedRecords data) => CountPresent(data.Forename);

    /// <summary>
    /// Forename and surname recorded the other way round on one side: one crossed pair equal and the other equal
    /// or within one keying error or a Jaro–Winkler of 0.92 (a swap typed by the same clerk who misspells:
    /// Kwame Jones and Jonees Kwame, Sunita Ahmed and Ahmad Sunita).
    /// </summary>
    public static bool NamesSwapped(PreparedRecords data, int i, int j)
    {
        int fi = data.Forename[i], fj = data.Forename[j], si = data.Surname[i], sj = data.Surname[j];
        if (fi < 0 || fj < 0 || si < 0 || sj < 0)
            return false;
        string forenameLeft = data.ForenameValues[fi], surnameRight = data.SurnameValues[sj];
        string surnameLeft = data.SurnameValues[si], forenameRight = data.ForenameValues[fj];
        var firstCross = forenameLeft == surnameRight;
        var secondCross = surnameLeft == forenameRight;
        if (firstCross && secondCross)
            return true;
        if (firstCross)
            return Close(surnameLeft, forenameRight);
        return secondCross && Close(forenameLeft, surnameRight);
    }

    private static bool Close(string left, string right) =>
        EditDistance.IsOneEdit(left, right) || JaroWinkler.Similarity(left, right) >= SwapSimilarity;

    /// <summary>Splink's highest name band, fixed here so that the swap does not depend on the settings.</summary>
    private const double SwapSimilarity = 0.92;
}

/// <summary>
/// Surnames: exact (term-frequency adjusted), one part of a double-barrelled name, Jaro–Winkler bands, else.
/// Swapped names count once, at the forename's "swapped" level; here they are missing, or a swap of two common
/// names (Freya Khan, Khan Freya) would count twice and outweigh a conflicting date of birth.
/// </summary>
internal sealed class SurnameComparison(IReadOnlyList<double> thresholds) : Comparison
{
    public override string Name => "surname";

    public override IReadOnlyList<string> Labels { get; } =
        ["exact", "one part of a hyphenated or double name agrees", .. BandLabels(thresholds), "else"];

    public override int TermFrequencyLevel => 0;

    public override int Level(PreparedRecords data, int i, int j)
    {
        int a = data.Surname[i], b = data.Surname[j];
        if (a < 0 || b < 0)
            return -1;
        if (a == b)
            return 0;
        if (ForenameComparison.NamesSwapped(data, i, j))
            return -1;
        if (SharePart(data.SurnameParts[a], data.SurnameParts[b]))
            return 1;
        return 2 + Band(JaroWinkler.Similarity(data.SurnameValues[a], data.SurnameValues[b]), thresholds);
    }

    public override int ValueId(PreparedRecords data, int i) => data.Surname[i];

    public override IReadOnlyList<string> Values(PreparedRecords data) => data.SurnameValues;

    public override int Present(PreparedRecords data) => CountPresent(data.Surname);

    private static bool SharePart(string[] left, string[] right)
    {
        if (left.Length < 2 && right.Length < 2)
            return false;
        foreach (var l in left)
            if (l.Length >= 2)
                foreach (var r in right)
                    if (l == r)
                        return true;
        return false;
    }
}
