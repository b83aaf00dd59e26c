using System.Text.Json.Serialization;

namespace EarlyHelp.Analytics.Pipelines.Drift;

/// <summary>One variable's population stability index and what it means.</summary>
/// <param name="Name">The feature's name, or <c>score</c>.</param>
/// <param name="Index">The PSI.</param>
/// <param name="Level"><c>stable</c> (under 0.1), <c>moderate shift</c> (0.1 to 0.25) or <c>major shift</c> (0.25 and above).</param>
/// <param name="Bins">Bins compared (value bins, and a bin for missing values when either side has any).</param>
public sealed record StabilityResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("psi")] double Index,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("bins")] int Bins);

/// <summary>
/// The population stability index between an expected distribution (the training rows) and an actual one
/// (the population at the as-of date): PSI = Σ (aᵢ − eᵢ)·ln(aᵢ / eᵢ) over bins, where eᵢ and aᵢ are the
/// shares of each side in bin i (Siddiqi 2006, <i>Credit Risk Scorecards</i>, ch. 8; the symmetric
/// Kullback–Leibler divergence of the binned distributions). Bins are the expected side's deciles, merged
/// where values tie (a count that is mostly 0 has few distinct deciles), with missing values in a bin of their own.
/// </summary>
public static class PopulationStability
{
    /// <summary>Below this, stable (Siddiqi's conventional reading).</summary>
    public const double ModerateShift = 0.1;

    /// <summary>At or above this, a major shift that calls for a look at the feature and the model.</summary>
    public const double MajorShift = 0.25;

    /// <summary>Quantile bins of the expected side.</summary>
    public const int Bins = 10;

    /// <summary>
    /// Share given to an empty bin instead of 0, so that ln(aᵢ/eᵢ) stays finite: a bin empty on one side
    /// then adds about its other share × ln(share / 0.0001) — a large but finite penalty.
    /// </summary>
    public const double EmptyBinShare = 1e-4;

    /// <summary>The PSI of <paramref name="actual"/> against <paramref name="expected"/> (NaN marks a missing value).</summary>
    public static StabilityResult Compute(string name, ReadOnlySpan<double> expected, ReadOnlySpan<double> actual)
    {
        if (expected.IsEmpty || actual.IsEmpty)
            throw new ArgumentException("Both sides need at least one value.");
        var edges = Edges(expected);
        var expectedCounts = Count(expected, edges);
        var actualCounts = Count(actual, edges);
        var used = 0;
        double index = 0;
        for (var bin = 0; bin < expectedCounts.Length; bin++)
        {
            if (expectedCounts[bin] == 0 && actualCounts[bin] == 0)
                continue;
            used++;
            var e = Math.Max(EmptyBinShare, (double)expectedCounts[bin] / expected.Length);
            var a = Math.Max(EmptyBinShare, (double)actualCounts[bin] / actual.Length);
            index += (a - e) * Math.Log(a / e);
        }
        return new StabilityResult(name, index, LevelOf(index), used);
    }

    /// <summary>The reading of a PSI value.</summary>
    public static string LevelOf(double index) => index < ModerateShift ? "stable" : index < MajorShift ? "moderate shift" : "major shift";

    /// <summary>Distinct upper edges of the expected side's deciles (the largest value last), over its non-missing values.</summary>
    internal static double[] Edges(ReadOnlySpan<double> expected)
    {
        var values = new List<double>(expected.Length);
        foreach (var value in expected)
        {
            if (!double.IsNaN(value))
                values.Add(value);
        }
        if (values.Count == 0)
            return [];
        values.Sort();
        var edges = new SortedSet<double>();
        for (var q = 1; q <= Bins; q++)
            edges.Add(values[Math.Max(0, (int)Math.Ceiling(q * values.Count / (double)Bins) - 1)]);
        return [.. edges];
    }

    /// <summary>
    /// Counts per bin: value bin k holds values in (edge[k−1], edge[k]] (the first from −∞, the last to +∞,
    /// so a value beyond the training range still has a bin); the last bin holds missing values.
    /// </summary>
    private static long[] Count(ReadOnlySpan<double> values, double[] edges)
    {
        var counts = new long[Math.Max(1, edges.Length) + 1];
        foreach (var value in values)
        {
            if (double.IsNaN(value))
            {
                counts[^1]++;
                continue;
            }
            var bin = Array.BinarySearch(edges, value);
            bin = bin >= 0 ? bin : ~bin;
            counts[Math.Min(bin, Math.Max(0, edges.Length - 1))]++;
        }
        return counts;
    }
}
