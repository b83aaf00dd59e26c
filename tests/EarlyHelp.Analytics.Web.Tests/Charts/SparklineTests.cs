using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Web.Charts;

namespace EarlyHelp.Analytics.Web.Tests.Charts;

public sealed class SparklineTests
{
    [Fact]
    public void Columns_FourMonths_ScaledFromZeroToTheTallest()
    {
        var columns = Sparkline.Columns([0, 1, 2, 4]);

        // 240 px / 4 months = 60 px a slot; columns fill 80% (48 px), centred (6 px in); tallest (4) is 48 px high,
        // so 1 is 12 px and 2 is 24 px, each standing on the baseline at y = 48.
        double[][] expected = [[6, 48, 48, 0], [66, 36, 48, 12], [126, 24, 48, 24], [186, 0, 48, 48]];
        Assert.Equal(4, columns.Count);
        for (var month = 0; month < 4; month++)
        {
            var column = columns[month];
            Assert.Equal(expected[month], [column.X, column.Y, column.ColumnWidth, column.ColumnHeight], new ToleranceComparer(1e-9));
        }
    }

    [Fact]
    public void Columns_AllZero_NoHeightAndNoDivisionByZero()
    {
        Assert.All(Sparkline.Columns([0, 0, 0]), column => Assert.Equal(0, column.ColumnHeight));
    }

    [Fact]
    public void Render_Trajectory_DrawsOneRectPerNonEmptyMonthWithTheDataInWords()
    {
        var trajectory = new ProblemTrajectory(ProblemCategory.DomesticAbuse, new YearMonth(2023, 12), [0, 2, 1]);

        var svg = Sparkline.Render(trajectory, "chart").ToString()!;

        Assert.Equal(2, svg.Split("<rect ").Length - 1);
        Assert.Contains("<title id=\"chart-title\">Domestic abuse: records per month</title>", svg, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"chart-desc\">From Dec 2023 to Feb 2024: 0, 2, 1. Highest 2 in Jan 2024; 3 in all.</desc>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NoRecords_SaysSo()
    {
        var trajectory = new ProblemTrajectory(ProblemCategory.Health, new YearMonth(2024, 1), [0, 0]);

        Assert.Equal("From Jan 2024 to Feb 2024: 0, 0. No records in these months.", Sparkline.Describe(trajectory));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double value) => 0;
    }
}
