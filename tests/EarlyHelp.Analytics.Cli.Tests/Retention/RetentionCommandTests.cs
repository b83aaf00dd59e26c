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
        Assert.Contains("Prompts deleted: 0 (0 reviewed), with 0 reviews, 0 next steps and 0 data-quality queries.", lines);
        Assert.Contains("Audit log: no entry past its period; not cut.", lines);
    }

    [Theory]
    [InlineData("--register-months", "0", "The '--register-months' option must be at least 1 month. Got 0 instead.")]
    // The audit log's default is 96 months: a prompt kept 100 would outlive the record of who looked at it.
    [InlineData("--prompt-months", "100", "The '--audit-months' option must be at least '--prompt-months' (100). Got 96 instead.")]
    public void Apply_PeriodOutOfRange_IsBadUsage(string option, string months, string message)
    {
        var hub = Path.Combine(scratch, "hub.db");
        CommandRunner.Run("ingest", "--hub", hub, TinyExtract.Write(scratch));

        var (exit, _, error) = CommandRunner.Run("retention", "apply", "--hub", hub, option, months);

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_Periods_AreKeptAndAnApplyOverTheKeptPromptPeriodIsChecked()
    {
        var hub = Path.Combine(scratch, "hub.db");
        CommandRunner.Run("ingest", "--hub", hub, TinyExtract.Write(scratch));

        var (exit, output, _) = CommandRunner.Run("retention", "set", "--hub", hub, "--prompt-months", "84", "--audit-months", "120");
        // The kept prompt period (84) is longer than an audit period of 80 given to one run.
        var (applyExit, _, error) = CommandRunner.Run("retention", "apply", "--hub", hub, "--audit-months", "80");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("The hub keeps register records 72 months after they end, prompts 84 months after the last thing done with them, audit entries 120 months.",
            CommandRunner.Lines(output)[0]);
        Assert.Equal(ExitCodes.BadUsage, applyExit);
        Assert.Contains("The '--audit-months' option must be at least '--prompt-months' (84). Got 80 instead.", error, StringComparison.Ordinal);
    }
}
