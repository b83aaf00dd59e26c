using EarlyHelp.Analytics.Evaluation.Input;

namespace EarlyHelp.Analytics.Evaluation.Fairness;

/// <summary>
/// A partition of the rows into groups: one group column, or the intersection of two. Groups are
/// numbered from the largest; <see cref="ReferenceIndex"/> is the group others are compared with.
/// </summary>
internal sealed class AuditDimension
{
    private AuditDimension(string name, IReadOnlyList<string> columns, string[] groupNames, int[] groupOfRow, long[] sizes)
    {
        Name = name;
        Columns = columns;
        GroupNames = groupNames;
        GroupOfRow = groupOfRow;
        Sizes = sizes;
    }

    /// <summary>Separates the parts of an intersection's name.</summary>
    public const string IntersectionSeparator = " × ";

    public string Name { get; }

    public IReadOnlyList<string> Columns { get; }

    public string[] GroupNames { get; }

    public int GroupCount => GroupNames.Length;

    public int[] GroupOfRow { get; }

    public long[] Sizes { get; }

    public int ReferenceIndex { get; private set; }

    public string ReferenceReason { get; private set; } = "";

    /// <summary>The partition by the values of one or more columns taken together.</summary>
    public static AuditDimension Of(IReadOnlyList<GroupColumn> columns)
    {
        var rows = columns[0].Values.Count;
        var codes = new long[rows];
        var valueNames = new List<string[]>();
        foreach (var column in columns)
        {
            var (columnCodes, names) = Encode(column.Values);
            for (var i = 0; i < rows; i++)
                codes[i] = codes[i] * names.Length + columnCodes[i];
            valueNames.Add(names);
        }

        var sizes = new Dictionary<long, long>();
        foreach (var code in codes)
            sizes[code] = sizes.GetValueOrDefault(code) + 1;

        string NameOf(long code)
        {
            var parts = new string[valueNames.Count];
            for (var c = valueNames.Count - 1; c >= 0; c--)
            {
                parts[c] = valueNames[c][code % valueNames[c].Length];
                code /= valueNames[c].Length;
            }

            return string.Join(IntersectionSeparator, parts);
        }

        var ordered = sizes
            .Select(p => (Code: p.Key, Name: NameOf(p.Key), Size: p.Value))
            .OrderByDescending(g => g.Size).ThenBy(g => g.Name, StringComparer.Ordinal)
            .ToArray();
        var index = new Dictionary<long, int>(ordered.Length);
        for (var g = 0; g < ordered.Length; g++)
            index[ordered[g].Code] = g;
        var groupOfRow = new int[rows];
        for (var i = 0; i < rows; i++)
            groupOfRow[i] = index[codes[i]];
        return new AuditDimension(
            string.Join(IntersectionSeparator, columns.Select(c => c.Name)),
            columns.Select(c => c.Name).ToArray(),
            ordered.Select(g => g.Name).ToArray(),
            groupOfRow,
            ordered.Select(g => g.Size).ToArray());
    }

    private static (int[] Codes, string[] Names) Encode(IReadOnlyList<string> values)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var codes = new int[values.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            if (!index.TryGetValue(values[i], out var code))
            {
                index[values[i]] = code = names.Count;
                names.Add(values[i]);
            }

            codes[i] = code;
        }

        return (codes, [.. names]);
    }

    /// <summary>
    /// The dimensions of an audit: each group column, then (when asked) each pair of columns. A
    /// named reference group applies to the column that holds it; an intersection's reference is
    /// the intersection of its columns' references when that group exists; otherwise the largest.
    /// </summary>
    public static IReadOnlyList<AuditDimension> For(ScoredPopulation population, IReadOnlyList<string> referenceGroups, bool intersections)
    {
        var singles = population.Groups.Select(column => Of([column])).ToList();
        foreach (var name in referenceGroups)
        {
            if (!singles.Any(d => d.GroupNames.Contains(name, StringComparer.Ordinal)))
                throw new AuditInputException(
                    $"The reference group '{name}' does not occur in any group column ({string.Join("; ", singles.Select(d => $"'{d.Name}' has {string.Join(", ", d.GroupNames)}"))}).");
        }

        foreach (var dimension in singles)
        {
            var named = Array.FindIndex(dimension.GroupNames, n => referenceGroups.Contains(n, StringComparer.Ordinal));
            dimension.ReferenceIndex = Math.Max(0, named);
            dimension.ReferenceReason = named >= 0 ? "named as the reference group" : "the largest group";
        }

        var dimensions = new List<AuditDimension>(singles);
        if (!intersections)
            return dimensions;
        for (var a = 0; a < singles.Count; a++)
        {
            for (var b = a + 1; b < singles.Count; b++)
            {
                var intersection = Of([population.Groups[a], population.Groups[b]]);
                var wanted = singles[a].GroupNames[singles[a].ReferenceIndex] + IntersectionSeparator + singles[b].GroupNames[singles[b].ReferenceIndex];
                var found = Array.IndexOf(intersection.GroupNames, wanted);
                intersection.ReferenceIndex = Math.Max(0, found);
                intersection.ReferenceReason = found >= 0 ? "the intersection of the columns' reference groups" : "the largest group";
                dimensions.Add(intersection);
            }
        }

        return dimensions;
    }
}
