namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// The u probabilities from random record pairs, which are almost all non-matches (Splink's
/// estimate_u_using_random_sampling). Small sets are compared in full instead of sampled.
/// </summary>
internal static class RandomPairs
{
    /// <summary>Pairs the settings allow: all pairs, or only pairs across sources.</summary>
    public static double PossiblePairs(PreparedRecords data, bool acrossSourcesOnly)
    {
        double n = data.Count;
        if (!acrossSourcesOnly)
            return n * (n - 1) / 2;
        var perSource = new double[data.SourceNames.Count];
        foreach (var s in data.Source)
            perSource[s]++;
        return (n * n - perSource.Sum(x => x * x)) / 2;
    }

    /// <summary>u per comparison and level (half a count where none was seen), whether each comparison was ever present, and the pairs used.</summary>
    public static (double[][] U, bool[] Present, int Pairs) Estimate(ComparisonVectors vectors, LinkageSettings settings, int seed)
    {
        var data = vectors.Data;
        var comparisons = vectors.Comparisons;
        var patterns = new ComparisonPatterns();
        Span<sbyte> levels = stackalloc sbyte[comparisons.Count];
        var pairs = 0;
        if (PossiblePairs(data, settings.AcrossSourcesOnly) <= settings.RandomPairs)
        {
            for (var i = 0; i < data.Count; i++)
                for (var j = i + 1; j < data.Count; j++)
                {
                    if (settings.AcrossSourcesOnly && data.Source[i] == data.Source[j])
                        continue;
                    vectors.Levels(i, j, levels);
                    patterns.Add(levels);
                    pairs++;
                }
        }
        else
        {
            // In parallel, each worker with its own seeded generator, so the result does not depend on timing.
            var workers = settings.DegreeOfParallelism;
            var parts = new ComparisonPatterns[workers];
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            {
                var random = new Random(seed + 7919 * w);
                var local = new ComparisonPatterns();
                var buffer = new sbyte[comparisons.Count];
                var quota = settings.RandomPairs / workers + (w < settings.RandomPairs % workers ? 1 : 0);
                for (var drawn = 0; drawn < quota;)
                {
                    int i = random.Next(data.Count), j = random.Next(data.Count);
                    if (i == j || (settings.AcrossSourcesOnly && data.Source[i] == data.Source[j]))
                        continue;
                    vectors.Levels(i, j, buffer);
                    local.Add(buffer);
                    drawn++;
                }
                parts[w] = local;
            });
            foreach (var part in parts)
                patterns.Merge(part);
            pairs = settings.RandomPairs;
        }

        var counts = comparisons.Select(c => new double[c.Labels.Count]).ToArray();
        foreach (var (pattern, count) in patterns.Expand(comparisons.Count))
            for (var c = 0; c < comparisons.Count; c++)
                if (pattern[c] >= 0)
                    counts[c][pattern[c]] += count;
        var u = counts.Select(row =>
        {
            var floored = row.Select(x => Math.Max(x, 0.5)).ToArray();
            var sum = floored.Sum();
            return floored.Select(x => x / sum).ToArray();
        }).ToArray();
        return (u, counts.Select(row => row.Sum() > 0).ToArray(), pairs);
    }
}
