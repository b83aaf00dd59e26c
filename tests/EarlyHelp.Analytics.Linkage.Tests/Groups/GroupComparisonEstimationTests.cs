namespace EarlyHelp.Analytics.Linkage.Tests.Groups;

public sealed class GroupComparisonEstimationTests
{
    [Fact]
    public void EstimateU_RandomPairsLevels_AreTheSharesOfPresentPairs()
    {
        // 10 random pairs agree, 990 do not, 5 have the comparison missing: u = 10/1000 and 990/1000.
        var levels = Enumerable.Repeat(0, 10).Concat(Enumerable.Repeat(1, 990)).Concat(Enumerable.Repeat(-1, 5));
        Assert.Equal([0.01, 0.99], GroupComparisonEstimation.EstimateU(levels, 2));
    }

    [Fact]
    public void EstimateM_HandBuiltSample_LearnsTheAgreementShareAmongMatches()
    {
        // 100 pairs the rest of the model all but settles as matches (weight +20 bits), 80 of them agreeing; 1,000 settled
        // as non-matches (-20 bits), 10 agreeing. With u = (0.01, 0.99) a non-match that agrees has weight about -13.7
        // (p < 1e-4) and a match that does not about +17.7 (p > 0.99999), so EM's match class is the first 100 pairs and
        // m = 80/100 = 0.8 agreeing, 0.2 not, to about 1e-4: far above u's 0.01.
        var weights = Enumerable.Repeat(20.0, 100).Concat(Enumerable.Repeat(-20.0, 1000)).ToArray();
        var levels = Enumerable.Repeat(0, 80).Concat(Enumerable.Repeat(1, 20)).Concat(Enumerable.Repeat(0, 10)).Concat(Enumerable.Repeat(1, 990)).ToArray();

        var (m, iterations) = GroupComparisonEstimation.EstimateM(weights, levels, [0.01, 0.99], 200, 1e-9);

        Assert.Equal(0.8, m[0], 3);
        Assert.Equal(0.2, m[1], 3);
        Assert.True(iterations < 200);
    }
}
