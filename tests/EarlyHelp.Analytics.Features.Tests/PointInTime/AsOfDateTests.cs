using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.PointInTime;
using EarlyHelp.Analytics.Features.Tests.Support;

namespace EarlyHelp.Analytics.Features.Tests.PointInTime;

public sealed class AsOfDateTests
{
    [Theory]
    // T = 2024-03-15: offset k is [T − (k+1) months, T − k months).
    [InlineData("2024-03-15", "2024-03-14", 0)]
    [InlineData("2024-03-15", "2024-02-15", 0)]
    [InlineData("2024-03-15", "2024-02-14", 1)]
    [InlineData("2024-03-15", "2023-12-15", 2)]
    [InlineData("2024-03-15", "2023-12-14", 3)]
    // Ten years back is past the lookup table: 2014-03-15 opens offset 119, the day before is 120.
    [InlineData("2024-03-15", "2014-03-15", 119)]
    [InlineData("2024-03-15", "2014-03-14", 120)]
    [InlineData("2024-03-15", "1990-01-01", 410)]
    // T = 2024-03-31: T − 1 month is 2024-02-29 (the month is shorter), T − 2 months is 2024-01-31.
    [InlineData("2024-03-31", "2024-02-29", 0)]
    [InlineData("2024-03-31", "2024-02-28", 1)]
    [InlineData("2024-03-31", "2024-01-31", 1)]
    [InlineData("2024-03-31", "2024-01-30", 2)]
    public void MonthOffset_DateBeforeT_FallsInTheWindowByHand(string asOf, string date, int expected)
    {
        var rules = new AsOfDate(InMemoryHub.Date(asOf));

        Assert.Equal(expected, rules.MonthOffset(InMemoryHub.Date(date)));
    }

    [Fact]
    public void MonthOffset_DateOnT_Throws()
    {
        var rules = new AsOfDate(InMemoryHub.Date("2024-03-15"));

        Assert.Throws<ArgumentOutOfRangeException>(() => rules.MonthOffset(InMemoryHub.Date("2024-03-15")));
    }

    [Fact]
    public void MonthOffset_EveryDayOfTenYears_AgreesWithTheWindowDefinition()
    {
        // The definition, straight from the contract: the date is in offset k when T − (k+1) months ≤ date < T − k months.
        var asOf = InMemoryHub.Date("2024-01-31");
        var rules = new AsOfDate(asOf);

        for (var date = asOf.AddDays(-1); date >= asOf.AddYears(-11); date = date.AddDays(-1))
        {
            var k = rules.MonthOffset(date);
            Assert.True(asOf.AddMonths(-(k + 1)) <= date && date < asOf.AddMonths(-k), $"{date:yyyy-MM-dd} given offset {k}");
        }
    }

    [Theory]
    [InlineData("2024-03-14", true)]
    [InlineData("2024-03-15", false)]
    [InlineData("2024-03-16", false)]
    public void IsKnown_OnlyBeforeT(string date, bool expected) =>
        Assert.Equal(expected, new AsOfDate(InMemoryHub.Date("2024-03-15")).IsKnown(InMemoryHub.Date(date)));

    [Theory]
    [InlineData("2024-03-14", null, true)]
    [InlineData("2024-03-15", null, false)]
    [InlineData("2020-01-01", "2024-03-15", true)]
    [InlineData("2020-01-01", "2024-03-14", false)]
    public void InForce_StartedBeforeTAndNotEndedBeforeT(string start, string? end, bool expected) =>
        Assert.Equal(expected, new AsOfDate(InMemoryHub.Date("2024-03-15"))
            .InForce(InMemoryHub.Date(start), end is null ? null : InMemoryHub.Date(end)));

    [Theory]
    [InlineData(2024, 2, false)]
    [InlineData(2024, 3, true)]
    public void IsAlive_DeathKnownOnlyWhenItsMonthIsBeforeTsMonth(int year, int month, bool expected) =>
        Assert.Equal(expected, new AsOfDate(InMemoryHub.Date("2024-03-15")).IsAlive(new YearMonth(year, month)));

    [Fact]
    public void RetentionCutoff_IsTMinusTheDatasetsRetentionMonths()
    {
        var rules = new AsOfDate(InMemoryHub.Date("2024-03-15"));

        // housing.rent_arrears is kept 36 months; health.substance_misuse 96.
        Assert.Equal(InMemoryHub.Date("2021-03-15"), rules.RetentionCutoff(DatasetIndex.Of("housing.rent_arrears")));
        Assert.Equal(InMemoryHub.Date("2016-03-15"), rules.RetentionCutoff(DatasetIndex.Of("health.substance_misuse")));
    }

    [Fact]
    public void IsOpen_RecordWhoseEndIsOnT_IsStillOpen()
    {
        var rules = new AsOfDate(InMemoryHub.Date("2024-03-15"));
        var claim = DatasetIndex.Of("dwp.out_of_work_benefit");
        var incident = DatasetIndex.Of("police.asb_incident");

        Assert.True(rules.IsOpen(new HistoryEvent(claim, InMemoryHub.Date("2023-01-01"), InMemoryHub.Date("2024-03-15"))));
        Assert.False(rules.IsOpen(new HistoryEvent(claim, InMemoryHub.Date("2023-01-01"), InMemoryHub.Date("2024-03-14"))));
        Assert.True(rules.HasEnded(new HistoryEvent(claim, InMemoryHub.Date("2023-01-01"), InMemoryHub.Date("2024-03-14"))));
        // A one-day record is never open, even without an end.
        Assert.False(rules.IsOpen(new HistoryEvent(incident, InMemoryHub.Date("2024-03-01"))));
    }
}
