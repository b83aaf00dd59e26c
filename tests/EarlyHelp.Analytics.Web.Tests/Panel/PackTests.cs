using System.Net;
using EarlyHelp.Analytics.Web.Pages.Panel;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Panel;

/// <summary>
/// The information pack: only after the panel offers early help; pseudonymous as served, names only through the audited
/// re-identification; every view audited. Family 1 (the top prompt) has fixed records and contacts (<see cref="SampleRun"/>).
/// </summary>
public sealed class PackTests(PanelSite site) : IClassFixture<PanelSite>
{
    [Fact]
    public async Task Pack_BeforeAnOffer_SaysWhenItIsPreparedAndAuditsNothing()
    {
        var panel = await site.ClientForRoleAsync("panel");
        var reference = site.References[3].Value;

        var (status, html) = await panel.GetAsync($"/prompts/{reference}/pack");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The information pack is prepared once the panel's latest review of this prompt offers early help.", html, StringComparison.Ordinal);
        using var store = site.OpenHub();
        Assert.DoesNotContain(store.AuditLog.Entries(), e => e.Action == PackModel.Action && e.Subject == reference);
    }

    [Fact]
    public async Task Pack_AfterAnOffer_EvidenceAgenciesContactsWithoutNamesThenNamesThroughTheRecordedStep()
    {
        var panel = await site.ClientForRoleAsync("panel");
        var reference = site.References[0].Value;
        var pack = $"/prompts/{reference}/pack";
        using (await panel.PostFormAsync($"/prompts/{reference}", $"/prompts/{reference}", ("Outcome", "offer_early_help"), ("Reason", "Early help open but call-outs rising"), ("Supersedes", ""))) { }

        var (status, html) = await panel.GetAsync(pack);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Early help open but call-outs rising", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Alex Morgan</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Children&#x27;s social work team East", html, StringComparison.Ordinal);
        Assert.Contains("<td>Parent or carer</td><td class=\"number\">37</td>", html, StringComparison.Ordinal);
        using (var store = site.OpenHub())
        {
            var evidence = store.Prompts.Find(site.References[0])!.Content.Evidence;
            Assert.All(evidence, item => Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(item.Text), html, StringComparison.Ordinal));
        }
        Assert.DoesNotContain("Forename101", html, StringComparison.Ordinal);

        // Asked without a purpose: refused, nothing read. (The form's token is read from the prompt page, so that the only
        // views of the pack are the three below.)
        using var refused = await panel.PostFormAsync(pack, $"/prompts/{reference}", ("Purpose", ""));
        Assert.DoesNotContain("Forename101", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var named = await panel.PostFormAsync(pack, $"/prompts/{reference}", ("Purpose", "Key worker's first visit"));
        var namedHtml = await named.Content.ReadAsStringAsync();
        Assert.Contains("Forename101 Surname1", namedHtml, StringComparison.Ordinal);
        Assert.Contains("<strong>Alex Morgan</strong>", namedHtml, StringComparison.Ordinal);

        using var hub = site.OpenHub();
        var entries = hub.AuditLog.Entries().Where(e => e.Subject == reference).ToArray();
        Assert.Equal(["without names", "without names", "with names (see the re-identification entry)"],
            entries.Where(e => e.Action == PackModel.Action).Select(e => e.Detail[(e.Detail.IndexOf("; ", StringComparison.Ordinal) + 2)..]));
        var reidentified = Assert.Single(entries, e => e.Action == "prompt.reidentify");
        Assert.StartsWith("purpose: Key worker's first visit;", reidentified.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpotCheck_AfterAPackView_CountsItAmongTheLooks()
    {
        var panel = await site.ClientForRoleAsync("panel");
        var reference = site.References[5].Value;
        using (await panel.PostFormAsync($"/prompts/{reference}", $"/prompts/{reference}", ("Outcome", "offer_early_help"), ("Reason", "Arrears and absence together"), ("Supersedes", ""))) { }
        await panel.GetAsync($"/prompts/{reference}/pack");
        var ig = await site.ClientForRoleAsync("ig");

        await ig.GetAsync("/spot-check");

        using var store = site.OpenHub();
        var entries = store.AuditLog.Entries().ToArray();
        // Every look of the default 4 weeks, pack views included, counted from the whole log rather than the page's search.
        var since = DateTimeOffset.UtcNow.AddDays(-28);
        var looks = entries.Count(e => e.Action is "prompt.view" or "prompt.reidentify" or PackModel.Action && e.At >= since);
        Assert.Contains(entries, e => e.Action == PackModel.Action && e.Subject == reference);
        Assert.EndsWith($"; {looks} looks read", entries.Last(e => e.Action == "audit_log.spot_check").Detail, StringComparison.Ordinal);
    }
}
