using EarlyHelp.Analytics.Evaluation.Fairness;

namespace EarlyHelp.Analytics.Evaluation.Tests.Fairness;

public sealed class DisparityStatusTests
{
    // The band for a tolerance of 1.25 is [1/1.25, 1.25] = [0.8, 1.25].
    [Theory]
    [InlineData(1.25, false, true, true, DisparityStatus.WithinBand)]
    [InlineData(0.8, false, true, true, DisparityStatus.WithinBand)]
    [InlineData(1.3, true, true, true, DisparityStatus.SmallGroup)]
    [InlineData(1.3, false, false, true, DisparityStatus.NoInterval)]
    [InlineData(1.3, false, true, true, DisparityStatus.Flag)]
    [InlineData(0.79, false, true, true, DisparityStatus.Flag)]
    [InlineData(1.3, false, true, false, DisparityStatus.OutsideBand)]
    [InlineData(double.NaN, false, true, true, DisparityStatus.Undefined)]
    public void Of_RatioAgainstTheBand_ReadsAsTheAuditDoes(double ratio, bool small, bool hasInterval, bool significant, string expected)
    {
        Assert.Equal(expected, DisparityStatus.Of(ratio, 1.25, small, hasInterval, significant));
    }
}
