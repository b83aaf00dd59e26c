using EarlyHelp.Analytics.Evaluation.Fairness;
using static EarlyHelp.Analytics.Evaluation.Wording;

namespace EarlyHelp.Analytics.Evaluation.Calibration;

/// <summary>
/// The calibration report's findings in plain English. A group is miscalibrated in the large when
/// its mean score lies outside the confidence interval of its observed rate; the scores' spread is
/// wrong when the interval of the calibration slope excludes 1.
/// </summary>
internal static class CalibrationFindings
{
    public static IReadOnlyList<Finding> Describe(IReadOnlyList<ScoreCalibration> scores, double level)
    {
        var findings = new List<Finding>();
        var calibrated = scores[0];
        if (calibrated.Overall is not { } overall)
            return [new Finding(FairnessFindings.NoteSeverity, null, null, null, $"{calibrated.Name} was not assessed: {calibrated.SkippedReason}")];

        findings.Add(InTheLarge(overall, calibrated.Name, "Overall", null, null, false, level));
        if (SlopeFinding(overall, calibrated.Name, level) is { } slope)
            findings.Add(slope);
        var worst = overall.ReliabilityEqualWidth.MaxBy(b => Math.Abs(b.ObservedRate - b.MeanScore))!;
        findings.Add(new Finding(FairnessFindings.NoteSeverity, null, null, "ece", Invariant(
            $"Across the score range the predictions are off by {overall.ExpectedCalibrationError:0.000} on average (expected calibration error: ",
            $"the gap between predicted and observed rates in each of the reliability diagram's bins, weighted by the bin's rows); ",
            $"the largest gap in one bin is {overall.MaximumCalibrationError:0.000}, in the bin of scores {worst.LowerEdge:0.0#} to {worst.UpperEdge:0.0#}, ",
            $"which holds {worst.Rows:N0} people{(worst.Rows < 100 ? ", too few to read much into it" : "")}.")));
        foreach (var group in calibrated.Groups)
        {
            var finding = InTheLarge(group.Summary, calibrated.Name, group.Group, group.Dimension, group.Group, group.SmallGroup, level);
            if (finding.Severity != FairnessFindings.NoteSeverity)
                findings.Add(finding);
        }

        if (scores.Count > 1 && scores[1].Overall is { } before)
            findings.Add(new Finding(FairnessFindings.NoteSeverity, null, null, null, Invariant(
                $"Before calibration ({scores[1].Name}) the expected calibration error was {before.ExpectedCalibrationError:0.000} and the Brier score ",
                $"{before.Brier:0.0000}; after, {overall.ExpectedCalibrationError:0.000} and {overall.Brier:0.0000}. ",
                $"The AUC ({before.Auc:0.000} before, {overall.Auc:0.000} after) measures ranking, which a calibrator that keeps the order cannot change much.")));
        return [.. findings.OrderBy(f => f.Severity switch { "flag" => 0, "warning" => 1, _ => 2 })];
    }

    private static Finding InTheLarge(CalibrationSummary summary, string score, string who, string? dimension, string? group, bool small, double level)
    {
        var interval = summary.ObservedRateInterval;
        var inside = summary.MeanScore >= interval.Lower && summary.MeanScore <= interval.Upper;
        var direction = summary.MeanScore > summary.ObservedRate ? "over-predicts" : "under-predicts";
        var text = Invariant(
            $"{who}: {score} averages {summary.MeanScore:0.0%} and {summary.ObservedRate:0.0%} had the outcome ",
            $"({level:0%} interval {interval.Lower:0.0%} to {interval.Upper:0.0%}, {summary.Rows:N0} rows).");
        if (inside)
            return new Finding(FairnessFindings.NoteSeverity, dimension, group, "mean_score", text + " The predicted rate is within the interval: calibrated in the large.");
        var meaning = Invariant(
            $" The model {direction} for this group: its scores are on average {100 * Math.Abs(summary.ObservedMinusPredicted):0.0} percentage points too ",
            $"{(summary.MeanScore > summary.ObservedRate ? "high" : "low")}, outside what chance explains.");
        return small
            ? new Finding(FairnessFindings.WarningSeverity, dimension, group, "mean_score", text + meaning + " The group is small, so read this with care.")
            : new Finding(FairnessFindings.FlagSeverity, dimension, group, "mean_score", text + meaning);
    }

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
