namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// m and u of a comparison added to an estimated model (group linkage's), the model's other parameters held fixed.
/// u from random pairs, as every comparison's (Splink's estimate_u_using_random_sampling); m by EM over the scored
/// pairs (Winkler 1988): E step, each pair's match probability from its weight under the model plus the new
/// comparison's log2(m / u) at its level; M step, m at each level the probability-weighted share of pairs there.
/// </summary>
internal static class GroupComparisonEstimation
{
    /// <summary>u per level from the levels of random pairs (-1 missing), half a count for a level never seen.</summary>
    public static double[] EstimateU(IEnumerable<int> randomLevels, int levels)
    {
        var counts = new double[levels];
        foreach (var level in randomLevels)
            if (level >= 0)
                counts[level]++;
        for (var l = 0; l < levels; l++)
            counts[l] = Math.Max(counts[l], 0.5);
        var total = counts.Sum();
        return counts.Select(c => c / total).ToArray();
    }

    /// <summary>
    /// m per level by EM over pairs with the comparison present: <paramref name="weights"/> their match weights without
    /// it (prior included), <paramref name="levels"/> their levels, <paramref name="u"/> held fixed.
    /// </summary>
    public static (double[] M, int Iterations) EstimateM(IReadOnlyList<double> weights, IReadOnlyList<int> levels, double[] u,
        int maximumIterations, double tolerance)
    {
        // Pairs of one level whose weights agree to 1/1024 of a bit are one pattern with a count, as EM runs over
        // patterns elsewhere: hundreds of thousands of pairs become a few thousand terms per iteration.
        var patterns = new Dictionary<(long, int), int>();
        for (var p = 0; p < weights.Count; p++)
        {
            var key = ((long)Math.Round(weights[p] * 1024), levels[p]);
            patterns[key] = patterns.GetValueOrDefault(key) + 1;
        }
        var patternWeights = patterns.Keys.Select(k => k.Item1 / 1024.0).ToArray();
        var patternLevels = patterns.Keys.Select(k => k.Item2).ToArray();
        var counts = patterns.Values.ToArray();
        return EstimateM(patternWeights, patternLevels, counts, u, maximumIterations, tolerance);
    }

    private static (double[] M, int Iterations) EstimateM(double[] weights, int[] levels, int[] counts, double[] u,
        int maximumIterations, double tolerance)
    {
        // Start agreeing more among matches than among non-matches, as EM starts every comparison.
        var m = u.Select((_, l) => l == 0 ? 0.9 : 0.1 / Math.Max(1, u.Length - 1)).ToArray();
        var iterations = 0;
        while (iterations < maximumIterations)
        {
            iterations++;
            var sums = new double[u.Length];
            double total = 0;
            for (var p = 0; p < weights.Length; p++)
            {
                var probability = counts[p] * ScoringWeights.Probability(weights[p] + Math.Log2(m[levels[p]] / u[levels[p]]));
                sums[levels[p]] += probability;
                total += probability;
            }
            if (total <= 0)
                break;
            // Half a count for a level no likely match reached, as for u, so that no weight is infinite.
            var floored = sums.Select(s => Math.Max(s, 0.5)).ToArray();
            var sum = floored.Sum();
            var moved = 0.0;
            for (var l = 0; l < m.Length; l++)
            {
                moved = Math.Max(moved, Math.Abs(floored[l] / sum - m[l]));
                m[l] = floored[l] / sum;
            }
            if (moved < tolerance)
                break;
        }
        return (m, iterations);
    }
}
