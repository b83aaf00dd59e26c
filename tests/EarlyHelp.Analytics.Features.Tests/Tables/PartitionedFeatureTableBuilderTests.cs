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

    private static string Csv(FeatureTable table)
    {
        using var writer = new StringWriter();
        FeatureTableCsv.Write(table, writer);
        return writer.ToString();
    }
}
