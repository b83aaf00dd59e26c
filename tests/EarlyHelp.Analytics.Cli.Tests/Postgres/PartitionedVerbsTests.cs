using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.CommandLine;

namespace EarlyHelp.Analytics.Cli.Tests.Postgres;

/// <summary>
/// The verbs on a partitioned PostgreSQL hub: <c>hub partition</c> and <c>ingest --partitions</c> make one, and
/// <c>features</c> and <c>train</c> then build partition by partition with parallel workers, saying so, and give the
/// table and the model the same hub gives unpartitioned.
/// </summary>
public sealed class PartitionedVerbsTests : IDisposable
{
    private readonly string scratch = Path.Combine(Path.GetTempPath(), $"earlyhelp-pg-partitioned-{Guid.NewGuid():N}");
    private readonly PostgresSchema plainSchema = new();
    private readonly PostgresSchema newSchema = new();

    [PostgresFact]
    public void Verbs_PartitionedHub_SameFeaturesAndModelAsThePlainHub()
    {
        Directory.CreateDirectory(scratch);
        var city = Path.Combine(scratch, "city");
        Assert.Equal(ExitCodes.Success, CommandRunner.Run("generate", "--people", "2000", "--seed", "3", "--out", city, "--threads", "2").Exit);
        var hub = plainSchema.Create();
        Run(hub, "ingest", city);

        // Unpartitioned: the hub is read whole.
        var whole = Features(hub, "whole.csv", workers: 2);
        Assert.DoesNotContain("partitions,", whole);
        var wholeTrain = Train(hub, "whole");
        Assert.DoesNotContain("partitions,", wholeTrain);

        Assert.StartsWith("Partitioned ", Run(hub, "hub", "partition", "--partitions", "4"));
        Assert.EndsWith(" is already in 4 partitions; nothing changed.", Run(hub, "hub", "partition", "--partitions", "4").TrimEnd());

        // Partitioned: four partitions, two at a time; the same CSV byte for byte, and the same model.
        var parted = Features(hub, "parted.csv", workers: 2);
        Assert.Contains("features: 4 partitions, 2 workers", parted);
        Assert.Equal(File.ReadAllBytes(Path.Combine(scratch, "whole.csv")), File.ReadAllBytes(Path.Combine(scratch, "parted.csv")));
        Assert.Contains("features: 4 partitions, 2 workers", Train(hub, "parted"));
        var export = File.Exists(Path.Combine(scratch, "whole", "trees.json")) ? "trees.json" : "linear.json";
        Assert.Equal(File.ReadAllText(Path.Combine(scratch, "whole", export)), File.ReadAllText(Path.Combine(scratch, "parted", export)));

        // A hub created partitioned by the load: the same table again, with three workers.
        var created = newSchema.Create();
        Run(created, "ingest", "--partitions", "4", city);
        Assert.Contains("features: 4 partitions, 3 workers", Features(created, "created.csv", workers: 3));
        Assert.Equal(File.ReadAllBytes(Path.Combine(scratch, "whole.csv")), File.ReadAllBytes(Path.Combine(scratch, "created.csv")));

        var (exit, _, error) = CommandRunner.Run("hub", "partition", "--hub", created, "--partitions", "8");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.EndsWith(": the hub is already partitioned into 4 partitions; it cannot be partitioned again into 8", error.TrimEnd());
    }

    [PostgresFact]
    public void Partition_EmptyDatabase_NoHubHere()
    {
        var (exit, _, error) = CommandRunner.Run("hub", "partition", "--hub", plainSchema.Create(), "--partitions", "4");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.EndsWith(": there is no hub here; load extracts with 'earlyhelp ingest' or give the right --hub", error.TrimEnd());
    }

    public void Dispose()
    {
        plainSchema.Dispose();
        newSchema.Dispose();
        if (Directory.Exists(scratch))
            Directory.Delete(scratch, recursive: true);
    }

    private string Features(string hub, string file, int workers) =>
        Run(hub, "features", "--as-of", "2024-12-31", "--snapshots", "4", "--out", Path.Combine(scratch, file), "--workers", $"{workers}");

    private string Train(string hub, string model) =>
        Run(hub, "train", "--as-of", "2024-12-31", "--out", Path.Combine(scratch, model), "--resamples", "100", "--threads", "2");

    /// <summary>Runs a verb on <paramref name="hub"/> with the test's audit key; its output, after requiring success.</summary>
    private string Run(string hub, params string[] args)
    {
        var (exit, output, error) = CommandRunner.Run([.. args, "--hub", hub, "--audit-key", Path.Combine(scratch, "hub.auditkey")]);
        Assert.True(exit == ExitCodes.Success, $"{string.Join(' ', args)}: {error}");
        return output;
    }
}
