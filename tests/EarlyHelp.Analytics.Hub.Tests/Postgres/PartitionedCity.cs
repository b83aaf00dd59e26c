using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Postgres;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using EarlyHelp.Analytics.Synthetic;

namespace EarlyHelp.Analytics.Hub.Tests.Postgres;

/// <summary>
/// One synthetic city (seed 1) loaded with linkage into a plain PostgreSQL hub and into a partitioned one, and its
/// feature table built from each: from the plain hub whole, from the partitioned hub partition by partition.
/// </summary>
internal static class PartitionedCity
{
    /// <summary>Generates, loads and builds; the partitioned hub is <paramref name="partitionedHub"/>, the plain one a fixture of its own.</summary>
    public static PartitionedCityBuild Run(PostgresHubFixture partitionedHub, CityOptions city, int partitions, int workers)
    {
        var extracts = Path.Combine(partitionedHub.Scratch, "city");
        CityGenerator.Generate(city, extracts, Path.Combine(partitionedHub.Scratch, "truth"));
        using var plainHub = new PostgresHubFixture();
        using var plain = PostgresHubStore.Open(plainHub.ConnectionString, auditKeyFile: plainHub.AuditKeyFile);
        ExtractIngest.Run(plain, extracts, "tester");
        PostgresPartitioning.Partition(partitionedHub.ConnectionString, partitions);
        using var partitioned = PostgresHubStore.Open(partitionedHub.ConnectionString, auditKeyFile: partitionedHub.AuditKeyFile);
        ExtractIngest.Run(partitioned, extracts, "tester");
        var extractDate = plain.ExtractDate!.Value;
        // Four quarterly dates, the latest a year before the extract so that every label is observed.
        var options = new FeatureTableOptions { AsOfDates = FeatureTableOptions.Snapshots(new DateOnly(extractDate.Year - 1, extractDate.Month, 1), 4, 3) };

        var whole = FeatureTableBuilder.Build(HubHistory.Read(plain.OpenReader(), plain.Name), options);
        var parts = PartitionedFeatureTableBuilder.Build(partitioned.OpenPartitionReaders(), partitioned.Name, options, workers);
        return new PartitionedCityBuild(whole, parts);
    }

    /// <summary>The table as its CSV text: equal text means equal rows and values.</summary>
    public static string Csv(FeatureTable table)
    {
        using var writer = new StringWriter();
        FeatureTableCsv.Write(table, writer);
        return writer.ToString();
    }

    /// <summary>Each as-of date's summary as one line.</summary>
    public static string[] Summaries(FeatureTable table) =>
        table.Snapshots.Select(s => $"{s.AsOf:yyyy-MM-dd} {s.Families} {s.Eligible} {string.Join(",", s.Exclusions.OrderBy(e => e.Key).Select(e => $"{e.Key}={e.Value}"))} {s.Labelled} {s.Escalated}").ToArray();
}

/// <summary>What <see cref="PartitionedCity.Run"/> built.</summary>
/// <param name="Whole">The table from the plain hub.</param>
/// <param name="Parts">The table from the partitioned hub, with each partition's figures.</param>
internal sealed record PartitionedCityBuild(FeatureTable Whole, PartitionedFeatureTable Parts);
