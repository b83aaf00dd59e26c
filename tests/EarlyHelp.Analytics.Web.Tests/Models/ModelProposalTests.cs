using System.Net;
using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EarlyHelp.Analytics.Web.Tests.Models;

/// <summary>
/// An analyst proposes a candidate in the app: the command line's checks run first; a refusal (by the checks or by the
/// registry) stores nothing and follows GOV.UK's error pattern; a proposal that passes is recorded, audited and shown for
/// the IG reviewer's decision. Each test starts from the sample hub with its proposal refused, so the candidate is free.
/// </summary>
public sealed class ModelProposalTests
{
    private const string Page = $"/models/{SampleHub.ModelName}";
    private const string Propose = $"/models/{SampleHub.ModelName}/propose";

    [Fact]
    public async Task Propose_RealChecksFolderNotOnThisServer_ErrorNamesTheFolderAndNothingStored()
    {
        using var site = new PanelSite();
        var folder = RefuseTheSampleProposal(site);
        var analyst = await site.ClientForRoleAsync("analyst");
        var (_, before) = await analyst.GetAsync(Page);
        Assert.Contains("Run the checks and propose", before, StringComparison.Ordinal);

        using var response = await analyst.PostFormAsync(Propose, Page, ("Note", "Beats both baselines."));
        var html = await response.Content.ReadAsStringAsync();

        // ModelFolder.Load's own words, as 'earlyhelp models propose' prints them.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<title>Error: Propose model {SampleHub.ModelName}", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#note\">There is no model folder here ({folder})</a>", html, StringComparison.Ordinal);
        Assert.Contains("tabindex=\"-1\" autofocus", html, StringComparison.Ordinal);
        Assert.Contains("Beats both baselines.</textarea>", html, StringComparison.Ordinal);
        using var store = site.OpenHub();
        Assert.False(Assert.Single(store.Models.Proposals(SampleHub.ModelName)).IsOpen);
        var entry = Assert.Single(store.AuditLog.Entries(), e => e.Action == "model.propose_refused");
        Assert.Equal(("an.analyst", $"there is no model folder here ({folder})"), (entry.Actor, entry.Detail));
    }

    [Fact]
    public async Task Propose_EmptyNote_ErrorAtTheFieldAndTheChecksNotRun()
    {
        var checks = RecordedChecks.Passing();
        using var site = new CheckedSite(checks);
        RefuseTheSampleProposal(site);
        var analyst = await site.ClientForRoleAsync("analyst");

        using var response = await analyst.PostFormAsync(Propose, Page, ("Note", "  "));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<a href=\"#note\">Enter your note: why the candidate should replace the champion</a>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"visually-hidden\">Error: </span>Enter your note", html, StringComparison.Ordinal);
        Assert.Equal(0, checks.Calls);
    }

    [Fact]
    public async Task Propose_ChecksPass_RecordedWithTheirEvidenceAuditedAndOpenToIg()
    {
        var checks = RecordedChecks.Passing();
        using var site = new CheckedSite(checks);
        RefuseTheSampleProposal(site);
        var analyst = await site.ClientForRoleAsync("analyst");

        using var response = await analyst.PostFormAsync(Propose, Page, ("Note", "Beats both baselines; IG to look at the flag."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Page, response.Headers.Location!.OriginalString);
        Assert.Equal(1, checks.Calls);
        using (var store = site.OpenHub())
        {
            var proposal = Assert.Single(store.Models.OpenProposals());
            Assert.Equal(("an.analyst", "Beats both baselines; IG to look at the flag."), (proposal.ProposedBy, proposal.Note));
            Assert.Equal(["beats the logistic regression", "calibrated"], proposal.Evidence.Checks.Select(c => c.Rule));
            Assert.Equal([SampleHub.ModelFlag], proposal.Evidence.FlagIds);
            Assert.Contains(store.AuditLog.Entries(), e => (e.Actor, e.Action, e.Subject) == ("an.analyst", "model.propose", $"model {SampleHub.ModelName}"));
        }
        var (_, analystPage) = await analyst.GetAsync(Page);
        Assert.Contains("Proposal 2: awaiting information governance", analystPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Run the checks and propose", analystPage, StringComparison.Ordinal);
        var (_, igPage) = await (await site.ClientForRoleAsync("ig")).GetAsync(Page);
        Assert.Contains("Your decision", igPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Propose_AChecksFails_FailedCheckShownAuditedAndNothingStored()
    {
        var checks = new RecordedChecks(new ProposalEvidence(
        [
            new ProposalCheck("beats the logistic regression", false, "AUC -0.002 (95% interval -0.023 to +0.021; must lie above 0)"),
            new ProposalCheck("calibrated", true, "calibration gate: pass"),
        ], []));
        using var site = new CheckedSite(checks);
        RefuseTheSampleProposal(site);
        var analyst = await site.ClientForRoleAsync("analyst");

        using var response = await analyst.PostFormAsync(Propose, Page, ("Note", "Worth a look."));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains($"<a href=\"#checks\">{SampleHub.ModelName} fails 1 promotion check, so it cannot be proposed: beats the logistic regression</a>", html, StringComparison.Ordinal);
        // Razor writes "+" as a character reference.
        Assert.Contains("<td>beats the logistic regression</td><td>Failed</td><td>AUC -0.002 (95% interval -0.023 to +0.021; must lie above 0)</td>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        using var store = site.OpenHub();
        Assert.Empty(store.Models.OpenProposals());
        var entry = Assert.Single(store.AuditLog.Entries(), e => e.Action == "model.propose_refused");
        Assert.Equal(("an.analyst", "beats the logistic regression: AUC -0.002 (95% interval -0.023 to +0.021; must lie above 0)"), (entry.Actor, entry.Detail));
    }

    [Fact]
    public async Task ModelPage_OpenProposal_NoProposalFormForTheAnalyst()
    {
        using var site = new CheckedSite(RecordedChecks.Passing());
        var (_, html) = await (await site.ClientForRoleAsync("analyst")).GetAsync(Page);

        Assert.Contains("Proposal 1: awaiting information governance", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Run the checks and propose", html, StringComparison.Ordinal);
    }

    // The sample's candidate has a proposal open; refusing it leaves a candidate an analyst may propose again.
    private static string RefuseTheSampleProposal(PanelSite site)
    {
        using var store = site.OpenHub();
        store.Models.Refuse(SampleHub.ModelName, "ig.reviewer", "Refused so that it can be proposed again.");
        return Path.GetFullPath(store.Models.Find(SampleHub.ModelName)!.Registration.Folder);
    }

    private sealed class CheckedSite(IProposalChecks checks) : PanelSite
    {
        protected override void ConfigureSite(IWebHostBuilder builder) =>
            builder.ConfigureTestServices(services => services.AddSingleton(checks));
    }
}
