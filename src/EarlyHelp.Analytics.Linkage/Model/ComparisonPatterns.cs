namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// Comparison vectors counted by pattern: EM and u estimation only need how often each combination of
/// levels occurs, and a few thousand patterns stand for millions of pairs. A pattern packs each
/// comparison's level + 1 (0 = missing) into four bits of a 128-bit key.
/// </summary>
internal sealed class ComparisonPatterns
{
    /// <summary>Most comparisons a pattern key holds.</summary>
    public const int MaximumComparisons = 32;

    /// <summary>Count of pairs by packed pattern.</summary>
    public Dictionary<UInt128, long> Counts { get; } = [];

    /// <summary>Packs one pair's levels.</summary>
    public static UInt128 Pack(ReadOnlySpan<sbyte> levels)
    {
        UInt128 key = 0;
        for (var c = 0; c < levels.Length; c++)
            key |= (UInt128)(uint)(levels[c] + 1) << (4 * c);
        return key;
    }

    /// <summary>Unpacks a pattern into levels (-1 missing).</summary>
    public static void Unpack(UInt128 key, Span<sbyte> levels)
    {
        for (var c = 0; c < levels.Length; c++)
            levels[c] = (sbyte)((int)(uint)((key >> (4 * c)) & 0xF) - 1);
    }

    /// <summary>Counts one pair.</summary>
    public void Add(ReadOnlySpan<sbyte> levels)
    {
        var key = Pack(levels);
        Counts[key] = Counts.GetValueOrDefault(key) + 1;
    }

    /// <summary>Adds another set's counts to this one.</summary>
    public void Merge(ComparisonPatterns other)
    {
        foreach (var (key, count) in other.Counts)
            Counts[key] = Counts.GetValueOrDefault(key) + count;
    }

    /// <summary>The patterns as level arrays with their counts.</summary>
    public (sbyte[] Levels, long Count)[] Expand(int comparisons) =>
        Counts.Select(p =>
        {
            var levels = new sbyte[comparisons];
            Unpack(p.Key, levels);
            return (levels, p.Value);
        }).ToArray();
}
