using EarlyHelp.Analytics.Evaluation.Statistics;

namespace EarlyHelp.Analytics.Evaluation.Tests.Statistics;

public sealed class RankingCurvesTests
{
    [Fact]
    public void Compute_SixRows_GivesTheHandCountedCurveAndAveragePrecision()
    {
        // Ranked by score: 1 1 0 1 0 0 (3 with the outcome, 3 without). Selecting the top k for k = 1..6:
        // TP = 1 2 2 3 3 3, FP = 0 0 1 1 2 3, so TPR = TP/3, FPR = FP/3, precision = TP/k.
        // AP = Σ ΔR·P = (1/3)·1 + (1/3)·1 + (1/3)·(3/4) = 0.91667, as scikit-learn's average_precision_score gives for these rows.
        double[] scores = [0.9, 0.8, 0.7, 0.6, 0.55, 0.4];
        double[] labels = [1, 1, 0, 1, 0, 0];

        var curves = RankingCurves.Compute(scores, labels);

        Assert.Equal(7, curves.Points.Count);
        Assert.Equal((0.0, 0.0), (curves.Points[0].TruePositiveRate, curves.Points[0].FalsePositiveRate));
        Assert.True(double.IsNaN(curves.Points[0].Precision));
        Assert.Equal([1 / 3.0, 2 / 3.0, 2 / 3.0, 1, 1, 1], curves.Points.Skip(1).Select(p => p.TruePositiveRate), Tolerance);
        Assert.Equal([0, 0, 1 / 3.0, 1 / 3.0, 2 / 3.0, 1], curves.Points.Skip(1).Select(p => p.FalsePositiveRate), Tolerance);
        Assert.Equal([1, 1, 2 / 3.0, 3 / 4.0, 3 / 5.0, 1 / 2.0], curves.Points.Skip(1).Select(p => p.Precision), Tolerance);
        Assert.Equal(11 / 12.0, curves.AveragePrecision, 12);
        Assert.Equal(0.5, curves.BaseRate, 12);
    }

    [Fact]
    public void Compute_TiedScores_ShareOneThreshold()
    {
        // Two rows tied at 0.5, one with the outcome: the curve must go straight from (0, 0) to (1, 1), never
        // through (0, 1) or (1, 0), which would depend on the order of the tie.
        var curves = RankingCurves.Compute([0.5, 0.5], [0, 1]);

        Assert.Equal(2, curves.Points.Count);
        Assert.Equal((1.0, 1.0, 0.5), (curves.Points[1].TruePositiveRate, curves.Points[1].FalsePositiveRate, curves.Points[1].Precision));
        Assert.Equal(0.5, curves.AveragePrecision, 12);
    }

    [Fact]
    public void Compute_ManyDistinctScores_IsThinnedKeepingBothEnds()
    {
        var scores = Enumerable.Range(0, 1000).Select(i => i / 1000.0).ToArray();
        var labels = scores.Select((_, i) => i % 3 == 0 ? 1.0 : 0.0).ToArray();

        var curves = RankingCurves.Compute(scores, labels);

        Assert.Equal(RankingCurves.MostPoints, curves.Points.Count);
        Assert.Equal(0, curves.Points[0].TruePositiveRate);
        Assert.Equal((1.0, 1.0), (curves.Points[^1].TruePositiveRate, curves.Points[^1].FalsePositiveRate));
        Assert.True(curves.Points.Zip(curves.Points.Skip(1)).All(p => p.Second.FalsePositiveRate >= p.First.FalsePositiveRate));
    }

    private static readonly ToleranceComparer Tolerance = new();

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-12;

        public int GetHashCode(double obj) => 0;
    }
}
