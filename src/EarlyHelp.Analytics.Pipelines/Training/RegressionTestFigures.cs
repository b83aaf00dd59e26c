using System.Text.Json.Serialization;
using EarlyHelp.Analytics.Evaluation.Calibration;
using EarlyHelp.Analytics.Learning.Metrics;

namespace EarlyHelp.Analytics.Pipelines.Training;

/// <summary>
/// The tuned logistic regression's own figures on the test families, whichever model the run saves, as
/// <c>metrics.json</c>'s <c>regression_test</c>: what the rule for its input caps reads (docs/learning.md, "Bounded
/// inputs for the regression"), since how far its largest probabilities reach is what the caps change.
/// </summary>
/// <param name="InputCaps">Whether the regression held its inputs within their training percentiles.</param>
/// <param name="LogLoss">Log loss (natural log) of its calibrated probabilities.</param>
/// <param name="CalibrationSlope">The logistic recalibration's slope: 1 when the spread of its log-odds is right, below 1 when too extreme.</param>
/// <param name="CalibrationIntercept">The recalibration's intercept.</param>
/// <param name="TopProbabilities">Its <see cref="TopCount"/> largest probabilities, largest first.</param>
public sealed record RegressionTestFigures(
    [property: JsonPropertyName("input_caps")] bool InputCaps,
    [property: JsonPropertyName("log_loss")] double LogLoss,
    [property: JsonPropertyName("calibration_slope")] double CalibrationSlope,
    [property: JsonPropertyName("calibration_intercept")] double CalibrationIntercept,
    [property: JsonPropertyName("top_probabilities")] IReadOnlyList<double> TopProbabilities)
{
    /// <summary>How many of the largest probabilities are recorded.</summary>
    public const int TopCount = 10;

    /// <summary>The figures of <paramref name="probabilities"/> against the test families' outcomes <paramref name="labels"/> (0 or 1).</summary>
    public static RegressionTestFigures Of(bool inputCaps, double[] probabilities, double[] labels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        var recalibration = LogisticRecalibration.Fit(probabilities, labels);
        return new RegressionTestFigures(inputCaps, BinaryMetrics.LogLoss<double, double>(labels, probabilities), recalibration.Slope, recalibration.Intercept,
            [.. probabilities.OrderDescending().Take(TopCount)]);
    }
}
