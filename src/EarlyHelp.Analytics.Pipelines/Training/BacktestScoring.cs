using EarlyHelp.Analytics.Evaluation.Calibration;
using EarlyHelp.Analytics.Evaluation.Statistics;
using EarlyHelp.Analytics.Pipelines.Comparison;

namespace EarlyHelp.Analytics.Pipelines.Training;

/// <summary>The figures of one model on one backtest quarter, from its probabilities and the families' outcomes.</summary>
public static class BacktestScoring
{
    /// <summary>z of the 95% intervals.</summary>
    private const double Z = 1.959963984540054;

    /// <summary>
    /// The calibration gate's figures for <paramref name="probabilities"/>: the logistic recalibration's slope with its Wald
    /// interval and its intercept, and observed over expected outcomes with the interval O/E·exp(±z/√O) (Debray et al. 2017).
    /// </summary>
    public static BacktestCalibration Calibration(double[] probabilities, double[] labels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        var recalibration = LogisticRecalibration.Fit(probabilities, labels);
        var observed = labels.Sum();
        var ratio = observed / probabilities.Sum();
        var spread = observed > 0 ? Z / Math.Sqrt(observed) : double.NaN;
        var negatives = labels.Length - observed;
        return new BacktestCalibration(recalibration.Slope, ConfidenceIntervals.NormalApproximation(recalibration.Slope, recalibration.SlopeStandardError, Z),
            recalibration.Intercept, ratio, new Interval(ratio * Math.Exp(-spread), ratio * Math.Exp(spread)),
            observed >= CalibrationGate.MinimumEvents && negatives >= CalibrationGate.MinimumEvents);
    }

    /// <summary>One scorer's metrics from a paired comparison, with its calibration figures.</summary>
    public static BacktestScore Score(ScorerComparison comparison, string scorer, double[] probabilities, double[] labels)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return new BacktestScore(comparison.Scorer(scorer).Metrics, Calibration(probabilities, labels));
    }
}
