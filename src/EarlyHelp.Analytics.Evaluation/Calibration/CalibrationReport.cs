using System.Text.Json.Serialization;
using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Statistics;

namespace EarlyHelp.Analytics.Evaluation.Calibration;

/// <summary>The calibration report, serialised as <c>calibration.json</c>: for each score given (after and, when given, before the calibrator), overall and per group.</summary>
public sealed record CalibrationReport
{
    /// <summary>Number of bins of the reliability diagrams and the Brier decomposition.</summary>
    [JsonPropertyName("bins")]
    public int Bins { get; init; }

    /// <summary>Level of every interval.</summary>
    [JsonPropertyName("confidence_level")]
    public double ConfidenceLevel { get; init; }

    /// <summary>The calibrated score's verdict: <c>pass</c>, <c>fail</c> or <c>not_assessable</c> (<see cref="CalibrationGate"/>).</summary>
    [JsonPropertyName("calibration_gate")]
    public required string Gate { get; init; }

    /// <summary>Why the gate gave its verdict: each failed check, or the figures behind a pass.</summary>
    [JsonPropertyName("calibration_gate_reasons")]
    public required IReadOnlyList<string> GateReasons { get; init; }

    /// <summary>The gate's verdict on the calibrated score.</summary>
    [JsonIgnore]
    public CalibrationVerdict Verdict => new(Gate, GateReasons);

    /// <summary>Plain-English findings, most serious first.</summary>
    [JsonPropertyName("findings")]
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>One entry per score: the calibrated score first, then the score before calibration.</summary>
    [JsonPropertyName("scores")]
    public required IReadOnlyList<ScoreCalibration> Scores { get; init; }
}

/// <summary>The calibration of one score, overall and per group.</summary>
/// <param name="Name">The score's name.</param>
/// <param name="Role"><c>calibrated</c> or <c>before calibration</c>.</param>
/// <param name="SkippedReason">Why the score was not assessed (e.g. not probabilities), or null.</param>
/// <param name="Overall">The whole population; null when skipped.</param>
/// <param name="Groups">Each group of each dimension.</param>
public sealed record ScoreCalibration(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("skipped_reason")] string? SkippedReason,
    [property: JsonPropertyName("overall")] CalibrationSummary? Overall,
    [property: JsonPropertyName("groups")] IReadOnlyList<GroupCalibration> Groups);

/// <summary>The calibration of one score within one group.</summary>
/// <param name="Dimension">The group column, or intersection.</param>
/// <param name="Group">The group.</param>
/// <param name="SmallGroup">Whether the group has fewer rows than the small-group limit (its lines are left out of the charts).</param>
/// <param name="Summary">The group's calibration.</param>
public sealed record GroupCalibration(
    [property: JsonPropertyName("dimension")] string Dimension,
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("small_group")] bool SmallGroup,
    [property: JsonPropertyName("summary")] CalibrationSummary Summary)
{
    /// <summary>The group's calibration in the large, judged by the gate's rules with false-discovery control across the groups.</summary>
    [JsonPropertyName("in_the_large")]
    public GroupInTheLarge? InTheLarge { get; init; }
}

/// <summary>How one group's observed outcomes compare with those its scores expect.</summary>
/// <param name="Status"><c>flag</c>, <c>outside_band</c> (could be chance), <c>within_band</c> or <c>not_assessable</c>.</param>
/// <param name="ObservedOverExpected">Observed over expected outcomes (1 is right; below 1: scores too high).</param>
/// <param name="Interval">Interval of O/E, O/E·exp(±z/√O).</param>
/// <param name="Reason">Why the group is not assessable, or null.</param>
public sealed record GroupInTheLarge(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("observed_over_expected")] double ObservedOverExpected,
    [property: JsonPropertyName("interval")] Interval Interval,
    [property: JsonPropertyName("reason")] string? Reason)
{
    /// <summary>Two-sided p-value of O/E = 1; undefined (null in JSON) when not assessable.</summary>
    [JsonPropertyName("p_value")]
    public double PValue { get; init; } = double.NaN;

    /// <summary>The p-value adjusted across the score's assessable groups (Benjamini–Hochberg).</summary>
    [JsonPropertyName("q_value")]
    public double QValue { get; init; } = double.NaN;
}

/// <summary>Every calibration measure of one score over one set of rows.</summary>
public sealed record CalibrationSummary
{
    /// <summary>Rows.</summary>
    [JsonPropertyName("n")]
    public long Rows { get; init; }

    /// <summary>Rows with the outcome.</summary>
    [JsonPropertyName("positives")]
    public long Positives { get; init; }

    /// <summary>Mean score: the rate the model predicts.</summary>
    [JsonPropertyName("mean_score")]
    public double MeanScore { get; init; }

    /// <summary>Share with the outcome: the rate observed.</summary>
    [JsonPropertyName("observed_rate")]
    public double ObservedRate { get; init; }

    /// <summary>Wilson interval of the observed rate.</summary>
    [JsonPropertyName("observed_rate_interval")]
    public Interval ObservedRateInterval { get; init; }

    /// <summary>Observed rate − mean score: positive when the model under-predicts.</summary>
    [JsonPropertyName("observed_minus_predicted")]
    public double ObservedMinusPredicted { get; init; }

    /// <summary>Calibration-in-the-large on the log-odds scale (0 is right; negative: scores too high).</summary>
    [JsonPropertyName("calibration_in_the_large")]
    public double CalibrationInTheLarge { get; init; }

    /// <summary>Intercept of the logistic recalibration.</summary>
    [JsonPropertyName("calibration_intercept")]
    public double CalibrationIntercept { get; init; }

    /// <summary>Slope of the logistic recalibration (1 is right; below 1: scores too extreme).</summary>
    [JsonPropertyName("calibration_slope")]
    public double CalibrationSlope { get; init; }

    /// <summary>Wald interval of the slope.</summary>
    [JsonPropertyName("calibration_slope_interval")]
    public Interval CalibrationSlopeInterval { get; init; }

    /// <summary>Brier score: mean squared difference between score and outcome.</summary>
    [JsonPropertyName("brier")]
    public double Brier { get; init; }

    /// <summary>Murphy's decomposition of the Brier score over the equal-width bins.</summary>
    [JsonPropertyName("brier_decomposition")]
    public required BrierDecomposition BrierDecomposition { get; init; }

    /// <summary>Expected calibration error over the equal-width bins.</summary>
    [JsonPropertyName("ece")]
    public double ExpectedCalibrationError { get; init; }

    /// <summary>Maximum calibration error over the equal-width bins.</summary>
    [JsonPropertyName("mce")]
    public double MaximumCalibrationError { get; init; }

    /// <summary>Log loss.</summary>
    [JsonPropertyName("log_loss")]
    public double LogLoss { get; init; }

    /// <summary>ROC AUC (discrimination, unchanged by a monotone calibrator).</summary>
    [JsonPropertyName("auc")]
    public double Auc { get; init; }

    /// <summary>DeLong interval of the AUC.</summary>
    [JsonPropertyName("auc_interval")]
    public Interval AucInterval { get; init; }

    /// <summary>Reliability diagram over equal-width bins.</summary>
    [JsonPropertyName("reliability_equal_width")]
    public required IReadOnlyList<ReliabilityPoint> ReliabilityEqualWidth { get; init; }

    /// <summary>Reliability diagram over quantile bins (about equal numbers of rows).</summary>
    [JsonPropertyName("reliability_quantile")]
    public required IReadOnlyList<ReliabilityPoint> ReliabilityQuantile { get; init; }

    /// <summary>ROC and precision–recall curves; given for the whole population only (null for groups).</summary>
    [JsonPropertyName("ranking_curves")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RankingCurves? RankingCurves { get; init; }
}

/// <summary>
/// Murphy's (1973) decomposition, Brier = reliability − resolution + uncertainty, over bins. With
/// scores that vary inside a bin the identity is not exact; the remainder is <see cref="WithinBin"/>
/// (Stephenson, Coelho and Jolliffe 2008 split it into within-bin variance and covariance terms).
/// </summary>
/// <param name="Reliability">Σ nₖ (mean scoreₖ − observedₖ)² / n: calibration error (lower is better).</param>
/// <param name="Resolution">Σ nₖ (observedₖ − observed)² / n: how much the bins' outcomes differ (higher is better).</param>
/// <param name="Uncertainty">observed · (1 − observed): the Brier score of always predicting the base rate.</param>
/// <param name="WithinBin">Brier − (reliability − resolution + uncertainty).</param>
public sealed record BrierDecomposition(
    [property: JsonPropertyName("reliability")] double Reliability,
    [property: JsonPropertyName("resolution")] double Resolution,
    [property: JsonPropertyName("uncertainty")] double Uncertainty,
    [property: JsonPropertyName("within_bin")] double WithinBin);

/// <summary>One bin of a reliability diagram.</summary>
/// <param name="LowerEdge">The bin's lower edge (excluded, except for the first bin).</param>
/// <param name="UpperEdge">The bin's upper edge (included).</param>
/// <param name="Rows">Rows in the bin.</param>
/// <param name="Positives">Rows with the outcome.</param>
/// <param name="MeanScore">Mean score (predicted).</param>
/// <param name="ObservedRate">Share with the outcome (observed).</param>
/// <param name="Interval">Wilson interval of the observed rate.</param>
public sealed record ReliabilityPoint(
    [property: JsonPropertyName("lower_edge")] double LowerEdge,
    [property: JsonPropertyName("upper_edge")] double UpperEdge,
    [property: JsonPropertyName("n")] long Rows,
    [property: JsonPropertyName("positives")] long Positives,
    [property: JsonPropertyName("mean_score")] double MeanScore,
    [property: JsonPropertyName("observed_rate")] double ObservedRate,
    [property: JsonPropertyName("interval")] Interval Interval);
