using EarlyHelp.Analytics.Learning.Metrics;
using EarlyHelp.Analytics.Pipelines.Comparison;
using FsCheck;
using FsCheck.Fluent;

namespace EarlyHelp.Analytics.Pipelines.Tests.Comparison;

public sealed class WeightedMetricsTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(200);

    /// <summary>Rows with probabilities on a coarse grid (so ties are common), labels and copy counts 0 to 3.</summary>
    private static readonly Gen<(double[] Scores, double[] Labels, int[] Copies)> Samples =
        from n in Gen.Choose(2, 60)
        from scores in Gen.Choose(0, 20).Select(k => k / 20.0).ArrayOf(n)
        from labels in Gen.Choose(0, 1).Select(l => (double)l).ArrayOf(n)
        from copies in Gen.Choose(0, 3).ArrayOf(n)
        select (scores, labels, copies);

    [Fact]
    public void Compute_UnitWeights_EqualsBinaryMetrics()
    {
        Check.One(Runs, Prop.ForAll(Samples.ToArbitrary(), sample =>
        {
            var ranked = new RankedScores("s", sample.Scores, Enumerable.Range(0, sample.Scores.Length).Select(i => (long)i).ToArray());
            var values = WeightedMetrics.Compute(ranked, sample.Labels, null, 5);
            return Same(values.Auc, BinaryMetrics.RocAuc<double, double>(sample.Labels, sample.Scores))
                && Same(values.AveragePrecision, BinaryMetrics.AveragePrecision<double, double>(sample.Labels, sample.Scores))
                && Same(values.Brier, BinaryMetrics.Brier<double, double>(sample.Labels, sample.Scores))
                && Same(values.ExpectedCalibrationError, BinaryMetrics.ExpectedCalibrationError<double, double>(sample.Labels, sample.Scores));
        }));
    }

    [Fact]
    public void Compute_CopyCounts_EqualBinaryMetricsOnTheRepeatedRows()
    {
        // A bootstrap resample is the rows repeated by their copy counts: the weighted sweep must give exactly
        // what BinaryMetrics gives on the rows written out that many times (top-K ties broken by row order).
        Check.One(Runs, Prop.ForAll(Samples.ToArbitrary(), sample =>
        {
            if (sample.Copies.Sum() == 0)
                return true;
            var expandedRows = Enumerable.Range(0, sample.Scores.Length).SelectMany(i => Enumerable.Repeat(i, sample.Copies[i])).ToArray();
            var scores = expandedRows.Select(i => sample.Scores[i]).ToArray();
            var labels = expandedRows.Select(i => sample.Labels[i]).ToArray();
            var tieKeys = expandedRows.Select(i => (long)i).ToArray();
            var ranked = new RankedScores("s", sample.Scores, Enumerable.Range(0, sample.Scores.Length).Select(i => (long)i).ToArray());
            var values = WeightedMetrics.Compute(ranked, sample.Labels, sample.Copies, 4);
            var top = BinaryMetrics.ConfusionAtTopK<double, double>(labels, scores, 4, tieKeys);
            return Same(values.Auc, BinaryMetrics.RocAuc<double, double>(labels, scores))
                && Same(values.AveragePrecision, BinaryMetrics.AveragePrecision<double, double>(labels, scores))
                && Same(values.Brier, BinaryMetrics.Brier<double, double>(labels, scores))
                && Same(values.ExpectedCalibrationError, BinaryMetrics.ExpectedCalibrationError<double, double>(labels, scores))
                && Same(values.PrecisionAtCapacity, top.Precision)
                && Same(values.RecallAtCapacity, top.Recall);
        }));
    }

    [Fact]
    public void Compute_HandExample_PrecisionAndRecallAtCapacity()
    {
        // Scores 0.9, 0.8, 0.7, 0.6, 0.5 with labels 1, 0, 1, 0, 1 and K = 2: the top two hold one
        // escalation, so precision 1/2 and recall 1/3 (three escalated in all).
        double[] scores = [0.9, 0.8, 0.7, 0.6, 0.5];
        double[] labels = [1, 0, 1, 0, 1];

        var values = WeightedMetrics.Compute(new RankedScores("s", scores, [0, 1, 2, 3, 4]), labels, null, 2);

        Assert.Equal(0.5, values.PrecisionAtCapacity);
        Assert.Equal(1.0 / 3, values.RecallAtCapacity, 15);
        Assert.Equal(1, values.TruePositivesAtCapacity);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.1, 0)]
    [InlineData(0.1000001, 1)]
    [InlineData(0.95, 9)]
    [InlineData(1.0, 9)]
    public void BinOf_EdgesBelongToTheLowerBin(double probability, int expected)
    {
        // numpy searchsorted(linspace(0, 1, 11)[1:-1], p, side="left"): 0.1 lies on the first inner edge and stays in bin 0.
        Assert.Equal(expected, RankedScores.BinOf(probability));
    }

    private static bool Same(double actual, double expected) =>
        double.IsNaN(expected) ? double.IsNaN(actual) : Math.Abs(actual - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected));
}
