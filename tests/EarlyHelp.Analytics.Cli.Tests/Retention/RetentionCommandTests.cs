using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.Ingest;

namespace EarlyHelp.Analytics.Cli.Tests.Retention;

public sealed class RetentionCommandTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("earlyhelp-cli-retention-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public void Apply_NothingDue_SaysSoAndKeepsEveryone()
    {
        var hub = Path.Combine(scratch, "hub.db");
        CommandRunner.Run("ingest", "--hub", hub, TinyExtract.Write(scratch));

        // Even with a one-month register period nothing is due: both occupancies are open, the census entry describes Sam
        // (it leaves only with him) and the incident of 2023-06-15 is inside the police's 72 months.
        var (exit, output, error) = CommandRunner.Run("retention", "apply", "--hub", hub, "--register-months", "1");

        Assert.Equal((ExitCodes.Success, ""), (exit, error));
        var lines = CommandRunner.Lines(output);
        Assert.Equal("Retention counted from the newest extract date, 2024-03-31: 0 records deleted.", lines[0]);
        Assert.Contains("People no longer in any source, removed with their identities: 0 (4 remain).", lines);
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
