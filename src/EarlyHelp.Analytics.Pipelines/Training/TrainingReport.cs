using System.Text.Json.Serialization;
using EarlyHelp.Analytics.Learning.Calibration;
using EarlyHelp.Analytics.Pipelines.Comparison;
using EarlyHelp.Analytics.Pipelines.Fairness;

namespace EarlyHelp.Analytics.Pipelines.Training;

/// <summary>Everything a training run measured, written as <c>metrics.json</c>.</summary>
public sealed record TrainingReport
{
    /// <summary>The scorer name of the saved model in <see cref="Test"/>: the recommended one (<see cref="ModelKind"/>).</summary>
    public const string ModelScorer = "model";

    /// <summary>The scorer name of the logistic-regression baseline, when the saved model is the trees.</summary>
    public const string LogisticScorer = "logistic_regression";

    /// <summary>The scorer name of the gradient-boosted trees, when the saved model is the logistic regression.</summary>
    public const string TreesScorer = "gradient_boosted_trees";

    private ModelRecommendation? recommendation;

    /// <summary>The scorer name of the two-of-six rule.</summary>
    public const string RuleScorer = "two_of_six_rule";

    /// <summary>The model's name.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>SHA-256 of the model file's bytes.</summary>
    [JsonPropertyName("model_sha256")] public required string ModelSha256 { get; init; }

    /// <summary>When the run finished (UTC).</summary>
    [JsonPropertyName("created_at")] public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who ran it.</summary>
    [JsonPropertyName("created_by")] public required string CreatedBy { get; init; }

    /// <summary>The run's as-of date.</summary>
    [JsonPropertyName("as_of")] public required DateOnly AsOf { get; init; }

    /// <summary>The dates of each role.</summary>
    [JsonPropertyName("schedule")] public required ScheduleSummary Schedule { get; init; }

    /// <summary>How families were split and how many rows each role got.</summary>
    [JsonPropertyName("split")] public required SplitSummary Split { get; init; }

    /// <summary>The panel's capacity and the K it gives on the test rows.</summary>
    [JsonPropertyName("capacity")] public required CapacitySummary Capacity { get; init; }

    /// <summary>The model and the baselines on the test rows: metrics with intervals, and the model against each baseline.</summary>
    [JsonPropertyName("test")] public required ScorerComparison Test { get; init; }

    /// <summary>
    /// The model on test families new to children's social care and on those already known to it, each not assessable
    /// when too small; empty in a model folder written before it was reported.
    /// </summary>
    [JsonPropertyName("new_and_known")] public IReadOnlyList<SubgroupPerformance> NewAndKnown { get; init; } = [];

    /// <summary>
    /// The model the run recommends: the trees only when they beat the tuned logistic regression beyond chance. A report
    /// that does not record it (built in code) derives it from <see cref="Test"/>, whose model is then the trees.
    /// </summary>
    [JsonPropertyName("recommendation")]
    public ModelRecommendation Recommendation
    {
        get => recommendation ?? ModelRecommendation.From(Test.Against(LogisticScorer));
        init => recommendation = value;
    }

    /// <summary>
    /// Which kind of model the folder holds (<see cref="Learning.Models.ModelKind"/>): the recommended one. A folder written
    /// before the regression could be saved holds the trees.
    /// </summary>
    [JsonPropertyName("model_kind")] public string ModelKind { get; init; } = Learning.Models.ModelKind.Trees;

    /// <summary>Whether the folder holds the logistic regression.</summary>
    [JsonIgnore] public bool IsLogistic => ModelKind == Learning.Models.ModelKind.LogisticRegression;

    /// <summary>The scorer of <see cref="Test"/> that holds the other candidate: the regression beside saved trees, the trees beside a saved regression.</summary>
    [JsonIgnore] public string OtherCandidateScorer => IsLogistic ? TreesScorer : LogisticScorer;

    /// <summary>The boosting run (the trees, saved or not).</summary>
    [JsonPropertyName("boosting")] public required BoostingSummary Boosting { get; init; }

    /// <summary>The calibrator fitted on the calibration rows.</summary>
    [JsonPropertyName("calibrator")] public required CalibratorDescription Calibrator { get; init; }

    /// <summary>
    /// The calibration gate's verdict on the calibrated score over the test families (calibration.json holds the same);
    /// a model folder written before the gate existed reads as not assessable, so it loads but cannot be promoted.
    /// </summary>
    [JsonPropertyName("calibration_gate")]
    public Evaluation.Calibration.CalibrationVerdict CalibrationGate { get; init; } = new(Evaluation.Calibration.CalibrationVerdict.NotAssessable,
        ["not recorded: the model was trained before the calibration gate"]);

    /// <summary>The leakage check.</summary>
    [JsonPropertyName("leakage")] public required LeakageCheck Leakage { get; init; }

    /// <summary>The champion at training time scored on the same test rows, or null when there was none.</summary>
    [JsonPropertyName("champion")] public ChampionComparison? Champion { get; init; }

    /// <summary>Every flag of the fairness audit (fairness.json) and every group flag of the calibration audit (calibration.json), each of which a promotion note must acknowledge by its id.</summary>
    [JsonPropertyName("fairness_flags")] public required IReadOnlyList<FairnessFlag> FairnessFlags { get; init; }

    /// <summary>
    /// Whether the fairness audit could judge any group; a model folder written before it was counted reads as not
    /// assessable, so "no flag" there is never taken for a pass.
    /// </summary>
    [JsonPropertyName("fairness_evidence")] public FairnessEvidence FairnessEvidence { get; init; } = FairnessEvidence.NotRecorded;

    /// <summary>How the logistic baseline's L2 penalty was chosen on the validation families; null in folders written before it was recorded.</summary>
    [JsonPropertyName("logistic_tuning")] public Baselines.LogisticTuning? LogisticTuning { get; init; }

    /// <summary>The tuned regression's own test figures (log loss, calibration slope, largest probabilities); null in folders written before they were recorded.</summary>
    [JsonPropertyName("regression_test")] public RegressionTestFigures? RegressionTest { get; init; }

    /// <summary>Rows left out because an offer of early help fell in their outcome window; null in folders written before it was counted.</summary>
    [JsonPropertyName("feedback_exclusions")] public FeedbackSummary? Feedback { get; init; }

    /// <summary>The audit against true need, when a truth folder was given.</summary>
    [JsonPropertyName("true_need")] public TrueNeedSummary? TrueNeed { get; init; }

    /// <summary>The data-quality finding on record linkage: the model's expected errors and, against a truth folder, error rates by group.</summary>
    [JsonPropertyName("linkage")] public Fairness.LinkageFinding? Linkage { get; init; }

    /// <summary>Drift of the score and the features.</summary>
    [JsonPropertyName("drift")] public required DriftSummary Drift { get; init; }

    /// <summary>The features the saved model leans on most: for trees, share of the total split gain; for the regression, share of the summed mean absolute linear contribution over the training rows.</summary>
    [JsonPropertyName("feature_importance")] public required IReadOnlyList<FeatureShare> FeatureImportance { get; init; }

    /// <summary>Time and memory per stage.</summary>
    [JsonPropertyName("stage_timings")] public required IReadOnlyList<StageTiming> StageTimings { get; init; }

    /// <summary>The model's test-period metrics, by name, for the registry.</summary>
    public IReadOnlyDictionary<string, double> HeadlineMetrics() =>
        Test.Scorer(ModelScorer).Metrics.ToDictionary(p => p.Key, p => p.Value.Value);
}

/// <summary>The as-of dates of a run.</summary>
/// <param name="HistoryStart">First month of steady recording in the hub.</param>
/// <param name="TrainingDates">Training dates.</param>
/// <param name="CalibrationDate">Validation and calibration date.</param>
/// <param name="TestDate">Test date.</param>
/// <param name="ScoringDate">The population compared for drift.</param>
/// <param name="HorizonMonths">Label horizon.</param>
public sealed record ScheduleSummary(
    [property: JsonPropertyName("history_start")] DateOnly HistoryStart,
    [property: JsonPropertyName("training_dates")] IReadOnlyList<DateOnly> TrainingDates,
    [property: JsonPropertyName("calibration_date")] DateOnly CalibrationDate,
    [property: JsonPropertyName("test_date")] DateOnly TestDate,
    [property: JsonPropertyName("scoring_date")] DateOnly ScoringDate,
    [property: JsonPropertyName("horizon_months")] int HorizonMonths);

/// <summary>Rows, families and escalations of one role.</summary>
/// <param name="Rows">Rows.</param>
/// <param name="Families">Distinct families.</param>
/// <param name="Positives">Rows that escalated (0 for the unlabelled scoring rows).</param>
public sealed record RoleSize(
    [property: JsonPropertyName("rows")] int Rows,
    [property: JsonPropertyName("families")] int Families,
    [property: JsonPropertyName("escalated")] long Positives);

/// <summary>How the families were split.</summary>
/// <param name="Seed">Seed of the partition hash.</param>
/// <param name="Shares">Share of families per partition, by name.</param>
/// <param name="Roles">Size of each role, by name.</param>
/// <param name="Method">The method in words.</param>
public sealed record SplitSummary(
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("shares")] IReadOnlyDictionary<string, double> Shares,
    [property: JsonPropertyName("roles")] IReadOnlyDictionary<string, RoleSize> Roles,
    [property: JsonPropertyName("method")] string Method);

/// <summary>The panel's capacity.</summary>
/// <param name="Monthly">Families the panel reviews from a monthly scoring run, city-wide.</param>
/// <param name="EligibleAtAsOf">Families eligible at the as-of date.</param>
/// <param name="TestK">K on the test rows: the same share of them.</param>
/// <param name="InPanelTerms">The model's precision and recall said as the panel would.</param>
public sealed record CapacitySummary(
    [property: JsonPropertyName("monthly")] int Monthly,
    [property: JsonPropertyName("eligible_at_as_of")] int EligibleAtAsOf,
    [property: JsonPropertyName("test_k")] int TestK,
    [property: JsonPropertyName("in_panel_terms")] string InPanelTerms);

/// <summary>The boosting run.</summary>
/// <param name="TreesKept">Trees in the model: the best round on the validation families.</param>
/// <param name="MaximumTrees">Trees allowed.</param>
/// <param name="ValidationLogLoss">Validation log loss of the trees kept (before calibration).</param>
/// <param name="TrainingAucInSample">AUC on the training rows themselves (optimistic; for comparison only).</param>
public sealed record BoostingSummary(
    [property: JsonPropertyName("trees_kept")] int TreesKept,
    [property: JsonPropertyName("maximum_trees")] int MaximumTrees,
    [property: JsonPropertyName("validation_log_loss")] double ValidationLogLoss,
    [property: JsonPropertyName("training_auc_in_sample")] double TrainingAucInSample);

/// <summary>The leakage check: the model's AUC on families it never saw, in the training period and in the test period.</summary>
/// <param name="InPeriodAuc">AUC on the test families' rows at the training dates.</param>
/// <param name="TestAuc">AUC on the test rows.</param>
/// <param name="Drop">In-period AUC − test AUC.</param>
/// <param name="Threshold">The drop above which the warning is given.</param>
/// <param name="Warning">Whether the drop exceeds the threshold.</param>
/// <param name="Message">What it means.</param>
public sealed record LeakageCheck(
    [property: JsonPropertyName("in_period_auc")] double InPeriodAuc,
    [property: JsonPropertyName("test_auc")] double TestAuc,
    [property: JsonPropertyName("drop")] double Drop,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("possible_leakage")] bool Warning,
    [property: JsonPropertyName("message")] string Message);

/// <summary>The champion scored on the candidate's test rows.</summary>
/// <param name="Name">The champion's name.</param>
/// <param name="ModelSha256">The champion's model file hash.</param>
/// <param name="Test">Candidate (first) against champion on the same rows; null when the champion could not score them.</param>
/// <param name="Problem">Why the champion could not score them, or null.</param>
public sealed record ChampionComparison(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("model_sha256")] string ModelSha256,
    [property: JsonPropertyName("test")] ScorerComparison? Test,
    [property: JsonPropertyName("problem")] string? Problem)
{
    /// <summary>The champion's scorer name in <see cref="Test"/>.</summary>
    public const string ChampionScorer = "champion";
}

/// <summary>The audit against true need.</summary>
/// <param name="Definition">What counts as need.</param>
/// <param name="Rows">Test rows audited.</param>
/// <param name="WithNeed">Of them, families with need in the horizon.</param>
/// <param name="Selection">The selection the true-need audit judged.</param>
/// <param name="Flags">Its flags: evidence about the synthetic city, not for promotion notes.</param>
/// <param name="StandardisedSelection">The selection whose rates are standardised for need.</param>
/// <param name="Standardised">Each group's selection against families with the same true need.</param>
/// <param name="StandardisedFlags">The flags among them: where a recording bias shows.</param>
public sealed record TrueNeedSummary(
    [property: JsonPropertyName("definition")] string Definition,
    [property: JsonPropertyName("rows")] int Rows,
    [property: JsonPropertyName("with_need")] long WithNeed,
    [property: JsonPropertyName("selection")] string Selection,
    [property: JsonPropertyName("flags")] IReadOnlyList<FairnessFlag> Flags,
    [property: JsonPropertyName("standardised_selection")] string StandardisedSelection,
    [property: JsonPropertyName("standardised")] IReadOnlyList<StandardisedGroup> Standardised,
    [property: JsonPropertyName("standardised_flags")] IReadOnlyList<FairnessFlag> StandardisedFlags);

/// <summary>Drift at a glance; <c>drift.json</c> has every feature.</summary>
/// <param name="ScorePsi">The score's PSI.</param>
/// <param name="ScoreLevel">Its reading.</param>
/// <param name="ShiftedFeatures">Features with a moderate or major shift, least stable first.</param>
public sealed record DriftSummary(
    [property: JsonPropertyName("score_psi")] double ScorePsi,
    [property: JsonPropertyName("score_level")] string ScoreLevel,
    [property: JsonPropertyName("shifted_features")] IReadOnlyList<string> ShiftedFeatures);

/// <summary>A feature's share of the trees' total split gain.</summary>
/// <param name="Name">The feature.</param>
/// <param name="Share">Its share, 0 to 1.</param>
public sealed record FeatureShare(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("share")] double Share);
