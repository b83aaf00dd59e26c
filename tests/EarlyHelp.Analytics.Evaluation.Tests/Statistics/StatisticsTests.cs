using EarlyHelp.Analytics.Evaluation.Statistics;
using EarlyHelp.Analytics.Learning.Metrics;

namespace EarlyHelp.Analytics.Evaluation.Tests.Statistics;

public sealed class StatisticsTests
{
    [Fact]
    public void Wilson_NoSuccessesInTen_MatchesThePublishedInterval()
    {
        // Brown, Cai and DasGupta (2001), Statistical Science 16(2), the Wilson interval for 0 of 10
        // at 95%: [0, 0.2775]. By hand: z² = 3.8415; centre = (3.8415/20)/(1 + 0.38415) = 0.13877 =
        // half-width, so the upper end is 0.27753.
        var interval = ConfidenceIntervals.Wilson(0, 10, ConfidenceIntervals.NormalQuantile(0.95));

        Assert.Equal(0, interval.Lower, 12);
        Assert.Equal(0.2775, interval.Upper, 4);
    }

    [Fact]
    public void NormalQuantile_NinetyFivePercent_Is1Point96()
    {
        Assert.Equal(1.959963984540054, ConfidenceIntervals.NormalQuantile(0.95), 12);
    }

    [Fact]
    public void Percentile_FiveValuesAtFiftyPercent_InterpolatesTheQuartiles()
    {
        // Quantiles 0.25 and 0.75 of 1..5 sit at positions 1 and 3 (0-based): values 2 and 4.
        double[] replicates = [5, 1, 4, 2, 3];

        var interval = ConfidenceIntervals.Percentile(replicates, 0.5);

        Assert.Equal(new Interval(2, 4), interval);
    }

    [Fact]
    public void GroupedRocAuc_TwoPositivesTwoNegatives_GivesDeLongStandardErrorByHand()
    {
        // Positives 0.8 and 0.6, negatives 0.7 and 0.2. Placements: positive 0.8 beats both
        // negatives (1), 0.6 beats one (0.5); negative 0.7 is beaten by one positive (0.5), 0.2 by
        // both (1). AUC = 0.75. Each set of placements has variance ((0.25)² + (0.25)²)/1 = 0.125, so
        // Var = 0.125/2 + 0.125/2 = 0.125 and the standard error is √0.125 = 0.35355.
        double[] scores = [0.8, 0.7, 0.6, 0.2];
        double[] labels = [1, 0, 1, 0];

        var estimate = GroupedRocAuc.Compute(scores, labels, BinaryMetrics.RankDescending(scores), new int[4], 1)[0];

        Assert.Equal(0.75, estimate.Value, 12);
        Assert.Equal(Math.Sqrt(0.125), estimate.StandardError, 12);
    }

    [Fact]
    public void GroupedRocAuc_ManyGroupsWithTies_EqualsEachGroupsOwnAuc()
    {
        var random = new Random(4);
        var scores = Enumerable.Range(0, 3000).Select(_ => random.Next(20) / 20.0).ToArray();
        var labels = scores.Select(s => random.NextDouble() < s ? 1.0 : 0.0).ToArray();
        var groups = Enumerable.Range(0, 3000).Select(_ => random.Next(5)).ToArray();

        var estimates = GroupedRocAuc.Compute(scores, labels, BinaryMetrics.RankDescending(scores), groups, 5);

        for (var g = 0; g < 5; g++)
        {
            var rows = Enumerable.Range(0, 3000).Where(i => groups[i] == g).ToArray();
            var own = BinaryMetrics.RocAuc(rows.Select(i => labels[i]).ToArray(), rows.Select(i => scores[i]).ToArray());
            Assert.Equal(own, estimates[g].Value, 12);
        }
    }
}
