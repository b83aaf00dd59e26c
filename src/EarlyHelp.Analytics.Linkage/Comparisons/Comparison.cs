namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// A field comparison: the level a pair of prepared records reaches, most agreeing first and "else" last,
/// or -1 when either side is missing (Splink's null level, which adds no weight).
/// </summary>
internal abstract class Comparison
{
    /// <summary>The comparison's name in the model, such as "forename".</summary>
    public abstract string Name { get; }

    /// <summary>The levels' labels, most agreeing first; the last is "else".</summary>
    public abstract IReadOnlyList<string> Labels { get; }

    /// <summary>The level whose u is replaced by the agreed value's frequency, or -1 for none.</summary>
    public virtual int TermFrequencyLevel => -1;

    /// <summary>The level pair (i, j) reaches, or -1 when either side is missing.</summary>
    public abstract int Level(PreparedRecords data, int i, int j);

    /// <summary>The interned value id of record i for the term-frequency table (-1 missing).</summary>
    public virtual int ValueId(PreparedRecords data, int i) => -1;

    /// <summary>The distinct values that <see cref="ValueId"/> indexes.</summary>
    public virtual IReadOnlyList<string> Values(PreparedRecords data) => [];

    /// <summary>How many records have the field.</summary>
    public abstract int Present(PreparedRecords data);

    /// <summary>Records with an id of 0 or more.</summary>
    protected static int CountPresent(int[] ids)
    {
        var count = 0;
        foreach (var id in ids)
            if (id >= 0)
                count++;
        return count;
    }

    /// <summary>The index of the first Jaro–Winkler band that <paramref name="similarity"/> reaches, or the band count.</summary>
    protected static int Band(double similarity, IReadOnlyList<double> thresholds)
    {
        for (var k = 0; k < thresholds.Count; k++)
            if (similarity >= thresholds[k])
                return k;
        return thresholds.Count;
    }

    /// <summary>Labels of the Jaro–Winkler bands.</summary>
    protected static IEnumerable<string> BandLabels(IEnumerable<double> thresholds) =>
        thresholds.Select(t => $"Jaro-Winkler >= {t:0.00}");
}
