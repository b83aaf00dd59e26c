using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Core.Tests;

public sealed class YearMonthTests
{
    [Theory]
    // Born March 2010: 13 on the last day of February 2024, 14 from 1 March 2024.
    [InlineData("2010-03", 2024, 2, 29, 13)]
    [InlineData("2010-03", 2024, 3, 1, 14)]
    [InlineData("2024-01", 2024, 1, 15, 0)]
    public void AgeOn_CountsWholeYearsFromTheFirstOfTheBirthMonth(string birth, int year, int month, int day, int expected)
    {
        Assert.True(YearMonth.TryParse(birth, out var born));
        Assert.Equal(expected, born.AgeOn(new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData("2024-13")]
    [InlineData("2024-00")]
    [InlineData("2024/01")]
    [InlineData("24-01")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_Malformed_ReturnsFalse(string? text) => Assert.False(YearMonth.TryParse(text, out _));

    [Fact]
    public void AddMonths_CrossesYearBoundaries()
    {
        Assert.Equal(new YearMonth(2025, 2), new YearMonth(2024, 11).AddMonths(3));
        Assert.Equal(new YearMonth(2023, 12), new YearMonth(2024, 1).AddMonths(-1));
        Assert.Equal("2023-12", new YearMonth(2023, 12).ToString());
    }
}
