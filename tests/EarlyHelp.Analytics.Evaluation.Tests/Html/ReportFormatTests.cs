using EarlyHelp.Analytics.Evaluation.Html;

namespace EarlyHelp.Analytics.Evaluation.Tests.Html;

public sealed class ReportFormatTests
{
    [Theory]
    [InlineData(0.0, "0%")]
    [InlineData(0.005, "0.5%")]
    [InlineData(0.01, "1%")]
    [InlineData(0.0125, "1.25%")]
    [InlineData(0.5, "50%")]
    public void AxisPercent_SmallRateSteps_StayDistinct(double value, string expected) =>
        Assert.Equal(expected, ReportFormat.AxisPercent(value));
}
