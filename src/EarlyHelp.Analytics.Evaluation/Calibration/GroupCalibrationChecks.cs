using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Statistics;

namespace EarlyHelp.Analytics.Evaluation.Calibration;

/// <summary>
/// Judges each group's calibration in the large by the overall gate's rules (<see cref="CalibrationGate"/>): a group
/// with fewer than 100 rows with or without the outcome is not assessable; otherwise its observed over expected
/// outcomes (O/E) is tested against 1, the p-values of all assessable groups are adjusted together
/// (Benjamini–Hochberg), and a group is flagged when its O/E lies outside [0.8, 1.25] and its q-value is within
/// the report's error rate. A report on many groups, each tested alone at 5%, would otherwise flag some groups of
/// any well-calibrated model by chance.
/// </summary>
internal static class GroupCalibrationChecks
{
    /// <summary>The groups with their check set, for one score; <paramref name="level"/> is the report's confidence level.</summary>
    public static IReadOnlyList<GroupCalibration> Apply(IReadOnlyList<GroupCalibration> groups, double level)
    {
        var z = ConfidenceIntervals.NormalQuantile(level);
        var checks = groups.Select(g => Tested(g.Summary, z)).ToArray();
        var qValues = FalseDiscoveryRate.Adjust(checks.Select(c => c.PValue).ToArray());
        return groups.Select((group, i) => group with { InTheLarge = Decided(checks[i], qValues[i], 1 - level) }).ToArray();
    }

    /// <summary>
    /// O/E, its interval and the p-value of O/E = 1 on the interval's own scale: log(O/E) has standard error 1/√O
    /// (Debray et al. 2017), so the p-value is below 1 − level exactly when the interval excludes 1.
    /// </summary>
    private static GroupInTheLarge Tested(CalibrationSummary summary, double z)
    {
        var (ratio, interval) = CalibrationGate.ObservedOverExpected(summary, z);
        if (CalibrationGate.TooFewEvents(summary) is { } shortfall)
            return new GroupInTheLarge(CalibrationVerdict.NotAssessable, ratio, interval, shortfall);
        if (!double.IsFinite(ratio))
            return new GroupInTheLarge(CalibrationVerdict.NotAssessable, ratio, interval, "the mean score is 0, so no outcome is expected");
        var status = CalibrationGate.OutsideBand(ratio) ? DisparityStatus.Flag : DisparityStatus.WithinBand;
        return new GroupInTheLarge(status, ratio, interval, null) { PValue = FalseDiscoveryRate.TwoSidedP(Math.Log(ratio), 1 / Math.Sqrt(summary.Positives)) };
    }

    /// <summary>Outside the band but with a q-value above the error rate: it could be chance.</summary>
    private static GroupInTheLarge Decided(GroupInTheLarge check, double q, double errorRate) => check with
    {
        QValue = q,
        Status = check.Status == DisparityStatus.Flag && !(q <= errorRate) ? DisparityStatus.OutsideBand : check.Status,
    };
}
