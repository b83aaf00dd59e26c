using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Evaluation.Calibration;
using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Pipelines.Comparison;
using EarlyHelp.Analytics.Pipelines.Drift;
using EarlyHelp.Analytics.Pipelines.ModelFolders;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Pipelines.ModelCards;

/// <summary>What a model card is written from: the run's report and fingerprint, and its audits.</summary>
/// <param name="Report">metrics.json.</param>
/// <param name="TrainingData">training_data.json.</param>
/// <param name="Fairness">The fairness audit against recorded escalation.</param>
/// <param name="Calibration">The calibration report.</param>
/// <param name="Drift">The drift report.</param>
/// <param name="TrueNeedFairness">The fairness audit against true need, when there was a truth folder.</param>
/// <param name="Backtest">The rolling-origin backtest, when one was asked for.</param>
public sealed record ModelCardContent(
    TrainingReport Report, TrainingDataFingerprint TrainingData, FairnessReport Fairness, CalibrationReport Calibration, DriftReport Drift, FairnessReport? TrueNeedFairness,
    BacktestReport? Backtest = null);

/// <summary>
/// The model card, in the sections of Mitchell et al. (2019), "Model Cards for Model Reporting": model
/// details; intended use and out-of-scope uses; factors; metrics; evaluation data; training data;
/// quantitative analyses (overall and by group, with intervals); ethical considerations; caveats and
/// recommendations. Every number comes from the run's reports.
/// </summary>
public static partial class ModelCard
{
    /// <summary>The card for <paramref name="content"/>.</summary>
    public static CardDocument Build(ModelCardContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var report = content.Report;
        return new CardDocument($"Model card: {report.Name}",
        [
            Details(content),
            IntendedUse(),
            OutOfScope(),
            Factors(content),
            MetricsSection(report),
            EvaluationData(content),
            TrainingDataSection(content),
            RetentionSection(content.TrainingData.ExtractDate, DatasetCatalogue.All, content.TrainingData),
            QuantitativeAnalyses(content),
            .. content.Backtest is { } backtest ? [BacktestSection(backtest)] : Array.Empty<CardSection>(),
            Choices(content),
            Ethics(content),
            Caveats(content),
        ]);
    }

    private static CardSection Details(ModelCardContent content)
    {
        var report = content.Report;
        var data = content.TrainingData;
        return new CardSection("Model details",
        [
            new CardBlock.Bullets(
            [
                Invariant($"Name: {report.Name}; model file SHA-256 {report.ModelSha256}."),
                Invariant($"Trained by {report.CreatedBy} on {report.CreatedAt:yyyy-MM-dd HH:mm} UTC, as of {report.AsOf:yyyy-MM-dd}, from the hub {data.Hub} (extract of {data.ExtractDate:yyyy-MM-dd})."),
                ModelType(report),
                Invariant($"Input: {data.Features.Count} point-in-time features of a family's records before the as-of date (counts, recency, trends and breadth across the six headline problems and 28 source datasets; feature_catalogue.csv lists them). No protected characteristic, area, address or deprivation measure is a feature."),
                Invariant($"Output: the probability that a child of the family starts a Child in Need plan, a Child Protection plan or becomes looked after within {report.Schedule.HorizonMonths} months."),
                "Reports beside this card: metrics.json, fairness.html, calibration.html, drift.json, training_data.json.",
            ]),
        ]);
    }

    /// <summary>The kind of model the folder holds, as the run chose it (<see cref="TrainingReport.Recommendation"/>).</summary>
    private static string ModelType(TrainingReport report) => report.IsLogistic
        ? Invariant($"Type: logistic regression (model kind {report.ModelKind}, its weights in linear.json) on standardised features with an L2 penalty of C = {report.LogisticTuning?.InverseRegularization:0.####} chosen on validation families, and Platt scaling fitted on separate calibration families (a = {report.Calibrator.A:0.####}, b = {report.Calibrator.B:0.####}). The run recommended it over gradient-boosted trees ({report.Boosting.TreesKept} trees), which did not rank better beyond chance.")
        : Invariant($"Type: gradient-boosted decision trees (model kind {report.ModelKind}; {report.Boosting.TreesKept} trees kept of up to {report.Boosting.MaximumTrees}, chosen by early stopping on validation families) with Platt scaling fitted on separate calibration families (a = {report.Calibrator.A:0.####}, b = {report.Calibrator.B:0.####}).");

    private static CardSection IntendedUse() => new("Intended use",
    [
        new CardBlock.Paragraph("To rank families each month so that an early-help panel can review, within its capacity, the families whose needs are most likely to escalate to statutory children's social care, and offer early help where the panel judges it right."),
        new CardBlock.Bullets(
        [
            "Users: the early-help panel (practitioners), who see each prompt with its evidence as dated, plain-language facts; analysts, who retrain and check it each quarter; information governance, who judge whether it is fair, calibrated and lawfully used.",
            "Every prompt reads \"Prompt for professional review — not a decision\". A named practitioner records what the panel decided and why.",
        ]),
    ]);

    private static CardSection OutOfScope() => new("Out-of-scope uses",
    [
        new CardBlock.Bullets(
        [
            "Never a decision. The score must not by itself trigger contact, a referral, an assessment, a record on a family's file, or any action towards a family.",
            "Not for deciding statutory thresholds (Child in Need, child protection, care proceedings), eligibility for services, or the priority of an existing case.",
            "Not for families on the opt-out register (they are never scored), for anyone outside the council's area, or for any purpose other than early-help prompts.",
            "Not a judgement of any person or group: the score reflects what agencies recorded, which depends on who agencies see, not only on need.",
            "Not for use after its data have drifted (see the drift section) or after a year without a retrain.",
        ]),
    ]);

    private static CardSection Factors(ModelCardContent content)
    {
        var dimensions = content.Fairness.Dimensions.Select(d => Invariant($"{d.Name} (compared with {d.ReferenceGroup}; {d.ReferenceReason})")).ToList();
        return new CardSection("Factors",
        [
            new CardBlock.Paragraph("Groups whose treatment by the model information governance must be able to check. Protected characteristics are read only by the audit, never by the model; area deprivation is audited and never a feature."),
            new CardBlock.Bullets(dimensions),
            new CardBlock.Paragraph("Groups are of families at the test date: the ethnicity of its children (\"multiple\" when they differ), their sex, any member recorded as disabled, and the deprivation quintile of the small area (LSOA) where most of its children live."),
        ]);
    }

    private static CardSection MetricsSection(TrainingReport report) => new("Metrics",
    [
        new CardBlock.Bullets(
        [
            "ROC AUC: how often the model ranks a family that escalated above one that did not (0.5 is chance).",
            "Average precision: precision averaged over every cut of the ranking; it rewards putting escalations at the very top, where the panel's capacity falls.",
            "Brier score and expected calibration error (ten equal-width bins): whether a score of 0.3 means about 30 in 100 such families escalated.",
            Invariant($"Precision and recall at capacity: the panel reviews {report.Capacity.Monthly:N0} families a month; on the test families that is the top {report.Capacity.TestK:N0}. Precision is the share of them who escalated; recall the share of all escalations they include."),
            Invariant($"Uncertainty: 95% intervals from {report.Test.Resamples:N0} paired bootstrap resamples of the test families (Efron and Tibshirani 1993); a difference between two scorers is resampled on the same draws, and \"beats\" means its interval excludes 0."),
        ]),
    ]);

    private static CardSection EvaluationData(ModelCardContent content)
    {
        var report = content.Report;
        var test = report.Split.Roles["test"];
        return new CardSection("Evaluation data",
        [
            new CardBlock.Paragraph(Invariant(
                $"The test families: {report.Split.Shares["test"]:0%} of all families, chosen once by a seeded hash of the family id, with families that ever shared a person kept together (seed {report.Split.Seed}), never seen in training, early stopping or calibration, at the latest as-of date whose {report.Schedule.HorizonMonths}-month outcome is fully observed, {report.Schedule.TestDate:yyyy-MM-dd}: {test.Rows:N0} eligible families, of whom {test.Positives:N0} ({(double)test.Positives / Math.Max(1, test.Rows):0.0%}) escalated.")),
            new CardBlock.Paragraph(Invariant(
                $"Eligible: at least one member and a dependent child at T, no member on the opt-out register, and no child already on a plan or looked after. Test rows SHA-256 {content.TrainingData.TestRowsSha256}.")),
            .. NewAndKnown(report),
        ]);
    }

    /// <summary>The model on families new to and known to children's social care, or nothing for a folder written before it was reported.</summary>
    private static IEnumerable<CardBlock> NewAndKnown(TrainingReport report)
    {
        if (report.NewAndKnown.Count == 0)
            yield break;
        yield return new CardBlock.Paragraph("New and known to children's social care. The outcome is an agency decision and earlier agency contact is among the strongest evidence, so the model is shown apart on families with no earlier contact, referral or statutory involvement, where it has to find need the service has not seen.");
        yield return new CardBlock.Bullets(report.NewAndKnown.Select(part => part.Describe(report.Capacity.TestK)).ToArray());
    }

    private static CardSection TrainingDataSection(ModelCardContent content)
    {
        var report = content.Report;
        var data = content.TrainingData;
        var roles = report.Split.Roles;
        return new CardSection("Training data",
        [
            new CardBlock.Paragraph(Invariant(
                $"Quarterly as-of dates from {report.Schedule.TrainingDates[0]:yyyy-MM-dd} to {report.Schedule.TrainingDates[^1]:yyyy-MM-dd} ({report.Schedule.TrainingDates.Count} dates, each with at least {data.MinimumHistoryMonths} months of recorded history before it, from {data.HistoryStart:yyyy-MM-dd}), stacked: {roles["training"].Rows:N0} rows of {roles["training"].Families:N0} training-partition families, {roles["training"].Positives:N0} escalations.")),
            new CardBlock.Table("Rows per role (no family is in two roles)", ["role", "as-of dates", "rows", "families", "escalated"],
            [
                Role(roles, "training", Invariant($"{report.Schedule.TrainingDates[0]:yyyy-MM-dd} to {report.Schedule.TrainingDates[^1]:yyyy-MM-dd}"), "grows the trees; fits the logistic baseline"),
                Role(roles, "validation", Invariant($"{report.Schedule.TrainingDates[0]:yyyy-MM-dd} to {report.Schedule.CalibrationDate:yyyy-MM-dd}"), "stops the boosting"),
                Role(roles, "calibration", Iso(report.Schedule.CalibrationDate), "fits the calibrators and the rule's rates"),
                Role(roles, "test", Iso(report.Schedule.TestDate), "judges the model"),
                Role(roles, "in_period_check", Invariant($"{report.Schedule.TrainingDates[0]:yyyy-MM-dd} to {report.Schedule.TrainingDates[^1]:yyyy-MM-dd}"), "leakage check only"),
            ]),
            new CardBlock.Paragraph(Invariant(
                $"Hub tables: {string.Join(", ", data.HubTables.Select(p => $"{p.Key} {p.Value:N0}"))}. Stacked table: {data.TableRows:N0} rows × {data.Features.Count} features, SHA-256 {data.TableSha256}.")),
        ]);
    }

    private static IReadOnlyList<string> Role(IReadOnlyDictionary<string, RoleSize> roles, string role, string dates, string purpose)
    {
        var size = roles[role];
        return [$"{role.Replace('_', ' ')} ({purpose})", dates, Count(size.Rows), Count(size.Families), Count(size.Positives)];
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string WithInterval(MetricEstimate estimate, string format) =>
        estimate.Interval.IsDefined
            ? Invariant($"{estimate.Value.ToString(format, CultureInfo.InvariantCulture)} ({estimate.Interval.Lower.ToString(format, CultureInfo.InvariantCulture)} to {estimate.Interval.Upper.ToString(format, CultureInfo.InvariantCulture)})")
            : estimate.Value.ToString(format, CultureInfo.InvariantCulture);
}
