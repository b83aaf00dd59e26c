using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Panel;

/// <summary>
/// A trial run (a model that is not the champion) saved after the champion's run: the queue opens on the champion's run,
/// and every page of the trial run, and its audit entries, say it is a trial.
/// </summary>
public sealed class TrialRunTests : IClassFixture<PanelSite>
{
    private const string Notice = "Trial run: its model is not the champion";

    private readonly PanelSite site;
    private readonly ScoringRun trial;
    private readonly PromptReference trialPrompt;

    public TrialRunTests(PanelSite site)
    {
        this.site = site;
        using var store = site.OpenHub();
        trial = store.Prompts.Runs().FirstOrDefault(r => r.Trial)
            ?? store.Prompts.SaveRun(SampleRun.Submission(prompts: 3, capacity: 3, seed: 5) with { Trial = true });
        trialPrompt = store.Prompts.Queue(trial.Id, new()).First().Reference;
    }

    [Fact]
    public async Task Queue_Default_OpensOnTheChampionsRunWithoutTheNotice()
    {
        var panel = await site.ClientForRoleAsync("panel");

        var (_, html) = await panel.GetAsync("/prompts");

        Assert.Contains($"Run {site.Run.Id}, as of", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Notice, html, StringComparison.Ordinal);
        Assert.Contains($"Run {trial.Id} (as of 1 Mar 2024), trial</option>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrialRun_QueuePromptAndRunPages_ShowTheNoticeAndTheAuditSaysTrial()
    {
        var panel = await site.ClientForRoleAsync("panel");
        var analyst = await site.ClientForRoleAsync("analyst");

        Assert.Contains(Notice, (await panel.GetAsync($"/prompts?run={trial.Id}")).Html, StringComparison.Ordinal);
        Assert.Contains(Notice, (await panel.GetAsync($"/prompts/{trialPrompt}")).Html, StringComparison.Ordinal);
        Assert.Contains(Notice, (await analyst.GetAsync($"/runs/{trial.Id}")).Html, StringComparison.Ordinal);
        Assert.Contains("(trial: not the champion)", (await analyst.GetAsync("/runs")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Notice, (await analyst.GetAsync($"/runs/{site.Run.Id}")).Html, StringComparison.Ordinal);

        using var store = site.OpenHub();
        var entries = store.AuditLog.Entries();
        Assert.Contains(entries, e => e.Action == "queue.view" && e.Subject == $"trial run {trial.Id}");
        Assert.Contains(entries, e => e.Action == "prompt.view" && e.Subject == trialPrompt.Value && e.Detail.StartsWith($"trial run {trial.Id},", StringComparison.Ordinal));
        Assert.StartsWith("TRIAL (the model is not the champion);", entries.Single(e => e.Action == "scoring_run.save" && e.Subject == $"run {trial.Id}").Detail, StringComparison.Ordinal);
    }
}
