using EarlyHelp.Analytics.Evaluation.Fairness;
using static EarlyHelp.Analytics.Evaluation.Wording;

namespace EarlyHelp.Analytics.Evaluation.Calibration;

/// <summary>
/// The calibration report's findings in plain English. The whole population is read against the confidence
/// interval of its observed rate; a group is flagged only as <see cref="GroupCalibrationChecks"/> decides (enough
/// outcomes, O/E outside the gate's band, not chance across the groups); the scores' spread is wrong when the
/// interval of the calibration slope excludes 1.
/// </summary>
internal static class CalibrationFindings
{
    /// <summary>The metric key of a group's calibration flag: observed over expected outcomes.</summary>
    public const string ObservedOverExpectedKey = "observed_over_expected";

    public static IReadOnlyList<Finding> Describe(IReadOnlyList<ScoreCalibration> scores, double level)
    {
        var findings = new List<Finding>();
        var calibrated = scores[0];
        if (calibrated.Overall is not { } overall)
            return [new Finding(FairnessFindings.NoteSeverity, null, null, null, $"{calibrated.Name} was not assessed: {calibrated.SkippedReason}")];

        findings.Add(InTheLarge(overall, calibrated.Name, level));
        if (SlopeFinding(overall, calibrated.Name, level) is { } slope)
            findings.Add(slope);
        var worst = overall.ReliabilityEqualWidth.MaxBy(b => Math.Abs(b.ObservedRate - b.MeanScore))!;
        findings.Add(new Finding(FairnessFindings.NoteSeverity, null, null, "ece", Invariant(
            $"Across the score range the predictions are off by {overall.ExpectedCalibrationError:0.000} on average (expected calibration error: ",
            $"the gap between predicted and observed rates in each of the reliability diagram's bins, weighted by the bin's rows); ",
            $"the largest gap in one bin is {overall.MaximumCalibrationError:0.000}, in the bin of scores {worst.LowerEdge:0.0#} to {worst.UpperEdge:0.0#}, ",
            $"which holds {worst.Rows:N0} people{(worst.Rows < 100 ? ", too few to read much into it" : "")}.")));
        foreach (var group in calibrated.Groups.Where(g => g.InTheLarge?.Status == DisparityStatus.Flag))
            findings.Add(GroupFlag(group, calibrated.Name, level));
        var notAssessable = calibrated.Groups.Count(g => g.InTheLarge?.Status == CalibrationVerdict.NotAssessable);
        if (notAssessable > 0)
            findings.Add(new Finding(FairnessFindings.NoteSeverity, null, null, null, Invariant(
                $"{notAssessable:N0} of the {calibrated.Groups.Count:N0} groups have fewer than {CalibrationGate.MinimumEvents} people with the outcome or ",
                $"fewer than {CalibrationGate.MinimumEvents} without it, too few to judge their calibration either way: they are not assessable, not calibrated.")));

        if (scores.Count > 1 && scores[1].Overall is { } before)
            findings.Add(new Finding(FairnessFindings.NoteSeverity, null, null, null, Invariant(
                $"Before calibration ({scores[1].Name}) the expected calibration error was {before.ExpectedCalibrationError:0.000} and the Brier score ",
                $"{before.Brier:0.0000}; after, {overall.ExpectedCalibrationError:0.000} and {overall.Brier:0.0000}. ",
                $"The AUC ({before.Auc:0.000} before, {overall.Auc:0.000} after) measures ranking, which a calibrator that keeps the order cannot change much.")));
        return [.. findings.OrderBy(f => f.Severity switch { "flag" => 0, "warning" => 1, _ => 2 })];
    }

    /// <summary>The whole population: its mean score against the interval of its observed rate.</summary>
    private static Finding InTheLarge(CalibrationSummary summary, string score, double level)
    {
        var interval = summary.ObservedRateInterval;
        var text = Invariant(
            $"Overall: {score} averages {summary.MeanScore:0.0%} and {summary.ObservedRate:0.0%} had the outcome ",
            $"({level:0%} interval {interval.Lower:0.0%} to {interval.Upper:0.0%}, {summary.Rows:N0} rows).");
        if (summary.MeanScore >= interval.Lower && summary.MeanScore <= interval.Upper)
            return new Finding(FairnessFindings.NoteSeverity, null, null, "mean_score", text + " The predicted rate is within the interval: calibrated in the large.");
        return new Finding(FairnessFindings.FlagSeverity, null, null, "mean_score", text + Invariant(
            $" The model {Direction(summary)}: its scores are on average {100 * Math.Abs(summary.ObservedMinusPredicted):0.0} percentage points too ",
            $"{(summary.MeanScore > summary.ObservedRate ? "high" : "low")}, outside what chance explains."));
    }

    /// <summary>A group whose observed over expected outcomes is outside the gate's band beyond chance across the groups.</summary>
    private static Finding GroupFlag(GroupCalibration group, string score, double level)
    {
        var summary = group.Summary;
        var check = group.InTheLarge!;
        return new Finding(FairnessFindings.FlagSeverity, group.Dimension, group.Group, ObservedOverExpectedKey, Invariant(
            $"{group.Group} ({group.Dimension}): {score} averages {summary.MeanScore:0.0%} and {summary.ObservedRate:0.0%} had the outcome ({summary.Rows:N0} rows, ",
            $"{summary.Positives:N0} with the outcome). Observed over expected outcomes is {check.ObservedOverExpected:0.00} ({level:0%} interval ",
            $"{check.Interval.Lower:0.00} to {check.Interval.Upper:0.00}), outside [{1 / CalibrationGate.Tolerance:0.00}, {CalibrationGate.Tolerance:0.00}], ",
            $"and not chance once every group is allowed for (q = {check.QValue:0.0000}). The model {Direction(summary)} for this group: a score here does not mean ",
            $"what it means for others."));
    }

    private static string Direction(CalibrationSummary summary) => summary.MeanScore > summary.ObservedRate ? "over-predicts" : "under-predicts";

    private static Finding? SlopeFinding(CalibrationSummary summary, string score, double level)
    {
        var interval = summary.CalibrationSlopeInterval;
        if (!interval.Excludes(1))
            return null;
        var meaning = summary.CalibrationSlope < 1
            ? "the scores are too extreme: high scores are too high and low scores too low (typical of an over-fitted model)"
            : "the scores are too timid: they bunch towards the average and understate the real differences between people";
        return new Finding(FairnessFindings.WarningSeverity, null, null, "calibration_slope", Invariant(
            $"The calibration slope of {score} is {summary.CalibrationSlope:0.00} ({level:0%} interval {interval.Lower:0.00} to {interval.Upper:0.00}); ",
            $"1 would be right. It means {meaning}."));
    }
}
