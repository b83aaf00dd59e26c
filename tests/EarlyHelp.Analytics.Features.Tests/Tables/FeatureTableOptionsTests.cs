using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Features.Tests.Support;

namespace EarlyHelp.Analytics.Features.Tests.Tables;

public sealed class FeatureTableOptionsTests
{
    private static readonly DateOnly Extract = InMemoryHub.Date("2024-12-31");

    [Fact]
    public void Validate_Defaults_NoProblem()
    {
        var options = new FeatureTableOptions { AsOfDates = [InMemoryHub.Date("2025-01-01")] };

        Assert.Empty(options.Validate(Extract));
        Assert.Equal(12, options.HorizonMonths);
    }

    [Fact]
    public void Validate_BadValues_EveryProblemNamed()
    {
        var date = InMemoryHub.Date("2024-01-01");
        var options = new FeatureTableOptions { AsOfDates = [date, date], HorizonMonths = 0, MaxDegreeOfParallelism = 0 };

        Assert.Equal(
        [
            "The 'AsOfDates' option must hold distinct dates. Got a date more than once instead.",
            "The 'HorizonMonths' option must be between 1 and 60. Got 0 instead.",
            "The 'MaxDegreeOfParallelism' option must be at least 1. Got 0 instead.",
        ], options.Validate(Extract));
    }

    [Fact]
    public void Validate_NoDates_Named() =>
        Assert.Equal(["The 'AsOfDates' option must hold at least one date. Got none instead."],
            new FeatureTableOptions { AsOfDates = [] }.Validate(Extract));

    [Fact]
    public void Snapshots_QuarterlyEndingAtLatest_OldestFirst()
    {
        // 2024-05-31 back by 3, 6, 9 months: February has no 31st, so it clamps to the 29th (leap year).
        Assert.Equal(
            [InMemoryHub.Date("2023-08-31"), InMemoryHub.Date("2023-11-30"), InMemoryHub.Date("2024-02-29"), InMemoryHub.Date("2024-05-31")],
            FeatureTableOptions.Snapshots(InMemoryHub.Date("2024-05-31"), 4, 3));
    }

    [Fact]
    public void Snapshots_ZeroCount_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FeatureTableOptions.Snapshots(Extract, 0, 3));

        Assert.StartsWith("The 'count' argument must be at least 1. Got 0 instead.", error.Message);
    }
}
