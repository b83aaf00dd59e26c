using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.CommandLine;

namespace EarlyHelp.Analytics.Cli.Tests.HubStats;

/// <summary><c>hub partition</c> and <c>ingest --partitions</c> refusing what they cannot do, before anything is opened (no server needed).</summary>
public sealed class HubPartitionCommandTests : IDisposable
{
    private readonly ScratchHub hub = new();

    public void Dispose() => hub.Dispose();

    [Theory]
    [InlineData("hub", "partition")]
    [InlineData("ingest", ".")]
    public void Partitions_SqliteHub_RefusedAndNothingCreated(string verb, string argument)
    {
        var (exit, _, error) = CommandRunner.Run(verb, argument, "--hub", hub.Path, "--partitions", "4");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("earlyhelp: HUB: partitioning needs a PostgreSQL hub; a SQLite hub is one file and is never partitioned (docs/scale.md)", error.TrimEnd());
        Assert.False(File.Exists(hub.Path));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("257")]
    public void Partition_CountOutOfRange_UsageErrorBeforeAnyConnection(string count)
    {
        // Nothing listens on port 1: the count must be refused before any connection is tried.
        var (exit, _, error) = CommandRunner.Run("hub", "partition", "--hub", "Host=127.0.0.1;Port=1;Database=none", "--partitions", count);

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.Equal($"earlyhelp: The '--partitions' option must be from 2 to 256. Got {count} instead.", error.TrimEnd());
    }

    [Fact]
    public void Partition_NoCount_ParserRefuses()
    {
        var (exit, _, error) = CommandRunner.Run("hub", "partition", "--hub", "Host=127.0.0.1;Port=1;Database=none");

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.Contains("--partitions", error);
    }
}
