using System.Net;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Governance;

/// <summary>Every kind of look and change leaves an entry; IG filters, exports and checks the chain in the app.</summary>
public sealed class AuditLogTests(PanelSite site) : IClassFixture<PanelSite>
{
    [Fact]
    public async Task Actions_OneOfEachKind_EachLeavesAnEntryAndTheChainHolds()
    {
        var panel = await site.ClientForRoleAsync("panel");
        var admin = await site.ClientForRoleAsync("admin");
        var ig = await site.ClientForRoleAsync("ig");
        var reference = site.References[3].Value;
        using var stranger = PanelClient.Create(site);
        using (await stranger.PostFormAsync("/sign-in", "/sign-in", ("Username", "ig.reviewer"), ("Password", "a wrong password here"))) { }
        await panel.GetAsync("/prompts");
        using (await panel.PostFormAsync($"/prompts/{reference}", $"/prompts/{reference}", ("Outcome", "data_looks_wrong"), ("Reason", "The address is an old one"))) { }
        using (await panel.PostFormAsync($"/prompts/{reference}/identify", "/", ("Purpose", "Check the address against the housing record"))) { }
        using (await admin.PostFormAsync("/opt-outs", "/opt-outs", ("Person", "999999"), ("Reason", "restricted processing"))) { }
        var (exportStatus, _) = await ig.GetAsync("/audit-log/export");

        using var verify = await ig.PostFormAsync("/audit-log/verify", "/audit-log", []);

        Assert.Equal(HttpStatusCode.OK, exportStatus);
        Assert.Contains("The chain is intact", await verify.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var store = site.OpenHub();
        var entries = store.AuditLog.Entries().Select(e => (e.Actor, e.Action, e.Subject)).ToArray();
        Assert.Contains(("panel.member", "sign_in.success", "panel.member"), entries);
        Assert.Contains(("anonymous", "sign_in.failure", "ig.reviewer"), entries);
        Assert.Contains(("panel.member", "queue.view", $"run {site.Run.Id}"), entries);
        Assert.Contains(("panel.member", "prompt.view", reference), entries);
        Assert.Contains(("panel.member", "review.add", reference), entries);
        Assert.Contains(("panel.member", "prompt.reidentify", reference), entries);
        Assert.Contains(("an.administrator", "opt_out.add", "person 999999"), entries);
        Assert.Contains(("ig.reviewer", "audit_log.export", "audit log"), entries);
        Assert.True(store.AuditLog.Verify().IsIntact);
    }

    [Fact]
    public async Task AuditLog_FilterByActionAndActor_ShowsOnlyThose()
    {
        var ig = await site.ClientForRoleAsync("ig");
        await site.ClientForRoleAsync("analyst");

        var (_, html) = await ig.GetAsync("/audit-log?action=sign_in&actor=an.analyst");

        var rows = html.Split("<tr>").Skip(2).ToArray();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Contains("<td>an.analyst</td><td>Signed in<br><span class=\"small hint\">sign_in.success</span></td>", row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_Filtered_CsvWithHashesAndAudited()
    {
        var ig = await site.ClientForRoleAsync("ig");

        using var response = await ig.Http.GetAsync("/audit-log/export?action=sign_in");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,at,actor,action,subject,detail,prev_hash,hash", lines[0]);
        Assert.All(lines.Skip(1), line => Assert.Matches("^[0-9]+,[^,]+,[^,]+,sign_in\\.", line));
        using var store = site.OpenHub();
        var entry = store.AuditLog.Entries().Last(e => e.Action == "audit_log.export");
        Assert.Equal($"{lines.Length - 1} entries; actor any, action sign_in, from start, to now", entry.Detail);
    }

    [Fact]
    public async Task Export_MoreEntriesThanAnyPage_HoldsEveryOneAndChecksOut()
    {
        var ig = await site.ClientForRoleAsync("ig");
        long last;
        using (var store = site.OpenHub())
        {
            // Ten thousand and one entries more than the log held: well past ten pages of an export.
            var records = Enumerable.Range(1, 10_001).Select(i => new AuditRecord("a.new.user", "bulk.note", $"note {i}", "")).ToArray();
            last = store.AuditLog.Append(records)[^1].Id;
        }

        using var response = await ig.Http.GetAsync("/audit-log/export");

        var file = Path.Combine(Path.GetTempPath(), $"audit-export-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
            var exported = AuditCsv.Read(file);
            Assert.Equal(Enumerable.Range(1, (int)last).Select(i => (long)i), exported.Select(e => e.Id));
            using var store = site.OpenHub();
            var check = store.AuditLog.VerifyExport(exported);
            Assert.True(check.IsIntact, check.Problem);
            Assert.Equal(last, check.Entries);
            var entry = store.AuditLog.Entries().Last(e => e.Action == "audit_log.export");
            Assert.Equal($"{last} entries; actor any, action any, from start, to now", entry.Detail);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AuditLog_ToDateBeyondTheRange_SaysWhatIsWrong()
    {
        var ig = await site.ClientForRoleAsync("ig");

        var (status, html) = await ig.GetAsync("/audit-log?to=9999-12-31");
        var (badStatus, badHtml) = await ig.GetAsync("/audit-log?from=2026-13-01");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("The &#x27;to&#x27; date must be from 01/01/2000 to 31/12/2099. Got 31/12/9999 instead.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Contains("The &#x27;from&#x27; date must be a day, month and year like 02/04/2026. Got &#x27;2026-13-01&#x27; instead.", badHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_UkDatesAndReadableAction_FilterAndShowInWords()
    {
        var ig = await site.ClientForRoleAsync("ig");
        var today = DateTime.UtcNow;

        // 1/1/2000 to today in UK order, day and month without leading zeros as people type them.
        var (status, html) = await ig.GetAsync($"/audit-log?action=sign_in&from=1/1/2000&to={today.Day}/{today.Month}/{today.Year}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("value=\"01/01/2000\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"sign_in\" selected=\"selected\">Sign-in, successful or failed</option>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Signed in<br><span class=\"small hint\">sign_in.success</span></td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<span class=\"small hint\">prompt.view</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GovernanceAndAdministrationPages_Viewed_EachAudited()
    {
        var ig = await site.ClientForRoleAsync("ig");
        var admin = await site.ClientForRoleAsync("admin");

        await ig.GetAsync("/audit-log?actor=panel.member");
        await ig.GetAsync("/review-statistics");
        await admin.GetAsync("/users");
        await admin.GetAsync("/opt-outs");

        using var store = site.OpenHub();
        var entries = store.AuditLog.Entries().Select(e => (e.Actor, e.Action, e.Subject)).ToArray();
        Assert.Contains(("ig.reviewer", "audit_log.view", "audit log"), entries);
        Assert.Contains(("ig.reviewer", "statistics.view", "all runs"), entries);
        Assert.Contains(("an.administrator", "users.view", "users"), entries);
        Assert.Contains(("an.administrator", "opt_outs.view", "opt-out register"), entries);
        Assert.Contains(store.AuditLog.Entries(), e => e.Action == "audit_log.view" && e.Detail.EndsWith("actor panel.member, action any, from start, to now", StringComparison.Ordinal));
    }
}
