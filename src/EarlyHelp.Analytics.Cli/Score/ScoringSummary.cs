using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Pipelines.Scoring;

namespace EarlyHelp.Analytics.Cli.Score;

/// <summary>What a scoring run prints: the run, the exclusions by reason, and the prompts stored per band.</summary>
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
        // Analysts run this verb and see aggregates only (docs/panel.md, "Roles and what each sees"): prompts per band, as the
        // app's run page shows them, with the band's range of probabilities, and no reference or fact of any one family.
        var table = new TextTable("band", "prompts", "probabilities");
        foreach (var band in RiskBands.All.Reverse())
        {
            var inBand = result.Prompts.Where(prompt => prompt.Band == band).Select(prompt => prompt.Probability).ToArray();
            table.Add(band.PlainName(), inBand.Length.ToString(CultureInfo.InvariantCulture), inBand.Length == 0 ? ""
                : string.Create(CultureInfo.InvariantCulture, $"{inBand.Min():0.000} to {inBand.Max():0.000}"));
        }
        table.WriteTo(output);
        output.WriteLine();
        output.WriteLine(run.Trial
            ? "The prompts are in 'earlyhelp serve', marked as a trial; the run is in the audit log as scoring_run.save, marked TRIAL."
            : "The panel sees the prompts in 'earlyhelp serve'; the run is in the audit log as scoring_run.save.");
    }
}
