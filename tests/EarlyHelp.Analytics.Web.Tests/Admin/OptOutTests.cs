using System.Net;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Admin;

/// <summary>Adding a person to the opt-out register through the app hides their family's open prompt at once.</summary>
public sealed class OptOutTests(PanelSite site) : IClassFixture<PanelSite>
{
    [Fact]
    public async Task Add_ParentOfAPromptedFamily_HidesItsPromptFromThePanel()
    {
        var admin = await site.ClientForRoleAsync("admin");
        var panel = await site.ClientForRoleAsync("panel");
        var hidden = site.References[5].Value;
        var (_, before) = await panel.GetAsync("/prompts");
        Assert.Contains(hidden, before, StringComparison.Ordinal);

        // Rank 6 is family 6 of the sample run; its parent is person 601.
        using var response = await admin.PostFormAsync("/opt-outs", "/opt-outs", ("Person", "601"), ("Reason", "objected to profiling (UK GDPR article 21)"));

        var notice = await response.Content.ReadAsStringAsync();
        Assert.Contains("Person 601 is on the register.", notice, StringComparison.Ordinal);
        var (_, after) = await panel.GetAsync("/prompts");
        Assert.DoesNotContain(hidden, after, StringComparison.Ordinal);
        Assert.Contains(site.References[4].Value, after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await panel.GetAsync($"/prompts/{hidden}")).Status);
        using var store = site.OpenHub();
        var entries = store.AuditLog.Entries();
        Assert.Contains(entries, e => (e.Actor, e.Action, e.Subject) == ("an.administrator", "opt_out.add", "person 601"));
        Assert.Contains(entries, e => (e.Action, e.Subject, e.Detail) == ("prompt.hide", "person 601", "1 open prompt hidden: a family member is on the opt-out register"));
        var (_, register) = await admin.GetAsync("/opt-outs");
        Assert.Contains("objected to profiling (UK GDPR article 21)", register, StringComparison.Ordinal);
    }
}
