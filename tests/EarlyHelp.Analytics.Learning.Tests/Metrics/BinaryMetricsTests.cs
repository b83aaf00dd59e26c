using EarlyHelp.Analytics.Learning.Metrics;
using FsCheck;
using FsCheck.Fluent;

namespace EarlyHelp.Analytics.Learning.Tests.Metrics;

public sealed class BinaryMetricsTests
{
    [Fact]
    public void RocAuc_TiedPositiveAndNegative_CountsTheTieAsHalf()
    {
        // Positives score 0.4 and 0.8, negatives 0.1 and 0.4. Of the four positive-negative pairs,
        // three are ordered correctly and one is tied: (3 + 0.5) / 4 = 0.875.
        double[] labels = [0, 1, 0, 1];
        double[] scores = [0.1, 0.4, 0.4, 0.8];

        var auc = BinaryMetrics.RocAuc(labels, scores);

        Assert.Equal(0.875, auc, 15);
    }

    [Fact]
    public void RocAuc_Weights_CountEachPairByTheProductOfWeights()
    {
        // Positive 0.6 (weight 2) beats negative 0.2 (weight 1): 2·1; positive 0.1 (weight 1) loses.
        // Total pair weight 3·1, so 2/3.
        double[] labels = [0, 1, 1];
        float[] scores = [0.2f, 0.6f, 0.1f];

        var auc = BinaryMetrics.RocAuc(labels, scores, [1, 2, 1]);

        Assert.Equal(2.0 / 3.0, auc, 15);
    }

    [Fact]
    public void RocAuc_OneClassOnly_IsNaN()
    {
        double[] labels = [1, 1];
        double[] scores = [0.3, 0.7];

        Assert.True(double.IsNaN(BinaryMetrics.RocAuc(labels, scores)));
    }

    [Fact]
    public void RocAuc_RandomScoresWithTies_EqualsPairwiseCount()
    {
        // The definition itself: P(positive scores above negative) + 0.5·P(tie), counted pair by pair.
        var rows = Gen.Choose(0, 1).Zip(Gen.Choose(0, 6)).ArrayOf().Where(r => r.Any(x => x.Item1 == 0) && r.Any(x => x.Item1 == 1));

        Prop.ForAll(rows.ToArbitrary(), sample =>
        {
            var labels = sample.Select(r => (double)r.Item1).ToArray();
            var scores = sample.Select(r => r.Item2 / 6.0).ToArray();
            double wins = 0, pairs = 0;
            foreach (var (positive, positiveScore) in sample)
            {
                foreach (var (negative, negativeScore) in sample)
                {
                    if (positive != 1 || negative != 0) continue;
                    pairs++;
                    wins += positiveScore > negativeScore ? 1 : positiveScore == negativeScore ? 0.5 : 0;
                }
            }

            return Math.Abs(BinaryMetrics.RocAuc(labels, scores) - wins / pairs) < 1e-12;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AveragePrecision_DistinctScores_SumsRecallStepsTimesPrecision()
    {
        // From the top: 0.9 positive (recall 1/2, precision 1), 0.8 negative (no recall step),
        // 0.7 positive (recall 1, precision 2/3). AP = 0.5·1 + 0.5·2/3 = 5/6.
        double[] labels = [1, 0, 1, 0];
        double[] scores = [0.9, 0.8, 0.7, 0.1];

        Assert.Equal(5.0 / 6.0, BinaryMetrics.AveragePrecision(labels, scores), 15);
    }

    [Fact]
    public void AveragePrecision_TiedTopScores_TreatsTheTieAsOneThreshold()
    {
        // Threshold 0.5 takes both tied rows: recall 1/2, precision 1/2; then 0.2: recall 1,
        // precision 2/3. AP = 0.5·0.5 + 0.5·2/3 = 7/12.
        double[] labels = [1, 0, 1];
        double[] scores = [0.5, 0.5, 0.2];

        Assert.Equal(7.0 / 12.0, BinaryMetrics.AveragePrecision(labels, scores), 15);
    }

    [Fact]
    public void LogLoss_TwoRows_IsMeanNegativeLogLikelihood()
    {
        // −(ln 0.8 + ln 0.6) / 2 = (0.2231435513142098 + 0.5108256237659907) / 2.
        double[] labels = [1, 0];
        double[] scores = [0.8, 0.4];

        Assert.Equal(0.36698458753, BinaryMetrics.LogLoss(labels, scores), 10);
    }

    [Fact]
    public void LogLoss_ConfidentWrongScore_IsClippedAtMachineEpsilon()
    {
        // Score 0 for a positive is clipped to 2^-52, costing −ln 2^-52 = 52·ln 2 = 36.04365338911715.
        double[] labels = [1];
        double[] scores = [0];

        Assert.Equal(36.04365338911715, BinaryMetrics.LogLoss(labels, scores), 12);
    }

    [Fact]
    public void Brier_TwoRows_IsMeanSquaredError()
    {
        // ((1 − 0.8)² + (0 − 0.4)²) / 2 = (0.04 + 0.16) / 2.
        double[] labels = [1, 0];
        double[] scores = [0.8, 0.4];

        Assert.Equal(0.1, BinaryMetrics.Brier(labels, scores), 15);
    }

    [Fact]
    public void ReliabilityCurve_ScoreOnAnEdge_GoesToTheBinBelowAndEmptyBinsAreDropped()
    {
        // Two bins, edges 0, 0.5, 1: 0.5 is the upper edge of bin 0, so bin 0 holds 0, 0.2, 0.5
        // (one positive: rate 1/3, mean score 0.7/3) and bin 1 holds 0.9 (positive).
        double[] labels = [0, 0, 1, 1];
        double[] scores = [0, 0.2, 0.5, 0.9];

        var curve = BinaryMetrics.ReliabilityCurve(labels, scores, 2);

        Assert.Equal([1.0 / 3.0, 1.0], curve.ObservedRates);
        Assert.Equal(0.7 / 3.0, curve.MeanScores[0], 15);
        Assert.Equal(0.9, curve.MeanScores[1], 15);
        // ECE = 3/4·|1/3 − 0.7/3| + 1/4·|1 − 0.9| = 0.075 + 0.025.
        Assert.Equal(0.1, curve.ExpectedCalibrationError, 15);
        Assert.Equal(0.1, curve.MaximumCalibrationError, 15);
    }

    [Fact]
    public void ReliabilityCurve_ScoresOnlyHigh_DropsTheEmptyLowBins()
    {
        double[] labels = [1, 0];
        double[] scores = [0.95, 0.91];

        var curve = BinaryMetrics.ReliabilityCurve(labels, scores, 10);

        Assert.Equal(9, Assert.Single(curve.Bins).Index);
    }

    [Fact]
    public void ConfusionAtTopK_TiedScores_BreaksTiesByKeyAscending()
    {
        // Top 2: row 0 (0.9), then among the three rows tied at 0.5 the one with the smallest key
        // (row 2, key 10). Row 2 is a positive, row 0 a negative.
        double[] labels = [0, 1, 1, 0, 1];
        double[] scores = [0.9, 0.5, 0.5, 0.5, 0.1];
        long[] keys = [5, 30, 10, 20, 1];

        var selected = BinaryMetrics.SelectTopK(scores, 2, keys);
        var confusion = BinaryMetrics.ConfusionAtTopK(labels, scores, 2, keys);

        Assert.Equal([true, false, true, false, false], selected);
        Assert.Equal(new ConfusionCounts(1, 1, 1, 2), confusion);
        Assert.Equal(0.5, confusion.Precision);
        Assert.Equal(1.0 / 3.0, confusion.Recall, 15);
        Assert.Equal(0.4, confusion.SelectionRate, 15);
    }

    [Fact]
    public void ConfusionAtThreshold_ScoreEqualToThreshold_IsSelected()
    {
        double[] labels = [1, 0, 0];
        double[] scores = [0.5, 0.5, 0.4];

        var confusion = BinaryMetrics.ConfusionAtThreshold(labels, scores, 0.5);

        Assert.Equal(new ConfusionCounts(1, 1, 1, 0), confusion);
    }

    [Fact]
    public void ConfusionCounts_NobodySelected_PrecisionIsNaN()
    {
        var confusion = new ConfusionCounts(0, 0, 3, 1);

        Assert.True(double.IsNaN(confusion.PositivePredictiveValue));
        Assert.Equal(0.25, confusion.FalseOmissionRate);
        Assert.Equal(1.0, confusion.FalseNegativeRate);
    }

    [Fact]
    public void RocAuc_LabelTwo_ThrowsNamingTheRow()
    {
        double[] labels = [0, 2];
        double[] scores = [0.1, 0.2];

        var error = Assert.Throws<ArgumentException>(() => BinaryMetrics.RocAuc(labels, scores));

        Assert.StartsWith("The label of row 1 is 2; labels must be 0 or 1.", error.Message);
    }

    [Fact]
    public void Brier_ScoreAboveOne_ThrowsNamingTheRow()
    {
        double[] labels = [0, 1];
        double[] scores = [0.1, 1.5];

        var error = Assert.Throws<ArgumentException>(() => BinaryMetrics.Brier(labels, scores));

        Assert.StartsWith("The score of row 1 is 1.5; a probability must lie in [0, 1].", error.Message);
    }
}
