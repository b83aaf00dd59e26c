using System.Globalization;
using EarlyHelp.Analytics.Pipelines.Comparison;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Pipelines.Promotion;

/// <summary>One promotion check and how the candidate fared.</summary>
/// <param name="Rule">What is checked.</param>
/// <param name="Passed">Whether the candidate passed.</param>
/// <param name="Detail">The figures behind the verdict.</param>
public sealed record RuleOutcome(string Rule, bool Passed, string Detail);

/// <summary>The candidate against the current champion on the candidate's test families that were the champion's test families too (candidate first).</summary>
/// <param name="Name">The champion's name.</param>
/// <param name="Test">The paired comparison; null when the two cannot be compared.</param>
/// <param name="Problem">Why they cannot be compared, when <paramref name="Test"/> is null.</param>
public sealed record ChampionEvidence(string Name, ScorerComparison? Test, string? Problem = null);

/// <summary>
/// What a candidate must show before a named person may make it the champion. Each rule carries its
/// reason; the refusal lists every rule that failed, not only the first.
/// </summary>
public static class PromotionRules
{
    /// <summary>
    /// The non-inferiority margin against the champion: 0.01 AUC. The candidate must show, on the same families, that
    /// its AUC is at most this much below the champion's — the lower end of the 95% paired interval of the difference
    /// lies above −0.01 — as a non-inferiority trial must (Piaggio et al. 2012, CONSORT extension, BMJ 345:e5661). The
    /// margin is smaller than what separates the model from its baselines; a point difference alone would promote a
    /// candidate that may be far worse whenever the test families are too few to tell.
    /// </summary>
    public const double ChampionTolerance = 0.01;

    /// <summary>
    /// Checks every rule. Beating a baseline is <see cref="ScorerDifference.Beats"/>: the 95% paired bootstrap
    /// interval of the AUC difference lies above 0, and precision at capacity is not lower by the point
    /// estimate. Against the logistic regression this is the run's own <see cref="ModelRecommendation"/>, so
    /// trees the run does not recommend are refused; a saved logistic regression must be the one its run recommended,
    /// and faces every other rule as the trees do.
    /// </summary>
    /// <param name="report">The candidate's metrics.</param>
    /// <param name="champion">The current champion against the candidate on its test families; null when there is no champion.</param>
    /// <param name="note">The promoter's note, which must quote the id of every fairness and group calibration flag.</param>
    public static IReadOnlyList<RuleOutcome> Check(TrainingReport report, ChampionEvidence? champion, string note) =>
        [.. CheckEvidence(report, champion), FlagsAcknowledged(report, note ?? "")];

    /// <summary>
    /// The rules on the evidence alone — every rule of <see cref="Check"/> but the note's: what an analyst's proposal must
    /// pass, leaving the answer to each fairness flag to the information governance reviewer who signs it off.
    /// </summary>
    public static IReadOnlyList<RuleOutcome> CheckEvidence(TrainingReport report, ChampionEvidence? champion)
    {
        ArgumentNullException.ThrowIfNull(report);
        return
        [
            report.IsLogistic ? RecommendedOverTheTrees(report) : BeatsBaseline(report, TrainingReport.LogisticScorer, "the logistic regression"),
            BeatsBaseline(report, TrainingReport.RuleScorer, "the two-of-six rule"),
            NoWorseThanChampion(champion),
            Calibrated(report),
            new("no sign of leakage", !report.Leakage.Warning, report.Leakage.Message),
            FairnessAssessable(report),
        ];
    }

    private static RuleOutcome BeatsBaseline(TrainingReport report, string baseline, string words)
    {
        var difference = report.Test.Against(baseline);
        var auc = difference.Differences[MetricNames.Auc];
        var precision = difference.Differences[MetricNames.PrecisionAtCapacity];
        return new RuleOutcome($"beats {words}", difference.Beats(), Invariant(
            $"AUC {auc.Value:+0.000;-0.000} (95% interval {auc.Interval.Lower:+0.000;-0.000} to {auc.Interval.Upper:+0.000;-0.000}; must lie above 0); precision at capacity {precision.Value:+0.0%;-0.0%} (must not be below 0)"));
    }

    /// <summary>A saved regression stands in the trees' place only because its run found the trees no better beyond chance.</summary>
    private static RuleOutcome RecommendedOverTheTrees(TrainingReport report) =>
        new("recommended over the trees", report.Recommendation.Model == Learning.Models.ModelKind.LogisticRegression, report.Recommendation.Reason);

    private static RuleOutcome NoWorseThanChampion(ChampionEvidence? champion)
    {
        if (champion is null)
            return new RuleOutcome("no worse than the champion", true, "there is no champion yet");
        if (champion.Test is not { } test)
            return new RuleOutcome("no worse than the champion", false, $"not assessable against {champion.Name}: {champion.Problem}");
        var difference = test.Differences[0].Differences[MetricNames.Auc];
        var candidate = test.Scorers[0].Metrics[MetricNames.Auc].Value;
        var current = test.Scorers[1].Metrics[MetricNames.Auc].Value;
        return new RuleOutcome("no worse than the champion", difference.Interval.Lower > -ChampionTolerance, Invariant(
            $"on the {test.Rows:N0} test families both held out, AUC {candidate:0.000} against {current:0.000} for {champion.Name} (difference {difference.Value:+0.000;-0.000}, ")
            + Invariant($"95% interval {difference.Interval.Lower:+0.000;-0.000} to {difference.Interval.Upper:+0.000;-0.000}; its lower end must lie above -{ChampionTolerance:0.00})"));
    }

    /// <summary>
    /// The calibration gate (<see cref="Evaluation.Calibration.CalibrationGate"/>) must pass on the test families: a
    /// verdict of "not assessable" refuses too, since evidence that cannot resolve the rule is no evidence of calibration.
    /// </summary>
    private static RuleOutcome Calibrated(TrainingReport report)
    {
        var gate = report.CalibrationGate;
        var verdict = gate.Value.Replace('_', ' ');
        return new RuleOutcome("calibrated", gate.Value == Evaluation.Calibration.CalibrationVerdict.Pass,
            $"calibration gate on the test families: {verdict} ({string.Join("; ", gate.Reasons)}); must pass");
    }

    /// <summary>
    /// The fairness audit must have judged at least one group: a report in which every group was too small to compare
    /// has no flags because it could not raise any, which is no evidence that the model treats groups alike.
    /// </summary>
    private static RuleOutcome FairnessAssessable(TrainingReport report)
    {
        var evidence = report.FairnessEvidence;
        return new RuleOutcome("fairness assessable", evidence.IsAssessable,
            $"fairness audit on the test families: {evidence.Value.Replace('_', ' ')} ({string.Join("; ", evidence.Reasons)}); at least one group must be large enough to judge");
    }

    private static RuleOutcome FlagsAcknowledged(TrainingReport report, string note)
    {
        var missing = report.FairnessFlags.Where(f => !note.Contains(f.Id, StringComparison.OrdinalIgnoreCase)).Select(f => f.Id).ToArray();
        var detail = report.FairnessFlags.Count == 0
            ? "no fairness flag was raised"
            : missing.Length == 0
                ? Invariant($"the note acknowledges all {report.FairnessFlags.Count} flag(s)")
                : $"the note must quote each flag's id and say what was concluded; not acknowledged: {string.Join(", ", missing)}";
        return new RuleOutcome("every fairness flag acknowledged", missing.Length == 0, detail);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
