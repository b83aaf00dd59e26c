namespace EarlyHelp.Analytics.Pipelines.Tests.Support;

/// <summary>One estimate with its 95% interval, e.g. an AUC difference from one training run.</summary>
public readonly record struct IntervalEstimate(double Value, double Lower, double Upper);

/// <summary>
/// DerSimonian–Laird random-effects pooling (DerSimonian and Laird 1986) of estimates from runs that differ in more than
/// their test rows: each run's own interval (read as ±1.96 standard errors) covers only its test set's sampling, and the
/// spread between runs beyond that (τ²) is what a different family partition or boosting seed adds.
/// </summary>
public static class RandomEffects
{
    private const double Z95 = 1.959963984540054;

    /// <summary>The pooled estimate and its 95% interval.</summary>
    public static IntervalEstimate Pool(IReadOnlyList<IntervalEstimate> runs)
    {
        if (runs.Count < 2 || runs.Any(r => !(r.Upper > r.Lower)))
            throw new ArgumentException("Pooling needs two or more runs, each with an interval of positive width.", nameof(runs));
        var variances = runs.Select(r => Math.Pow((r.Upper - r.Lower) / (2 * Z95), 2)).ToArray();
        var weights = variances.Select(v => 1 / v).ToArray();
        var fixedEffect = Weighted(runs, weights);
        var q = runs.Select((r, i) => weights[i] * Math.Pow(r.Value - fixedEffect, 2)).Sum();
        var scale = weights.Sum() - weights.Sum(w => w * w) / weights.Sum();
        var between = Math.Max(0, (q - (runs.Count - 1)) / scale);
        var randomWeights = variances.Select(v => 1 / (v + between)).ToArray();
        var pooled = Weighted(runs, randomWeights);
        var error = 1 / Math.Sqrt(randomWeights.Sum());
        return new IntervalEstimate(pooled, pooled - Z95 * error, pooled + Z95 * error);
    }

    private static double Weighted(IReadOnlyList<IntervalEstimate> runs, double[] weights) =>
        runs.Select((r, i) => weights[i] * r.Value).Sum() / weights.Sum();
}
