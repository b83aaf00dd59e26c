using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.Demo;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Cli.Tests.Score;

public sealed class ScoreCommandTests
{
    [Fact]
    public void Score_CandidateAsTrial_StoresTheRunMarkedAndPrintsItsPromptsPerBandOnly()
    {
        var hub = SmallDemo.CopyHub();

        var (exit, output, error) = CommandRunner.Run("score", "--hub", hub, "--model", Path.Combine(SmallDemo.Folder, "models", "demo-model"),
            "--trial", "--as-of", "2025-01-01", "--capacity", "3", "--as", "demo.analyst");

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("Trial run: its model is not the champion, so these prompts are for evaluating the model, not for the panel's decisions.", output, StringComparison.Ordinal);
        Assert.Contains("Scoring run 2: model demo-model", output, StringComparison.Ordinal);
        Assert.Contains("3 prompts stored. Prompt for professional review — not a decision.", output, StringComparison.Ordinal);
        using var store = HubStore.Open(hub);
        Assert.Equal((3, true), (store.Prompts.LatestRun()!.PromptCount, store.Prompts.LatestRun()!.Trial));
        // An analyst sees aggregates only: the band counts add up to the three prompts, and no reference or fact is printed.
        var prompts = store.Prompts.Queue(store.Prompts.LatestRun()!.Id, new Hub.Prompts.QueueFilter());
        foreach (var band in RiskBands.All)
        {
            var count = prompts.Count(p => p.Band == band);
            var row = Assert.Single(CommandRunner.Lines(output), line => line.StartsWith(band.PlainName() + " ", StringComparison.Ordinal));
            Assert.Equal(count.ToString(CultureInfo.InvariantCulture), row[band.PlainName().Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);
        }
        foreach (var prompt in prompts)
            Assert.DoesNotContain(prompt.Reference.Value, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Leading fact", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_CandidateWithoutTrial_ExitsOneSayingWhyAndStoresNothing()
    {
        var hub = SmallDemo.CopyHub();
        var folder = Path.Combine(SmallDemo.Folder, "models", "demo-model");

        var (exit, _, error) = CommandRunner.Run("score", "--hub", hub, "--model", folder, "--as-of", "2025-01-01", "--capacity", "3", "--as", "demo.analyst");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith($"earlyhelp: {folder}: 'demo-model' is not the champion (no model is): only the champion's prompts go to the panel", error, StringComparison.Ordinal);
        using var store = HubStore.Open(hub);
        Assert.Single(store.Prompts.Runs());
    }

    [Fact]
    public void Score_CapacityZero_ExitsTwoWithTheRule()
    {
        var (exit, _, error) = CommandRunner.Run("score", "--hub", SmallDemo.CopyHub(), "--as-of", "2025-01-01", "--capacity", "0");

        Assert.Equal((ExitCodes.BadUsage, "earlyhelp: The 'Capacity' option must be at least 1. Got 0 instead."), (exit, error.TrimEnd()));
    }

    [Fact]
    public void Score_AsOfAfterTheExtract_ExitsOneAndStoresNothing()
    {
        var hub = SmallDemo.CopyHub();
        DateOnly extract;
        using (var before = HubStore.Open(hub))
            extract = before.ExtractDate!.Value;
        var late = extract.AddDays(32);

        var (exit, _, error) = CommandRunner.Run("score", "--hub", hub, "--model", Path.Combine(SmallDemo.Folder, "models", "demo-model"),
            "--as-of", late.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--capacity", "5", "--trial", "--as", "demo.analyst");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal($"earlyhelp: {hub}: The as-of date must be no later than the day after the hub's extract date ({extract:yyyy-MM-dd}), {extract.AddDays(1):yyyy-MM-dd}. Got {late:yyyy-MM-dd} instead.", error.TrimEnd());
        using var store = HubStore.Open(hub);
        Assert.Single(store.Prompts.Runs());
    }

    [Fact]
    public void Score_NoHub_ExitsOne()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"earlyhelp-no-hub-{Guid.NewGuid():N}.db");

        var (exit, _, error) = CommandRunner.Run("score", "--hub", missing, "--as-of", "2025-01-01", "--capacity", "5");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("there is no hub here", error, StringComparison.Ordinal);
    }
}
