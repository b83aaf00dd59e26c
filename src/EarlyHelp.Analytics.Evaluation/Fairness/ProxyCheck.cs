using EarlyHelp.Analytics.Evaluation.Input;

namespace EarlyHelp.Analytics.Evaluation.Fairness;

/// <summary>
/// How much each feature on its own tells about each group column: for every group, the AUC of the
/// feature at separating that group from the rest, folded to max(AUC, 1 − AUC) so that 0.5 means no
/// information whichever way the feature points. A feature that separates a group well lets a model
/// use it as a stand-in for the characteristic (indirect use). A missing value ranks below every
/// value, so missingness that differs between groups counts too.
/// </summary>
internal static class ProxyCheck
{
    /// <summary>
    /// Levels follow Hosmer and Lemeshow's (2000) reading of the AUC: 0.7 or more is acceptable
    /// discrimination, i.e. a strong proxy here; below 0.55 the feature says next to nothing.
    /// </summary>
    public static string LevelOf(double strength) => strength switch
    {
        >= 0.7 => "strong",
        >= 0.6 => "moderate",
        >= 0.55 => "weak",
        _ => "none",
    };

    public static IReadOnlyList<ProxyResult> Run(ScoredPopulation population, IReadOnlyList<AuditDimension> characteristics)
    {
        var results = new List<ProxyResult>();
        foreach (var feature in population.Features)
        {
            var ascending = AscendingWithMissingFirst(feature.Values);
            foreach (var dimension in characteristics.Where(d => d.GroupCount > 1))
            {
                var auc = OneAgainstRest(feature.Values, ascending, dimension);
                var byGroup = new Dictionary<string, double>(StringComparer.Ordinal);
                for (var g = 0; g < dimension.GroupCount; g++)
                    byGroup[dimension.GroupNames[g]] = Math.Max(auc[g], 1 - auc[g]);
                var strongest = byGroup.MaxBy(p => p.Value);
                results.Add(new ProxyResult(dimension.Name, feature.Name, strongest.Value, strongest.Key, LevelOf(strongest.Value), byGroup));
            }
        }

        return results.OrderBy(r => r.Characteristic, StringComparer.Ordinal).ThenByDescending(r => r.Strength).ToList();
    }

    private static int[] AscendingWithMissingFirst(IReadOnlyList<double> values)
    {
        var keys = values.Select(v => double.IsNaN(v) ? double.NegativeInfinity : v).ToArray();
        var order = Enumerable.Range(0, keys.Length).ToArray();
        Array.Sort(keys, order);
        return order;
    }

    /// <summary>Each group's AUC against the rest, ties counted one half, in one pass up the ranking.</summary>
    private static double[] OneAgainstRest(IReadOnlyList<double> values, int[] ascending, AuditDimension dimension)
    {
        static double Key(double v) => double.IsNaN(v) ? double.NegativeInfinity : v;
        var groups = dimension.GroupCount;
        var below = new long[groups];
        var inRun = new long[groups];
        var sums = new double[groups];
        var touched = new List<int>();
        long belowAll = 0;
        var start = 0;
        while (start < ascending.Length)
        {
            var end = start;
            var key = Key(values[ascending[start]]);
            while (end < ascending.Length && Key(values[ascending[end]]) == key)
            {
                var g = dimension.GroupOfRow[ascending[end]];
                if (inRun[g]++ == 0)
                    touched.Add(g);
                end++;
            }

            var runLength = end - start;
            foreach (var g in touched)
            {
                var othersBelow = belowAll - below[g];
                var othersInRun = runLength - inRun[g];
                sums[g] += inRun[g] * (othersBelow + 0.5 * othersInRun);
                below[g] += inRun[g];
                inRun[g] = 0;
            }

            belowAll += runLength;
            touched.Clear();
            start = end;
        }

        var total = (double)ascending.Length;
        return Enumerable.Range(0, groups).Select(g => sums[g] / (dimension.Sizes[g] * (total - dimension.Sizes[g]))).ToArray();
    }
}
