using MathNet.Numerics.Distributions;

namespace EarlyHelp.Analytics.Evaluation.Statistics;

/// <summary>
/// Control of false discoveries across the many comparisons of one report (Benjamini and Hochberg 1995).
/// An audit compares every group with its reference on several metrics; tested one by one at 5%, a report of
/// groups that differ in nothing still flags some by chance. The step-up procedure keeps the expected share
/// of false flags among all flags at the level; when nothing differs at all, that is the chance of any flag.
/// </summary>
public static class FalseDiscoveryRate
{
    /// <summary>
    /// Benjamini–Hochberg adjusted p-values (q-values): for the i-th smallest of m, the least over j ≥ i of
    /// p₍ⱼ₎·m/j, capped at 1. A hypothesis is rejected at level q when its adjusted value is at most q, exactly
    /// as the step-up rule rejects it. NaN marks a comparison that was not tested: it stays NaN and does not
    /// count in m.
    /// </summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var adjusted = Enumerable.Repeat(double.NaN, pValues.Count).ToArray();
        var tested = Enumerable.Range(0, pValues.Count).Where(i => !double.IsNaN(pValues[i])).OrderBy(i => pValues[i]).ToArray();
        var m = tested.Length;
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var index = tested[rank - 1];
            running = Math.Min(running, pValues[index] * m / rank);
            adjusted[index] = running;
        }
        return adjusted;
    }

    /// <summary>
    /// The two-sided p-value of a normal test that <paramref name="estimate"/> is 0, given its standard
    /// error; NaN when either is undefined. A zero standard error with a non-zero estimate gives 0.
    /// </summary>
    public static double TwoSidedP(double estimate, double standardError)
    {
        if (!double.IsFinite(estimate) || !double.IsFinite(standardError) || standardError < 0)
            return double.NaN;
        if (standardError == 0)
            return estimate == 0 ? 1 : 0;
        return 2 * Normal.CDF(0, 1, -Math.Abs(estimate) / standardError);
    }
}
