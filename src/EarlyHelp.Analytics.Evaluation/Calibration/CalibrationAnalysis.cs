using EarlyHelp.Analytics.Evaluation.Statistics;
using EarlyHelp.Analytics.Learning.Metrics;

namespace EarlyHelp.Analytics.Evaluation.Calibration;

/// <summary>Computes every calibration measure of one score over one set of rows.</summary>
internal static class CalibrationAnalysis
{
    public static CalibrationSummary Summarise(double[] scores, double[] labels, int bins, double z)
    {
        var equalWidth = BinaryMetrics.ReliabilityCurve(labels, scores, bins);
        var quantile = BinaryMetrics.ReliabilityCurve(labels, scores, bins, ReliabilityBinning.Quantile);
        var positives = (long)labels.Sum();
        var observed = (double)positives / labels.Length;
        var meanScore = scores.Average();
        var brier = BinaryMetrics.Brier(labels, scores);
        var recalibration = LogisticRecalibration.Fit(scores, labels);
        var auc = GroupedRocAuc.Compute(scores, labels, BinaryMetrics.RankDescending<double>(scores), new int[scores.Length], 1)[0];
        return new CalibrationSummary
        {
            Rows = labels.Length,
            Positives = positives,
            MeanScore = meanScore,
            ObservedRate = observed,
            ObservedRateInterval = ConfidenceIntervals.Wilson(positives, labels.Length, z),
            ObservedMinusPredicted = observed - meanScore,
            CalibrationInTheLarge = recalibration.InTheLarge,
            CalibrationIntercept = recalibration.Intercept,
            CalibrationSlope = recalibration.Slope,
            CalibrationSlopeInterval = ConfidenceIntervals.NormalApproximation(recalibration.Slope, recalibration.SlopeStandardError, z),
            Brier = brier,
            BrierDecomposition = Decompose(equalWidth, brier, observed),
            ExpectedCalibrationError = equalWidth.ExpectedCalibrationError,
            MaximumCalibrationError = equalWidth.MaximumCalibrationError,
            LogLoss = BinaryMetrics.LogLoss(labels, scores),
            Auc = auc.Value,
            AucInterval = ConfidenceIntervals.NormalApproximation(auc.Value, auc.StandardError, z),
            ReliabilityEqualWidth = Points(equalWidth, z),
            ReliabilityQuantile = Points(quantile, z),
        };
    }

    private static BrierDecomposition Decompose(ReliabilityCurve curve, double brier, double observed)
    {
        double reliability = 0, resolution = 0;
        foreach (var bin in curve.Bins)
        {
            reliability += bin.Count * (bin.MeanScore - bin.ObservedRate) * (bin.MeanScore - bin.ObservedRate);
            resolution += bin.Count * (bin.ObservedRate - observed) * (bin.ObservedRate - observed);
        }

        reliability /= curve.Count;
        resolution /= curve.Count;
        var uncertainty = observed * (1 - observed);
        return new BrierDecomposition(reliability, resolution, uncertainty, brier - (reliability - resolution + uncertainty));
    }

    private static ReliabilityPoint[] Points(ReliabilityCurve curve, double z) => curve.Bins.Select(b => new ReliabilityPoint(
        b.LowerEdge, b.UpperEdge, b.Count, b.Positives, b.MeanScore, b.ObservedRate, ConfidenceIntervals.Wilson(b.Positives, b.Count, z))).ToArray();
}
