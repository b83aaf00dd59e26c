using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.Ingest;

namespace EarlyHelp.Analytics.Cli.Tests.Retention;

public sealed class RetentionCommandTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("earlyhelp-cli-retention-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public void Apply_ShortRegisterPeriod_DeletesTheCensusRowAndThePersonOnlyItHeld()
    {
        var hub = Path.Combine(scratch, "hub.db");
        CommandRunner.Run("ingest", "--hub", hub, TinyExtract.Write(scratch));

        // Sam Smith is known only from the census of 2024-01-18; one month back from the extract of 2024-03-31 is
        // 2024-02-29, so the census row is past a one-month period. The two open occupancies never are.
        var (exit, output, error) = CommandRunner.Run("retention", "apply", "--hub", hub, "--register-months", "1");

        Assert.Equal((ExitCodes.Success, ""), (exit, error));
        var lines = CommandRunner.Lines(output);
        Assert.Equal("Retention counted from the newest extract date, 2024-03-31: 1 records deleted.", lines[0]);
        Assert.Contains(lines, line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["school_census", "1"]);
        Assert.Contains("People no longer in any source, removed with their identities: 1 (3 remain).", lines);
    }

    [Fact]
    public void Apply_ZeroMonths_IsBadUsage()
    {
        var hub = Path.Combine(scratch, "hub.db");
        CommandRunner.Run("ingest", "--hub", hub, TinyExtract.Write(scratch));

        var (exit, _, error) = CommandRunner.Run("retention", "apply", "--hub", hub, "--register-months", "0");

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.Contains("The '--register-months' option must be at least 1 month. Got 0 instead.", error, StringComparison.Ordinal);
    }
}
