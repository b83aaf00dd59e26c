using EarlyHelp.Analytics.Evaluation.Statistics;

namespace EarlyHelp.Analytics.Evaluation.Tests.Statistics;

/// <summary>The Benjamini–Hochberg adjustment against the published example and a hand calculation.</summary>
public sealed class FalseDiscoveryRateTests
{
    [Fact]
    public void Adjust_BenjaminiHochbergPaperExample_RejectsTheFourSmallestAtFivePercent()
    {
        // Benjamini and Hochberg (1995), section 4: the 15 p-values of a multiple-endpoint trial; the step-up
        // procedure at q = 0.05 rejects the four smallest (0.0095 ≤ 4·0.05/15 = 0.0133, and 0.0201 > 5·0.05/15).
        double[] p = [0.0201, 0.7590, 0.0001, 0.0344, 0.0004, 0.4262, 0.0019, 0.0459, 0.3240, 0.5719, 0.0095, 0.0278, 0.6528, 0.0298, 1.0];

        var q = FalseDiscoveryRate.Adjust(p);

        var rejected = p.Where((_, i) => q[i] <= 0.05).OrderBy(v => v).ToArray();
        Assert.Equal([0.0001, 0.0004, 0.0019, 0.0095], rejected);
    }

    [Fact]
    public void Adjust_FourValues_MatchesTheStepUpByHand()
    {
        // Sorted 0.005, 0.01, 0.03, 0.04 with m = 4: p·m/rank = 0.02, 0.02, 0.04, 0.04, then the running
        // minimum from the largest down leaves them so. The untested comparison (NaN) stays NaN and m stays 4.
        var q = FalseDiscoveryRate.Adjust([0.01, 0.04, double.NaN, 0.03, 0.005]);

        Assert.Equal(0.02, q[0], 12);
        Assert.Equal(0.04, q[1], 12);
        Assert.True(double.IsNaN(q[2]));
        Assert.Equal(0.04, q[3], 12);
        Assert.Equal(0.02, q[4], 12);
    }

    [Fact]
    public void Adjust_LargerPValueWouldExceedOne_CappedAtOneAndMonotone()
    {
        // 0.9·2/1 = 1.8 for the smaller is capped by the running minimum of the larger: 0.95·2/2 = 0.95.
        var q = FalseDiscoveryRate.Adjust([0.95, 0.9]);

        Assert.Equal(0.95, q[0], 12);
        Assert.Equal(0.95, q[1], 12);
    }

    [Theory]
    [InlineData(1.959964, 1, 0.05)]
    [InlineData(-2.575829, 1, 0.01)]
    [InlineData(0, 1, 1)]
    public void TwoSidedP_StandardNormalQuantiles_GiveTheirTailAreas(double estimate, double error, double expected)
    {
        // The 97.5% and 99.5% quantiles of the standard normal (any published table).
        Assert.Equal(expected, FalseDiscoveryRate.TwoSidedP(estimate, error), 5);
    }
}
