using EarlyHelp.Analytics.Core.Prompts;

namespace EarlyHelp.Analytics.Core.Tests.Prompts;

public sealed class RiskBandsTests
{
    [Theory]
    // Each band includes its lower cut point (0.10, 0.25, 0.50) and excludes the next one.
    [InlineData(0.0, RiskBand.Lower)]
    [InlineData(0.0999, RiskBand.Lower)]
    [InlineData(0.10, RiskBand.Moderate)]
    [InlineData(0.2499, RiskBand.Moderate)]
    [InlineData(0.25, RiskBand.High)]
    [InlineData(0.4999, RiskBand.High)]
    [InlineData(0.50, RiskBand.VeryHigh)]
    [InlineData(1.0, RiskBand.VeryHigh)]
    public void For_ProbabilityAtAndAroundCutPoints_ReturnsDocumentedBand(double probability, RiskBand expected) =>
        Assert.Equal(expected, RiskBands.For(probability));

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void For_OutsideUnitInterval_Throws(double probability) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskBands.For(probability));

    [Fact]
    public void TryParse_EveryCode_RoundTrips()
    {
        foreach (var band in RiskBands.All)
        {
            Assert.True(RiskBands.TryParse(band.Code(), out var parsed));
            Assert.Equal(band, parsed);
        }
        Assert.False(RiskBands.TryParse("VeryHigh", out _));
    }
}
