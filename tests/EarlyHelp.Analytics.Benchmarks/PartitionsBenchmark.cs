using System.Diagnostics;
using System.Globalization;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Postgres;
using EarlyHelp.Analytics.Synthetic;

namespace EarlyHelp.Analytics.Benchmarks;

/// <summary>
/// The partition sizing run of docs/scale.md: a synthetic city loaded with linkage into a plain and into a partitioned
/// PostgreSQL hub (each in a schema of its own, dropped afterwards), the four quarterly snapshots ending a year before
/// the extract built from the plain hub whole and from the partitioned hub partition by partition, the two tables
/// required to be equal, and the times, each partition's figures and the family groups' sizes printed.
/// </summary>
internal static class PartitionsBenchmark
{
    public static int Run(BenchmarkArguments arguments, TextWriter output)
    {
        var server = arguments.Text("postgres");
        var city = new CityOptions { People = arguments.Integer("people", 20_000), Months = arguments.Integer("months", 48), Seed = arguments.Integer("seed", 1) };
        var partitions = arguments.Integer("partitions", 8);
        var workers = arguments.Integer("workers", 2);
        if (partitions is < 2 or > PostgresPartitioning.MaximumPartitions || workers < 1)
            throw new ArgumentException($"--partitions must be from 2 to {PostgresPartitioning.MaximumPartitions} and --workers at least 1; got {partitions} and {workers}.");
        output.WriteLine(Invariant($"# partitions people={city.People} months={city.Months} seed={city.Seed} partitions={partitions} workers={workers} processors={Environment.ProcessorCount} load_average={LoadAverage()}"));

        var scratch = Directory.CreateTempSubdirectory("earlyhelp-partitions-benchmark-").FullName;
        try
        {
            var extracts = Path.Combine(scratch, "city");
            CityGenerator.Generate(city, extracts, Path.Combine(scratch, "truth"));
            using var plainSchema = new PostgresScratchSchema(server, "plain");
            using var partitionedSchema = new PostgresScratchSchema(server, "partitioned");
            using var plain = PostgresHubStore.Open(plainSchema.ConnectionString, auditKeyFile: Path.Combine(scratch, "plain.auditkey"));
            var plainIngest = Seconds(() => ExtractIngest.Run(plain, extracts, "benchmark"));
            PostgresPartitioning.Partition(partitionedSchema.ConnectionString, partitions);
            using var partitioned = PostgresHubStore.Open(partitionedSchema.ConnectionString, auditKeyFile: Path.Combine(scratch, "partitioned.auditkey"));
            var partitionedIngest = Seconds(() => ExtractIngest.Run(partitioned, extracts, "benchmark"));
            output.WriteLine(Invariant($"ingest_with_linkage_s plain={plainIngest:F1} partitioned={partitionedIngest:F1} load_average={LoadAverage()}"));

            // Four quarterly dates, the latest a year before the extract so that every label is observed.
            var extractDate = plain.ExtractDate!.Value;
            var options = new FeatureTableOptions { AsOfDates = FeatureTableOptions.Snapshots(new DateOnly(extractDate.Year - 1, extractDate.Month, 1), 4, 3) };
            HubHistory history = null!;
            var wholeRead = Seconds(() => history = HubHistory.Read(plain.OpenReader(), plain.Name));
            FeatureTable whole = null!;
            var wholeBuild = Seconds(() => whole = FeatureTableBuilder.Build(history, options));
            PartitionedFeatureTable parts = null!;
            var partitionedAll = Seconds(() => parts = PartitionedFeatureTableBuilder.Build(partitioned.OpenPartitionReaders(), partitioned.Name, options, workers));
            if (Csv(whole) != Csv(parts.Table))
                throw new InvalidOperationException("The partitioned hub's table differs from the plain hub's: the partitioned build is wrong.");

            output.WriteLine(Invariant($"whole_hub read_s={wholeRead:F2} build_s={wholeBuild:F2} families={history.Families.Count} records={history.EventCount} rows={whole.RowCount} dates={options.AsOfDates.Count}"));
            output.WriteLine(Invariant($"partitioned all_in_s={partitionedAll:F2} rows={parts.Table.RowCount} same_csv=yes load_average={LoadAverage()}"));
            foreach (var p in parts.Partitions)
                output.WriteLine(Invariant($"partition {p.Index}: families={p.Families} records={p.Events} rows={p.Rows} read_s={p.Read.TotalSeconds:F2} build_s={p.Build.TotalSeconds:F2}"));
            WriteSpread(output, parts.Partitions);
            WriteGroups(output, partitionedSchema.ConnectionString);
            return 0;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>The range of the partitions' times, and how far the largest is above the mean: how evenly the hash spreads.</summary>
    private static void WriteSpread(TextWriter output, IReadOnlyList<PartitionBuild> parts)
    {
        output.WriteLine(Invariant(
            $"each_partition read_s={parts.Min(p => p.Read.TotalSeconds):F2}-{parts.Max(p => p.Read.TotalSeconds):F2} build_s={parts.Min(p => p.Build.TotalSeconds):F2}-{parts.Max(p => p.Build.TotalSeconds):F2}"));
        output.WriteLine(Invariant($"largest_partition_over_mean families={Excess(parts.Select(p => (double)p.Families)):P0} records={Excess(parts.Select(p => (double)p.Events)):P0}"));
    }

    private static double Excess(IEnumerable<double> values)
    {
        var all = values.ToArray();
        return all.Max() / all.Average() - 1;
    }

    /// <summary>How far shared members chain families together: the partition key's granularity.</summary>
    private static void WriteGroups(TextWriter output, string hub)
    {
        using var connection = PostgresHubConnection.Open(hub);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*), COUNT(*) FILTER (WHERE families > 1), MAX(families)
            FROM (SELECT COUNT(DISTINCT family_id) AS families FROM family_member GROUP BY family_group) g
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        output.WriteLine(Invariant($"family_groups={reader.GetInt64(0)} of_more_than_one_family={reader.GetInt64(1)} most_families_in_one_group={reader.GetInt64(2)}"));
    }

    private static string Csv(FeatureTable table)
    {
        using var writer = new StringWriter();
        FeatureTableCsv.Write(table, writer);
        return writer.ToString();
    }

    private static double Seconds(Action work)
    {
        var clock = Stopwatch.StartNew();
        work();
        return clock.Elapsed.TotalSeconds;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
