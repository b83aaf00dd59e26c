using System.Net;
using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Models;

/// <summary>The IG reviewer's decision on a proposed model, in the app: the GOV.UK error pattern, then the sign-off or the refusal, audited.</summary>
public sealed class ModelDecisionTests(PanelSite site) : IClassFixture<PanelSite>
{
    [Fact]
    public async Task SignOff_NoteMissesTheFlag_ErrorPatternThenSignedOffAndAudited()
    {
        var ig = await site.ClientForRoleAsync("ig");
        var (_, page) = await ig.GetAsync($"/models/{SampleHub.ModelName}");
        Assert.Contains("Your decision", page, StringComparison.Ordinal);

        using var refused = await ig.PostFormAsync($"/models/{SampleHub.ModelName}/decision", $"/models/{SampleHub.ModelName}", ("Decision", "sign-off"), ("Note", "Looks fine."));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"<title>Error: Decide on model {SampleHub.ModelName}", html, StringComparison.Ordinal);
        Assert.Contains("tabindex=\"-1\" autofocus", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#note\">The sign-off note must quote each fairness flag&#x27;s id and say what was concluded; not answered: {SampleHub.ModelFlag}</a>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"visually-hidden\">Error: </span>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("error-summary", StringComparison.Ordinal) < html.IndexOf("<h1>", StringComparison.Ordinal));

        using var signed = await ig.PostFormAsync($"/models/{SampleHub.ModelName}/decision", $"/models/{SampleHub.ModelName}",
            ("Decision", "sign-off"), ("Note", $"{SampleHub.ModelFlag}: interval wide, small group; accepted, recheck next quarter."));

        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        using var store = site.OpenHub();
        Assert.Equal(ModelStatus.Champion, store.Models.Find(SampleHub.ModelName)!.Status);
        Assert.Contains(store.AuditLog.Entries(), e => (e.Actor, e.Action, e.Subject) == ("ig.reviewer", "model.promote", $"model {SampleHub.ModelName}"));
        var (_, after) = await ig.GetAsync($"/models/{SampleHub.ModelName}");
        Assert.Contains("Signed off by <strong>ig.reviewer</strong>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuse_WithANote_KeepsTheCandidateAndShowsWhoRefused()
    {
        using var site2 = new PanelSite();
        var ig = await site2.ClientForRoleAsync("ig");

        using var refused = await ig.PostFormAsync($"/models/{SampleHub.ModelName}/decision", $"/models/{SampleHub.ModelName}",
            ("Decision", "refuse"), ("Note", "Recording of ethnicity needs checking first."));

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        using var store = site2.OpenHub();
        Assert.Equal(ModelStatus.Candidate, store.Models.Find(SampleHub.ModelName)!.Status);
        Assert.Equal(ProposalDecision.Refused, Assert.Single(store.Models.Proposals(SampleHub.ModelName)).Decision);
        var (_, after) = await ig.GetAsync($"/models/{SampleHub.ModelName}");
        Assert.Contains("Refused by <strong>ig.reviewer</strong>", after, StringComparison.Ordinal);
        Assert.Contains("Proposal 1: refused", after, StringComparison.Ordinal);
    }
}
