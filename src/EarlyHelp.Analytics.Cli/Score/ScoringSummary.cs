using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Pipelines.Scoring;

namespace EarlyHelp.Analytics.Cli.Score;

/// <summary>What a scoring run prints: the run, the exclusions by reason, and the prompts by rank with their leading fact.</summary>
internal static class ScoringSummary
{
    /// <summary>Writes the summary of <paramref name="result"/>.</summary>
    public static void Write(TextWriter output, ScoringResult result)
    {
        var run = result.Run;
        if (run.Trial)
            output.WriteLine($"{ScoringRun.TrialWording}.");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Scoring run {run.Id}: model {run.Model.Name} ({result.Model.Registered.Status.ToString().ToLowerInvariant()}, trained as of {run.Model.Version}), as of {run.AsOf:yyyy-MM-dd}, capacity {run.Capacity}."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{run.FamiliesScored:N0} families scored; {run.Excluded.Total:N0} not scored: {run.Excluded.StatutoryAlready:N0} already in statutory care, {run.Excluded.OptedOut:N0} opted out, {run.Excluded.NoDependentChild:N0} without a dependent child."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{run.PromptCount} prompts stored. {Prompt.Wording}."));
        output.WriteLine();
        var table = new TextTable("reference", "rank", "probability", "band");
        foreach (var prompt in result.Prompts)
            table.Add(prompt.Reference.Value, prompt.Rank.ToString(CultureInfo.InvariantCulture), prompt.Probability.ToString("0.000", CultureInfo.InvariantCulture), prompt.Band.PlainName());
        table.WriteTo(output);
        if (result.Prompts.Count > 0 && result.Prompts[0].Content.Evidence.Count > 0)
            output.WriteLine($"Leading fact of {result.Prompts[0].Reference}: {result.Prompts[0].Content.Evidence[0].Text}.");
        output.WriteLine();
        output.WriteLine(run.Trial
            ? "The prompts are in 'earlyhelp serve', marked as a trial; the run is in the audit log as scoring_run.save, marked TRIAL."
            : "The panel sees the prompts in 'earlyhelp serve'; the run is in the audit log as scoring_run.save.");
    }
}
