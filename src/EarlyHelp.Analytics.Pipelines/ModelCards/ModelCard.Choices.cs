using EarlyHelp.Analytics.Pipelines.Comparison;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Pipelines.ModelCards;

public static partial class ModelCard
{
    /// <summary>
    /// The choices an auditor asks about that no metric shows: the simpler model beside the trees, the scale of the
    /// explanations, what happens to families the panel helped, and the feature that reads a parent's own care history.
    /// </summary>
    private static CardSection Choices(ModelCardContent content)
    {
        var report = content.Report;
        return new CardSection("Model choice, explanations and feedback",
        [
            new CardBlock.Bullets(
            [
                SimplerModel(report),
                ExplanationMethod(report) + Invariant($" The probability shown is the calibrated one, a monotone function of the margin (Platt: a = {report.Calibrator.A:0.####}, b = {report.Calibrator.B:0.####}), so the order and the direction of the factors carry over to it, but a factor's size is not a change in probability: near a 2% rate, one unit of log-odds moves the probability by far less than near 50%. Prompts therefore show the factors as dated facts in order, without their sizes."),
                FeedbackLoop(report),
                "\"Any member ever in care\": the statutory-history features (earlier Child in Need, Child Protection and looked-after records that have ended, and months since statutory involvement ended) count any member of the family, so a parent who was in care as a child raises their family's score. Kept, with this reasoning: a parent's own care history is part of the recorded history agencies act on, and counting only the family's children cost the synthetic city's model discrimination (docs/validation.md); removing it would hide from the audit a signal the records carry anyway. It must never be read as a judgement of the parent: the panel sees it as a dated fact beside the others, the fairness audit reports the families it raises, and the next change to it should come from evidence on real outcomes for care-experienced parents, not from the synthetic city.",
            ]),
        ]);
    }

    private static string FeedbackLoop(TrainingReport report) =>
        "Feedback loop: once the panel offers early help after a prompt, that family's later outcome measures escalation with the service, not without it, and a model retrained on it would learn that prompted families escalate less. "
        + FeedbackSummary.RuleText + " Excluding these rows needs no assumption about how much the help works; modelling the help instead would need its effect, which no one has measured. "
        + (report.Feedback is { } feedback ? feedback.InWords() : "This model was trained before the rows were counted.");

    /// <summary>What a prompt's factors are for the kind of model this folder holds, and the baseline they start from.</summary>
    private static string ExplanationMethod(TrainingReport report) => report.IsLogistic
        ? "Explanation scale: each prompt's factors are the regression's linear contributions to its margin, the log-odds before calibration: a feature's weight times the family's standardised value less its training mean, w_j (x_j − mean_j). The baseline is the training mean, so the contributions add up to the family's margin less the margin of a family at the training mean; a feature at its mean contributes nothing."
        : "Explanation scale: each prompt's factors are exact TreeSHAP contributions on the trees' margin, the log-odds before calibration; with the average margin they add up to the family's margin.";

    private static string SimplerModel(TrainingReport report)
    {
        var tuning = report.LogisticTuning;
        var logistic = report.Test.Scorer(report.IsLogistic ? TrainingReport.ModelScorer : TrainingReport.LogisticScorer).Metrics[MetricNames.Auc];
        var trees = report.Test.Scorer(report.IsLogistic ? TrainingReport.TreesScorer : TrainingReport.ModelScorer).Metrics[MetricNames.Auc];
        var fitted = tuning is null
            ? "its penalty was not recorded"
            : Invariant($"its L2 penalty chosen by validation log loss from C = {tuning.Trials[0].InverseRegularization:0.####} down to C = {tuning.Trials[^1].InverseRegularization:0.####} (scikit-learn's scale, C = 1 / penalty): C = {tuning.InverseRegularization:0.####}, fitted on {tuning.TrainingRows:N0} rows")
              + (tuning is not null && tuning.Penalty == tuning.Trials[^1].Penalty ? " — the strongest penalty tried, so a stronger one might fit better" : "");
        return Invariant($"The simpler model: a logistic regression on the same standardised features, Platt-calibrated on the same families ({fitted}). On the test families its AUC is {logistic.Value:0.000} ({logistic.Interval.Lower:0.000} to {logistic.Interval.Upper:0.000}) against {trees.Value:0.000} ({trees.Interval.Lower:0.000} to {trees.Interval.Upper:0.000}) for the trees. ")
            + (report.IsLogistic
                ? "Its explanations are linear contributions (each weight times the family's standardised value less its training mean, on the log-odds scale), exact by construction. "
                : "Its explanations would be linear contributions (each weight times the family's standardised value less its training mean, on the log-odds scale), exact by construction. ")
            + "Recommended: " + char.ToLowerInvariant(report.Recommendation.Reason[0]) + report.Recommendation.Reason[1..]
            + (report.IsLogistic ? " This folder holds the regression; the trees were trained and tested but not saved." : " This folder holds the trees.");
    }
}
