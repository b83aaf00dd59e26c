namespace EarlyHelp.Analytics.Pipelines.Comparison;

/// <summary>The headline metrics of one scorer on one (re)sample of rows.</summary>
/// <param name="Auc">ROC AUC, ties counting one half.</param>
/// <param name="AveragePrecision">Average precision, scikit-learn's step sum.</param>
/// <param name="Brier">Mean squared error of the probabilities.</param>
/// <param name="ExpectedCalibrationError">Expected calibration error over ten equal-width bins.</param>
/// <param name="PrecisionAtCapacity">Of the K highest scored, the share with the outcome.</param>
/// <param name="RecallAtCapacity">Of all with the outcome, the share among the K highest scored.</param>
/// <param name="TruePositivesAtCapacity">Of the K highest scored, how many had the outcome.</param>
internal readonly record struct MetricValues(
    double Auc, double AveragePrecision, double Brier, double ExpectedCalibrationError, double PrecisionAtCapacity, double RecallAtCapacity, double TruePositivesAtCapacity)
{
    /// <summary>The values in <see cref="MetricNames.All"/> order.</summary>
    public double[] ToArray() => [Auc, AveragePrecision, Brier, ExpectedCalibrationError, PrecisionAtCapacity, RecallAtCapacity];
}

/// <summary>
/// The metrics of <see cref="Learning.Metrics.BinaryMetrics"/>, computed with integer row weights (the
/// copies of each row in a bootstrap resample) in one pass over a ranking made once. With every weight
/// 1 they equal BinaryMetrics' values (tested).
/// </summary>
internal static class WeightedMetrics
{
    /// <summary>The metrics of <paramref name="scores"/> against <paramref name="labels"/>, each row weighing <paramref name="copies"/> (null: 1 each).</summary>
    public static MetricValues Compute(RankedScores scores, double[] labels, int[]? copies, int capacity)
    {
        var order = scores.Order;
        var starts = scores.GroupStarts;
        double positives = 0, negatives = 0;
        foreach (var row in order)
        {
            var weight = copies?[row] ?? 1;
            positives += weight * labels[row];
            negatives += weight * (1 - labels[row]);
        }

        // Highest scores first: average precision adds each run's precision; AUC counts, for each run,
        // the negatives below it (all negatives less those at or above) and half the tied ones.
        double truePositives = 0, falsePositives = 0, averagePrecision = 0, area = 0;
        for (var g = 0; g + 1 < starts.Length; g++)
        {
            double groupPositives = 0, groupNegatives = 0;
            for (var i = starts[g]; i < starts[g + 1]; i++)
            {
                var row = order[i];
                var weight = copies?[row] ?? 1;
                groupPositives += weight * labels[row];
                groupNegatives += weight * (1 - labels[row]);
            }
            var negativesBelow = negatives - falsePositives - groupNegatives;
            area += groupPositives * (negativesBelow + 0.5 * groupNegatives);
            truePositives += groupPositives;
            falsePositives += groupNegatives;
            if (truePositives + falsePositives > 0 && groupPositives > 0)
                averagePrecision += groupPositives / positives * (truePositives / (truePositives + falsePositives));
        }

        var (brier, calibrationError, total) = Losses(scores, labels, copies);
        var atCapacity = TruePositivesInTop(order, labels, copies, capacity);
        return new MetricValues(
            positives > 0 && negatives > 0 ? area / (positives * negatives) : double.NaN,
            positives > 0 ? averagePrecision : double.NaN,
            brier / total,
            calibrationError / total,
            capacity > 0 ? atCapacity / Math.Min(capacity, total) : double.NaN,
            positives > 0 ? atCapacity / positives : double.NaN,
            atCapacity);
    }

    private static (double SquaredError, double BinGaps, double Total) Losses(RankedScores scores, double[] labels, int[]? copies)
    {
        Span<double> binOutcomes = stackalloc double[RankedScores.CalibrationBins];
        Span<double> binScores = stackalloc double[RankedScores.CalibrationBins];
        double squared = 0, total = 0;
        for (var row = 0; row < labels.Length; row++)
        {
            var weight = copies?[row] ?? 1;
            if (weight == 0)
                continue;
            var p = scores.Probabilities[row];
            var error = labels[row] - p;
            squared += weight * error * error;
            total += weight;
            binOutcomes[scores.Bins[row]] += weight * labels[row];
            binScores[scores.Bins[row]] += weight * p;
        }
        // ECE = Σ_b (n_b / n)·|mean label_b − mean score_b| = Σ_b |Σ label − Σ score| / n.
        double gaps = 0;
        for (var b = 0; b < RankedScores.CalibrationBins; b++)
            gaps += Math.Abs(binOutcomes[b] - binScores[b]);
        return (squared, gaps, total);
    }

    /// <summary>Outcomes among the first <paramref name="capacity"/> row copies of the ranking.</summary>
    private static double TruePositivesInTop(int[] order, double[] labels, int[]? copies, int capacity)
    {
        double taken = 0, positives = 0;
        foreach (var row in order)
        {
            if (taken >= capacity)
                break;
            var take = Math.Min(copies?[row] ?? 1, capacity - taken);
            taken += take;
            positives += take * labels[row];
        }
        return positives;
    }
}

/// <summary>The metric names, as metrics.json writes them.</summary>
public static class MetricNames
{
    /// <summary>ROC AUC.</summary>
    public const string Auc = "auc";

    /// <summary>Average precision.</summary>
    public const string AveragePrecision = "average_precision";

    /// <summary>Brier score.</summary>
    public const string Brier = "brier";

    /// <summary>Expected calibration error.</summary>
    public const string ExpectedCalibrationError = "ece";

    /// <summary>Precision among the K prompted.</summary>
    public const string PrecisionAtCapacity = "precision_at_capacity";

    /// <summary>Recall among the K prompted.</summary>
    public const string RecallAtCapacity = "recall_at_capacity";

    /// <summary>Every metric, in report order.</summary>
    public static IReadOnlyList<string> All { get; } = [Auc, AveragePrecision, Brier, ExpectedCalibrationError, PrecisionAtCapacity, RecallAtCapacity];

    /// <summary>Whether a larger value is better (false for the Brier score and the calibration error).</summary>
    public static bool HigherIsBetter(string metric) => metric is not (Brier or ExpectedCalibrationError);
}
