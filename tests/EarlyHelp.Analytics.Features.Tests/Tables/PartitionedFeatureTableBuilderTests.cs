using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Features.Tests.Support;

namespace EarlyHelp.Analytics.Features.Tests.Tables;

public sealed class PartitionedFeatureTableBuilderTests
{
    private static readonly FeatureTableOptions Options = new() { AsOfDates = [SmallTown.September, SmallTown.March] };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Build_OddAndEvenFamilies_SameCsvAsTheWholeTown(int workers)
    {
        var town = SmallTown.Hub();
        IHubReader[] parts = [new FamilySubset(town, f => f.Value % 2 == 1), new FamilySubset(town, f => f.Value % 2 == 0)];

        var built = PartitionedFeatureTableBuilder.Build(parts, "memory", Options, workers);

        Assert.Equal(SmallTown.Csv(town.Read()), Csv(built.Table));
        // SmallTown: family 1 is eligible in March and 3 and 5 in September — all three odd, none even.
        Assert.Equal([3, 0], built.Partitions.Select(p => p.Rows));
        Assert.Equal(SmallTown.Table(town.Read()).Snapshots.Select(s => (s.Families, s.Eligible, s.Labelled, s.Escalated)),
            built.Table.Snapshots.Select(s => (s.Families, s.Eligible, s.Labelled, s.Escalated)));
    }

    [Fact]
    public void Concatenate_SameFamilyInTwoParts_Refused()
    {
        var town = SmallTown.Hub();
        var table = FeatureTableBuilder.Build(town.Read(), Options);

        var error = Assert.Throws<ArgumentException>(() => FeatureTableConcatenation.Concatenate([table, table]));

        Assert.Equal("Family 1 is in more than one table. (Parameter 'parts')", error.Message);
    }

    [Fact]
    public void Concatenate_PartsWithDifferentDates_Refused()
    {
        var history = SmallTown.Hub().Read();
        var march = FeatureTableBuilder.Build(history, Options with { AsOfDates = [SmallTown.March] });
        var both = FeatureTableBuilder.Build(history, Options);

        var error = Assert.Throws<ArgumentException>(() => FeatureTableConcatenation.Concatenate([march, both]));

        Assert.Equal("Every table must have the same as-of dates and label horizon. (Parameter 'parts')", error.Message);
    }

    [Fact]
    public void Build_NoWorkers_Refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PartitionedFeatureTableBuilder.Build([SmallTown.Hub()], "memory", Options, workers: 0));

        Assert.StartsWith("The 'workers' argument must be at least 1. Got 0 instead.", error.Message);
    }

    [Fact]
    public void Build_ThreeWorkersTwoPartitions_ReportsEachPartitionUnderOneStage()
    {
        var town = SmallTown.Hub();
        IHubReader[] parts = [new FamilySubset(town, f => f.Value % 2 == 1), new FamilySubset(town, f => f.Value % 2 == 0)];
        var reports = new List<WorkProgress>();

        PartitionedFeatureTableBuilder.Build(parts, "memory", Options, workers: 3, new SynchronousProgress(reports));

        // Never more workers than partitions; one report before any partition and one as each is built.
        Assert.Equal(["features: 2 partitions, 2 workers"], reports.Select(r => r.Stage).Distinct());
        Assert.Equal([0L, 1L, 2L], reports.Select(r => r.Done).Order());
        Assert.All(reports, r => Assert.Equal(2, r.Total));
    }

    [Fact]
    public void Build_FromHistoryAndPartitions_PartitionsWhenThereAreAny()
    {
        var town = SmallTown.Hub();
        var history = town.Read();
        IHubReader[] evenOnly = [new FamilySubset(town, f => f.Value % 2 == 0)];
        List<WorkProgress> wholeReports = [], partedReports = [];

        var whole = PartitionedFeatureTableBuilder.Build(history, [], "memory", Options, new SynchronousProgress(wholeReports));
        var parted = PartitionedFeatureTableBuilder.Build(history, evenOnly, "memory", Options with { MaxDegreeOfParallelism = 2 }, new SynchronousProgress(partedReports));

        // No partitions: the whole history's table, with its three eligible rows (families 1, 3 and 5). Partitions:
        // theirs alone — here the even families, none of them eligible — and the stage says the path taken.
        Assert.Equal(SmallTown.Csv(history), Csv(whole));
        Assert.Equal(3, whole.RowCount);
        Assert.Equal(0, parted.RowCount);
        Assert.Equal(["Building features"], wholeReports.Select(r => r.Stage).Distinct());
        Assert.Equal(["features: 1 partitions, 1 workers"], partedReports.Select(r => r.Stage).Distinct());
    }

    private static string Csv(FeatureTable table)
    {
        using var writer = new StringWriter();
        FeatureTableCsv.Write(table, writer);
        return writer.ToString();
    }
}
