using EarlyHelp.Analytics.Learning.Linear;

namespace EarlyHelp.Analytics.Learning.Tests.Linear;

/// <summary>The linear contributions on a two-feature model whose weights, baseline and row are set by hand.</summary>
public sealed class LinearContributionsTests
{
    // b = −2, w = (0.8, −1.5), training means of z = (0.25, 0.5), the row z = (1.25, −0.5).
    private const double Bias = -2;
    private static readonly double[] Weights = [0.8, -1.5];
    private static readonly double[] Means = [0.25, 0.5];
    private static readonly float[] Row = [1.25f, -0.5f];

    [Fact]
    public void Write_TwoFeatures_HandValuesThatSumToMarginMinusBaseline()
    {
        var contributions = new double[2];

        LinearContributions.Write(Weights, Means, Row, contributions);

        // 0.8 × (1.25 − 0.25) = 0.8 and −1.5 × (−0.5 − 0.5) = 1.5.
        Assert.Equal(0.8, contributions[0], 12);
        Assert.Equal(1.5, contributions[1], 12);
        // margin −2 + 0.8 × 1.25 − 1.5 × −0.5 = −0.25; baseline −2 + 0.8 × 0.25 − 1.5 × 0.5 = −2.55; their difference 2.3.
        var margin = LinearContributions.Margin(Bias, Weights, Row);
        var baseline = LinearContributions.Baseline(Bias, Weights, Means);
        Assert.Equal(-0.25, margin, 12);
        Assert.Equal(-2.55, baseline, 12);
        Assert.Equal(margin - baseline, contributions.Sum(), 12);
    }

    [Fact]
    public void Write_RowAtTheMeans_EveryContributionZero()
    {
        var contributions = new double[2];

        LinearContributions.Write(Weights, Means, [0.25f, 0.5f], contributions);

        Assert.All(contributions, c => Assert.Equal(0, c));
    }

    [Fact]
    public void Write_RowOfOtherWidth_RefusedNamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => LinearContributions.Write(Weights, Means, [1f, 2f, 3f], new double[2]));

        Assert.Equal("The model has 2 weights but the row has 3 values.", error.Message);
    }
}
