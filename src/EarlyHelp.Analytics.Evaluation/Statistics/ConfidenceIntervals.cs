using MathNet.Numerics.Distributions;

namespace EarlyHelp.Analytics.Evaluation.Statistics;

/// <summary>Closed-form confidence intervals used throughout the reports.</summary>
public static class ConfidenceIntervals
{
    /// <summary>The standard normal quantile for a two-sided interval at <paramref name="level"/> (1.959964 for 0.95).</summary>
    public static double NormalQuantile(double level) => Normal.InvCDF(0, 1, 1 - (1 - level) / 2);

    /// <summary>
    /// Wilson score interval for a proportion (Wilson 1927; recommended by Brown, Cai and DasGupta
    /// 2001 over the Wald interval, which misbehaves for small counts and rates near 0 or 1):
    /// (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n). Undefined when there are no trials.
    /// </summary>
    public static Interval Wilson(long successes, long trials, double z)
    {
        if (trials <= 0)
            return Interval.Undefined;
        var n = (double)trials;
        var p = successes / n;
        var z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var halfWidth = z / (1 + z2 / n) * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Interval(Math.Max(0, centre - halfWidth), Math.Min(1, centre + halfWidth));
    }

    /// <summary>A normal-approximation interval: estimate ± z·standard error.</summary>
    public static Interval NormalApproximation(double estimate, double standardError, double z) =>
        double.IsFinite(estimate) && double.IsFinite(standardError)
            ? new Interval(estimate - z * standardError, estimate + z * standardError)
            : Interval.Undefined;

    /// <summary>
    /// The percentile interval of bootstrap replicates: the (1−level)/2 and (1+level)/2 quantiles,
    /// interpolated linearly between order statistics (Hyndman and Fan type 7). Sorts in place.
    /// </summary>
    public static Interval Percentile(Span<double> replicates, double level)
    {
        if (replicates.IsEmpty)
            return Interval.Undefined;
        replicates.Sort();
        return new Interval(Quantile(replicates, (1 - level) / 2), Quantile(replicates, (1 + level) / 2));
    }

    private static double Quantile(ReadOnlySpan<double> sorted, double probability)
    {
        var position = (sorted.Length - 1) * probability;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}
