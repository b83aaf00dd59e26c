namespace EarlyHelp.Analytics.Linkage;

/// <summary>Computes a pair's comparison vector (one level per comparison) over prepared records.</summary>
internal sealed class ComparisonVectors(PreparedRecords data, IReadOnlyList<Comparison> comparisons)
{
    private readonly Comparison[] all = [.. comparisons];

    /// <summary>The prepared records.</summary>
    public PreparedRecords Data => data;

    /// <summary>The comparisons, in model order.</summary>
    public IReadOnlyList<Comparison> Comparisons => all;

    /// <summary>Writes the levels of pair (i, j) into <paramref name="levels"/>.</summary>
    public void Levels(int i, int j, Span<sbyte> levels)
    {
        for (var c = 0; c < all.Length; c++)
            levels[c] = (sbyte)all[c].Level(data, i, j);
    }
}
