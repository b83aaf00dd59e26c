using System.Text.Json;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Postgres;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using EarlyHelp.Analytics.Synthetic;

namespace EarlyHelp.Analytics.Hub.Tests.Postgres;

/// <summary>
/// Feature building one partition at a time on a hash-partitioned hub: each partition's queries read that partition
/// alone, and the joined table is the one the unpartitioned hub of the same extracts gives, row for row and value for value.
/// </summary>
public sealed class PartitionedFeatureBuildTests : HubStoreTests<PostgresHubFixture>
{
    private const int Partitions = 4;

    [StoreFact]
    public void Build_PartitionByPartition_SameTableAsTheUnpartitionedHub()
    {
        var result = PartitionedCity.Run(Hub, new CityOptions { People = 2_000, Months = 36, Seed = 1 }, Partitions, workers: 2);
        var (whole, parts) = (result.Whole, result.Parts);

        Assert.True(whole.RowCount > 500, $"only {whole.RowCount} rows: too few to show anything");
        Assert.Equal(PartitionedCity.Csv(whole), PartitionedCity.Csv(parts.Table));
        Assert.Equal(PartitionedCity.Summaries(whole), PartitionedCity.Summaries(parts.Table));
        Assert.Equal(Partitions, parts.Partitions.Count);
        // Every partition holds families: the hash spreads them.
        Assert.All(parts.Partitions, p => Assert.True(p.Families > 0, $"partition {p.Index} holds no family"));
        Assert.Equal(whole.Snapshots[0].Families, parts.Partitions.Sum(p => p.Families));
    }

    [StoreFact]
    public void PartitionReader_EachQuery_TouchesOnlyItsOwnPartition()
    {
        PostgresPartitioning.Partition(Hub.ConnectionString, Partitions);
        using (var store = PostgresHubStore.Open(Hub.ConnectionString, auditKeyFile: Hub.AuditKeyFile))
        {
            ExtractIngest.Run(store, SmallCity.WriteTo(Hub.Scratch).Path, "tester");
            var readers = store.OpenPartitionReaders().Cast<PostgresPartitionReader>().ToArray();
            using var connection = Hub.Connect();
            foreach (var reader in readers)
            {
                Assert.Equal(5, reader.Queries.Count);
                foreach (var query in reader.Queries)
                {
                    var relations = Relations(connection, query);
                    var partitionTables = relations.Where(IsPartitionedTableOrPartition).ToArray();
                    // The query reads some partition table, and every one it reads is this reader's.
                    Assert.NotEmpty(partitionTables);
                    Assert.All(partitionTables, table => Assert.EndsWith($"_p{reader.Index}", table));
                }
            }
        }
    }

    /// <summary>Whether <paramref name="table"/> is one of the partitioned tables or one of their partitions.</summary>
    private static bool IsPartitionedTableOrPartition(string table) =>
        PostgresPartitioning.Tables.Any(t => table == t.Name || table.StartsWith($"{t.Name}_p", StringComparison.Ordinal));

    /// <summary>Every table the plan of <paramref name="query"/> scans, from PostgreSQL's EXPLAIN in JSON.</summary>
    private static List<string> Relations(Npgsql.NpgsqlConnection connection, string query)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"EXPLAIN (FORMAT JSON) {query}";
        using var plan = JsonDocument.Parse((string)command.ExecuteScalar()!);
        var relations = new List<string>();
        Walk(plan.RootElement, relations);
        return relations;
    }

    private static void Walk(JsonElement element, List<string> relations)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "Relation Name")
                    relations.Add(property.Value.GetString()!);
                Walk(property.Value, relations);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                Walk(item, relations);
        }
    }
}
