using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.CommandLine;

namespace EarlyHelp.Analytics.Cli.Tests.Ingest;

public sealed class IngestCommandTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("earlyhelp-cli-ingest-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public void Ingest_ValidFolder_ExitsZeroAndSummarises()
    {
        var folder = TinyExtract.Write(scratch);
        var hub = Path.Combine(scratch, "hub.db");

        var (exit, output, error) = CommandRunner.Run("ingest", "--hub", hub, folder);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("", error);
        Assert.Contains($"Loaded the extract of 2024-03-31 from {folder} into {hub}: 6 rows", output, StringComparison.Ordinal);
        // 2 gazetteer addresses + 1 census row + 2 occupancies + 1 incident, all new.
        Assert.Contains(CommandRunner.Lines(output), line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["total", "6", "6", "0", "0", "0", "0"]);
        Assert.Contains(CommandRunner.Lines(output), line => line.StartsWith("Linked 4 records (4 new) into 4 people", StringComparison.Ordinal));
    }

    [Fact]
    public void Ingest_SameFolderTwice_SecondRunReportsEverythingPresent()
    {
        var folder = TinyExtract.Write(scratch);
        var hub = Path.Combine(scratch, "hub.db");
        CommandRunner.Run("ingest", "--hub", hub, folder);

        var (exit, output, _) = CommandRunner.Run("ingest", "--hub", hub, folder);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains(CommandRunner.Lines(output), line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["event", "1", "0", "0", "1", "0", "0"]);
    }

    [Fact]
    public void Ingest_BadDate_ExitsOneWithTheLocation()
    {
        var folder = TinyExtract.Write(scratch, asbDate: "31/02/2024");

        var (exit, _, error) = CommandRunner.Run("ingest", "--hub", Path.Combine(scratch, "hub.db"), folder);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal($"earlyhelp: {Path.Combine(folder, "police_asb_incidents.csv")}:2:9: 'IncidentDate' is not a date in dd/MM/yyyy: '31/02/2024'{Environment.NewLine}", error);
    }

    [Fact]
    public void Ingest_BadFolderIntoNewHub_LeavesNoHubBehind()
    {
        var folder = TinyExtract.Write(scratch, asbDate: "31/02/2024");
        var hub = Path.Combine(scratch, "new.db");

        var (exit, _, _) = CommandRunner.Run("ingest", "--hub", hub, folder);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.False(File.Exists(hub));
    }

    [Fact]
    public void Ingest_PostgreSqlServerNotListening_ExitsOneWithoutThePasswordOrAFile()
    {
        var folder = TinyExtract.Write(scratch);
        const string Hub = "Host=127.0.0.1;Port=1;Database=hub;Username=loader;Password=secret";

        var (exit, _, error) = CommandRunner.Run("ingest", "--hub", Hub, "--audit-key", Path.Combine(scratch, "hub.auditkey"), folder);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith("earlyhelp: postgresql://127.0.0.1:1/hub: cannot connect to the hub: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Hub));
    }

    [Fact]
    public void Ingest_NoFolder_ExitsTwo()
    {
        var (exit, _, _) = CommandRunner.Run("ingest", "--hub", Path.Combine(scratch, "hub.db"));

        Assert.Equal(ExitCodes.BadUsage, exit);
    }
}
