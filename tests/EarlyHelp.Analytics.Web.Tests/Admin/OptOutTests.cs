using System.Net;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Admin;

/// <summary>Adding a person to the opt-out register through the app hides their family's prompt at once; an entry shows who recorded it and can be withdrawn.</summary>
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
        Assert.Contains(entries, e => (e.Action, e.Subject, e.Detail) == ("prompt.hide", "person 601", "1 prompt hidden: a family member is on the opt-out register"));
        var (_, register) = await admin.GetAsync("/opt-outs");
        Assert.Contains("objected to profiling (UK GDPR article 21)", register, StringComparison.Ordinal);
        Assert.Contains("<td>an.administrator</td>", register, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_ListedPerson_RemovesTheEntryAndAuditsTheReason()
    {
        var admin = await site.ClientForRoleAsync("admin");
        using (await admin.PostFormAsync("/opt-outs", "/opt-outs", ("Person", "702"), ("Reason", "restricted processing"))) { }

        using var response = await admin.PostFormAsync("/opt-outs/withdraw", "/opt-outs", ("WithdrawPerson", "702"), ("WithdrawReason", "the person withdrew the objection in writing"));

        Assert.Contains("Person 702&#x27;s entry is withdrawn.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var store = site.OpenHub();
        Assert.DoesNotContain(store.OptOuts.List(), o => o.Person.Value == 702);
        Assert.Contains(store.AuditLog.Entries(), e => (e.Actor, e.Action, e.Subject, e.Detail) ==
            ("an.administrator", "opt_out.withdraw", "person 702", "the person withdrew the objection in writing"));
    }
}
