using EarlyHelp.Analytics.Features.Building;
using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Features.Tests.Support;
using EarlyHelp.Analytics.Features.Trajectories;

namespace EarlyHelp.Analytics.Features.Tests.Trajectories;

public sealed class FamilyTrajectoryTests
{
    [Fact]
    public void Of_FamilyOne_MonthlyCountsByHand()
    {
        var trajectory = FamilyTrajectory.Of(FamilyOne.Hub().Family(1), FamilyOne.AsOf);

        // 24 windows, oldest first: the first opens at T − 24 months, the last at T − 1 month.
        Assert.Equal(24, trajectory.MonthStarts.Count);
        Assert.Equal(InMemoryHub.Date("2022-03-15"), trajectory.MonthStarts[0]);
        Assert.Equal(InMemoryHub.Date("2024-02-15"), trajectory.MonthStarts[23]);
        // Domestic abuse at offsets 0, 1, 1, 3 (see FamilyOne) → positions 23, 22, 22, 20.
        var domestic = trajectory.Problems.Single(s => s.Code == "domestic_abuse");
        int[] expectedDomestic = [.. new int[20], 1, 0, 2, 1];
        Assert.Equal(expectedDomestic, domestic.Counts);
        // Persistent absence at offsets 2 and 6 → positions 21 and 17.
        var absence = trajectory.Datasets.Single(s => s.Code == "school.persistent_absence");
        int[] expectedAbsence = [.. new int[17], 1, 0, 0, 0, 1, 0, 0];
        Assert.Equal(expectedAbsence, absence.Counts);
        Assert.Equal("Persistent absence in a school term", absence.Name);
    }

    [Fact]
    public void Of_FamilyOne_SeriesAddUpToTheWindowFeatures()
    {
        var history = FamilyOne.Hub().Family(1);
        var trajectory = FamilyTrajectory.Of(history, FamilyOne.AsOf);
        var values = FeatureBuilder.Values(history, FamilyOne.AsOf);

        foreach (var series in trajectory.Problems.Append(trajectory.AllProblems))
        {
            foreach (var months in FeatureCatalogue.Windows)
            {
                var feature = values[FeatureCatalogue.IndexOf($"{series.Code}_{months}m")];
                Assert.Equal(feature, series.Counts.TakeLast(months).Sum());
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(37)]
    public void Of_MonthsOutOfRange_Throws(int months)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FamilyTrajectory.Of(FamilyOne.Hub().Family(1), FamilyOne.AsOf, months));

        Assert.StartsWith($"The 'months' argument must be between 1 and 36. Got {months} instead.", error.Message);
    }
}
