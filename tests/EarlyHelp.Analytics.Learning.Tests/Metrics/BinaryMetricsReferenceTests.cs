using EarlyHelp.Analytics.Learning.Metrics;
using EarlyHelp.Analytics.Learning.Tests.Support;

namespace EarlyHelp.Analytics.Learning.Tests.Metrics;

/// <summary>
/// Every expected number here is read from reference/metrics/expected.json, made by scikit-learn
/// 1.2.1 on the same scores.csv; the README there states a tolerance of about 1e-9.
/// </summary>
public sealed class BinaryMetricsReferenceTests
{
    private const double Tolerance = 1e-9;
    private static readonly string[] GroupNames = ["A", "B", "C", "D"];

    [SharedTheory(MetricsReference.ScoresFile, MetricsReference.ExpectedFile)]
    [InlineData("roc_auc")]
    [InlineData("average_precision")]
    [InlineData("log_loss")]
    [InlineData("brier")]
    public void OverallMetric_ReferenceScores_MatchesScikitLearn(string key)
    {
        var reference = MetricsReference.Load();

        var value = key switch
        {
            "roc_auc" => BinaryMetrics.RocAuc(reference.Labels, reference.Scores),
            "average_precision" => BinaryMetrics.AveragePrecision(reference.Labels, reference.Scores),
            "log_loss" => BinaryMetrics.LogLoss(reference.Labels, reference.Scores),
            _ => BinaryMetrics.Brier(reference.Labels, reference.Scores),
        };

        Assert.Equal(reference.Number(key), value, Tolerance);
    }

    [SharedTheory(MetricsReference.ScoresFile, MetricsReference.ExpectedFile)]
    [InlineData(ReliabilityBinning.EqualWidth, "calibration_curve_uniform_10")]
    [InlineData(ReliabilityBinning.Quantile, "calibration_curve_quantile_10")]
    public void ReliabilityCurve_ReferenceScores_MatchesCalibrationCurve(ReliabilityBinning binning, string key)
    {
        var reference = MetricsReference.Load();

        var curve = BinaryMetrics.ReliabilityCurve(reference.Labels, reference.Scores, 10, binning);

        AssertAll(reference.Numbers(key, "prob_true"), curve.ObservedRates);
        AssertAll(reference.Numbers(key, "prob_pred"), curve.MeanScores);
    }

    [SharedFact(MetricsReference.ScoresFile, MetricsReference.ExpectedFile)]
    public void ExpectedCalibrationError_ReferenceScores_MatchesDefinitionInReference()
    {
        var reference = MetricsReference.Load();

        var error = BinaryMetrics.ExpectedCalibrationError(reference.Labels, reference.Scores, 10);

        Assert.Equal(reference.Number("ece_uniform_10"), error, Tolerance);
    }

    [SharedFact(MetricsReference.ScoresFile, MetricsReference.ExpectedFile)]
    public void GroupMetrics_ReferenceScores_MatchScikitLearnPerGroup()
    {
        var reference = MetricsReference.Load();

        foreach (var group in GroupNames)
        {
            var (labels, scores) = reference.Group(group);

            var confusion = BinaryMetrics.ConfusionAtThreshold(labels, scores, 0.5);

            Assert.Equal(reference.Number("by_group", group, "n"), labels.Length);
            Assert.Equal(reference.Number("by_group", group, "positives"), confusion.Positives);
            Assert.Equal(reference.Number("by_group", group, "roc_auc"), BinaryMetrics.RocAuc(labels, scores), Tolerance);
            Assert.Equal(reference.Number("by_group", group, "brier"), BinaryMetrics.Brier(labels, scores), Tolerance);
            Assert.Equal(reference.Number("by_group", group, "mean_score"), scores.Average(), Tolerance);
            Assert.Equal(reference.Number("by_group", group, "base_rate"), confusion.BaseRate, Tolerance);
            AssertCounts(reference, ["by_group", group, "at_threshold_0.5"], confusion);
        }
    }

    [SharedFact(MetricsReference.ScoresFile, MetricsReference.ExpectedFile)]
    public void ConfusionAtTopK_Top500TiesById_MatchesReferenceCountsPerGroup()
    {
        var reference = MetricsReference.Load();

        // expected.json top_k_500_rule: score descending, ties by id ascending, first 500 selected.
        var selected = BinaryMetrics.SelectTopK(reference.Scores, 500, reference.Ids);

        foreach (var group in GroupNames.Append("ALL"))
        {
            var rows = Enumerable.Range(0, reference.Groups.Length).Where(i => group == "ALL" || reference.Groups[i] == group).ToArray();
            var confusion = BinaryMetrics.Confusion(rows.Select(i => reference.Labels[i]).ToArray(), rows.Select(i => selected[i]).ToArray());
            AssertCounts(reference, ["top_k_500", group], confusion);
        }
    }

    private static void AssertCounts(MetricsReference reference, string[] path, ConfusionCounts confusion)
    {
        Assert.Equal(reference.Number([.. path, "tp"]), confusion.TruePositives);
        Assert.Equal(reference.Number([.. path, "fp"]), confusion.FalsePositives);
        Assert.Equal(reference.Number([.. path, "tn"]), confusion.TrueNegatives);
        Assert.Equal(reference.Number([.. path, "fn"]), confusion.FalseNegatives);
    }

    private static void AssertAll(double[] expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], actual[i], Tolerance);
    }
}
