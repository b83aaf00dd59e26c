using System.Globalization;

namespace EarlyHelp.Analytics.Web.Benchmarks;

/// <summary>Latencies of one kind of request in one run: count, median, 99th percentile and the slowest.</summary>
internal sealed record LatencySummary(int Count, double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds)
{
    /// <summary>Summarises <paramref name="milliseconds"/> with nearest-rank percentiles (the smallest value with at least p% of them at or below it).</summary>
    public static LatencySummary Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
            return new LatencySummary(0, double.NaN, double.NaN, double.NaN);
        var sorted = milliseconds.Order().ToArray();
        double Percentile(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
        return new LatencySummary(sorted.Length, Percentile(50), Percentile(99), sorted[^1]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Count} requests, p50 {P50Milliseconds:F1} ms, p99 {P99Milliseconds:F1} ms, max {MaxMilliseconds:F1} ms");
}
