using System.Text.Json.Serialization;
using EarlyHelp.Analytics.Evaluation.Statistics;
using EarlyHelp.Analytics.Pipelines.Comparison;

namespace EarlyHelp.Analytics.Pipelines.Training;

/// <summary>A rolling-origin backtest, written as <c>backtest.json</c>: how the model does, and how it ages, quarter by quarter.</summary>
/// <param name="Quarters">Test dates asked for.</param>
/// <param name="MonthsNeeded">Months of history such a backtest needs (<see cref="BacktestPlan.MonthsNeeded"/>).</param>
/// <param name="MinimumEscalations">Fewest escalated test families for a quarter to be assessed.</param>
/// <param name="Method">The method in words.</param>
/// <param name="Results">Each quarter, oldest first.</param>
public sealed record BacktestReport(
    [property: JsonPropertyName("quarters")] int Quarters,
    [property: JsonPropertyName("months_needed")] int MonthsNeeded,
    [property: JsonPropertyName("minimum_escalations")] int MinimumEscalations,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("results")] IReadOnlyList<BacktestQuarter> Results)
{
    /// <summary>The kind of model each quarter refitted (<see cref="Learning.Models.ModelKind"/>): the kind the run saves.</summary>
    [JsonPropertyName("model_kind")]
    public string ModelKind { get; init; } = Learning.Models.ModelKind.Trees;
}

/// <summary>One test quarter of a backtest.</summary>
/// <param name="TestDate">The quarter's test date.</param>
/// <param name="CalibrationDate">Its calibration date, a horizon before.</param>
/// <param name="TrainingDates">Its training dates, oldest first.</param>
/// <param name="Status"><c>assessed</c> or <c>not_assessable</c>.</param>
/// <param name="Reason">Why not assessable, or null.</param>
/// <param name="TestFamilies">Test families at the test date.</param>
/// <param name="Escalations">Of them, how many escalated within the horizon.</param>
/// <param name="Capacity">K on the test families.</param>
/// <param name="FeedbackRowsExcluded">Training, validation and calibration rows left out because the panel offered early help in their outcome window.</param>
/// <param name="Retrained">The model trained at this origin on its own test families; null when not assessable.</param>
/// <param name="Aged">The model trained at the first origin on the same families, and the retrained model minus it; null for the first quarter or when not assessable.</param>
public sealed record BacktestQuarter(
    [property: JsonPropertyName("test_date")] DateOnly TestDate,
    [property: JsonPropertyName("calibration_date")] DateOnly CalibrationDate,
    [property: JsonPropertyName("training_dates")] IReadOnlyList<DateOnly> TrainingDates,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("test_families")] int TestFamilies,
    [property: JsonPropertyName("escalations")] long Escalations,
    [property: JsonPropertyName("capacity")] int Capacity,
    [property: JsonPropertyName("feedback_rows_excluded")] int FeedbackRowsExcluded,
    [property: JsonPropertyName("retrained")] BacktestScore? Retrained,
    [property: JsonPropertyName("aged")] BacktestAgeing? Aged)
{
    /// <summary>The quarter was assessed.</summary>
    public const string Assessed = "assessed";

    /// <summary>The quarter's data cannot resolve the model's performance.</summary>
    public const string NotAssessable = "not_assessable";

    /// <summary>The L2 penalty the quarter's regression was tuned to; null for trees or when nothing was fitted.</summary>
    [JsonPropertyName("penalty")]
    public float? Penalty { get; init; }
}

/// <summary>One model on one quarter's test families.</summary>
/// <param name="Metrics">The test report's metrics (<see cref="MetricNames"/>), each with its 95% bootstrap interval.</param>
/// <param name="Calibration">Calibration slope and observed over expected outcomes, each with its interval.</param>
public sealed record BacktestScore(
    [property: JsonPropertyName("metrics")] IReadOnlyDictionary<string, MetricEstimate> Metrics,
    [property: JsonPropertyName("calibration")] BacktestCalibration Calibration);

/// <summary>The calibration gate's figures on one quarter (<see cref="Evaluation.Calibration.CalibrationGate"/>).</summary>
/// <param name="Slope">The logistic recalibration's slope.</param>
/// <param name="SlopeInterval">Its 95% Wald interval.</param>
/// <param name="Intercept">The recalibration's intercept (calibration in the large on the log-odds scale).</param>
/// <param name="ObservedOverExpected">Escalations over the sum of the probabilities.</param>
/// <param name="ObservedOverExpectedInterval">O/E·exp(±1.96/√O) (Debray et al. 2017).</param>
/// <param name="Assessable">Whether the quarter holds the calibration gate's minimum events; below it the figures are shown but judge nothing.</param>
public sealed record BacktestCalibration(
    [property: JsonPropertyName("slope")] double Slope,
    [property: JsonPropertyName("slope_interval")] Interval SlopeInterval,
    [property: JsonPropertyName("intercept")] double Intercept,
    [property: JsonPropertyName("observed_over_expected")] double ObservedOverExpected,
    [property: JsonPropertyName("observed_over_expected_interval")] Interval ObservedOverExpectedInterval,
    [property: JsonPropertyName("assessable")] bool Assessable);

/// <summary>The first origin's model on a later quarter: how the model ages when it is not retrained.</summary>
/// <param name="MonthsSinceTraining">Months from the first origin's test date to this one.</param>
/// <param name="Score">The aged model on this quarter's test families.</param>
/// <param name="RetrainedMinusAged">The retrained model minus the aged one, paired on the same families.</param>
public sealed record BacktestAgeing(
    [property: JsonPropertyName("months_since_training")] int MonthsSinceTraining,
    [property: JsonPropertyName("score")] BacktestScore Score,
    [property: JsonPropertyName("retrained_minus_aged")] IReadOnlyDictionary<string, MetricEstimate> RetrainedMinusAged);
