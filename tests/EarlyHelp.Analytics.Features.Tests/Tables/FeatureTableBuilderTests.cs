using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.Building;
using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Features.Tests.Support;

namespace EarlyHelp.Analytics.Features.Tests.Tables;

public sealed class FeatureTableBuilderTests
{
    private static readonly DateOnly March = SmallTown.March;
    private static readonly DateOnly September = SmallTown.September;

    private static FeatureTable Build(int? shuffleSeed = null, int parallelism = 2) => SmallTown.Table(SmallTown.Hub(shuffleSeed).Read(), parallelism);

    [Fact]
    public void Build_TwoDates_RowsSortedByDateThenFamily()
    {
        var table = Build();

        // See SmallTown: 1 eligible in March; 3 and 5 in September.
        Assert.Equal([March, September, September], table.AsOfDates);
        Assert.Equal([1L, 3L, 5L], table.Families.Select(f => f.Value));
        Assert.Equal(FeatureCatalogue.All.Count, table.FeatureCount);
    }

    [Fact]
    public void Build_TwoDates_ExclusionsCountedByReason()
    {
        var table = Build();

        var march = table.Snapshots[0];
        Assert.Equal(March, march.AsOf);
        Assert.Equal((5, 1), (march.Families, march.Eligible));
        Assert.Equal(1, march.Exclusions[ExclusionReason.NoMembers]);
        Assert.Equal(1, march.Exclusions[ExclusionReason.OptedOut]);
        Assert.Equal(1, march.Exclusions[ExclusionReason.NoDependentChild]);
        Assert.Equal(1, march.Exclusions[ExclusionReason.AlreadyStatutory]);
        var september = table.Snapshots[1];
        Assert.Equal(2, september.Eligible);
        Assert.Equal(0, september.Exclusions[ExclusionReason.NoMembers]);
        Assert.Equal(1, september.Exclusions[ExclusionReason.OptedOut]);
        Assert.Equal(1, september.Exclusions[ExclusionReason.NoDependentChild]);
        Assert.Equal(1, september.Exclusions[ExclusionReason.AlreadyStatutory]);
    }

    [Fact]
    public void Build_TwoDates_LabelsObservedOnlyWhenTheHorizonEndsByTheExtractDate()
    {
        var table = Build();

        // March + 12 months = 2025-03-15 ≤ 2025-06-30: observed, and family 1 escalated (CP plan 2024-06-01).
        // September + 12 months = 2025-09-15 > 2025-06-30: not observed.
        Assert.Equal(1f, table.Labels[0]);
        Assert.True(table.IsLabelObserved(0));
        Assert.False(table.IsLabelObserved(1));
        Assert.False(table.IsLabelObserved(2));
        Assert.Equal((1, 1), (table.Snapshots[0].Labelled, table.Snapshots[0].Escalated));
        Assert.Equal((0, 0), (table.Snapshots[1].Labelled, table.Snapshots[1].Escalated));
        Assert.Equal([0], table.ObservedRows());
    }

    [Fact]
    public void Build_RowOfFamilyOne_SameAsTheBuilderAlone()
    {
        var table = Build();

        var expected = FeatureBuilder.Values(FamilyOne.Hub().Family(1), March);
        Assert.True(FeatureAssert.SameValues(expected, Enumerable.Range(0, table.FeatureCount).Select(f => table[0, f]).ToArray()));
        Assert.Equal(2f, table.Column("household_moves_24m")[0]);
    }

    [Fact]
    public void Build_ShuffledHubAndOneThread_SameTable()
    {
        var reference = Build();
        var other = Build(shuffleSeed: 5, parallelism: 1);

        Assert.Equal(reference.Families, other.Families);
        Assert.True(FeatureAssert.SameValues(reference.ToRowMajor(), other.ToRowMajor()));
        Assert.True(FeatureAssert.SameValues(reference.LabelArray(), other.LabelArray()));
    }

    [Fact]
    public void ToRowMajor_MatchesTheColumns()
    {
        var table = Build();

        var values = table.ToRowMajor();

        Assert.Equal(table.RowCount * table.FeatureCount, values.Length);
        for (var row = 0; row < table.RowCount; row++)
        {
            for (var feature = 0; feature < table.FeatureCount; feature++)
                Assert.Equal(table.Column(feature)[row], values[row * table.FeatureCount + feature]);
        }
    }

    [Fact]
    public void Build_AsOfAfterTheDayAfterTheExtract_Throws()
    {
        var hub = SmallTown.Hub().Read();

        var error = Assert.Throws<ArgumentException>(() =>
            FeatureTableBuilder.Build(hub, new FeatureTableOptions { AsOfDates = [InMemoryHub.Date("2025-07-02")] }));

        Assert.StartsWith("The 'AsOfDates' option must hold dates no later than the day after the hub's extract date (2025-06-30). Got 2025-07-02 instead.", error.Message);
    }

    [Fact]
    public void Build_ReportsProgressUpToEveryFamilyAtEveryDate()
    {
        var reports = new List<WorkProgress>();
        var progress = new SynchronousProgress(reports);

        FeatureTableBuilder.Build(SmallTown.Hub().Read(), new FeatureTableOptions { AsOfDates = [March, September] }, progress);

        Assert.Equal(new WorkProgress("Building features", 10, 10), reports[^1]);
    }
}
