using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Governance;

/// <summary>An entry edited or removed behind the database's guard is found by the chain check, which names it.</summary>
public sealed class AuditTamperTests
{
    [Theory]
    // Entries of a new site: 1 the load of its families, 2 the run, 3 the first user added. Editing 3 breaks its own hash.
    [InlineData("DROP TRIGGER audit_log_no_update", "UPDATE audit_log SET detail = 'role admin' WHERE id = 3", 3, "its hash does not match its contents")]
    // Removing entry 3 leaves a gap that entry 4 reveals.
    [InlineData("DROP TRIGGER audit_log_no_delete", "DELETE FROM audit_log WHERE id = 3", 4, "expected entry 3 but found 4")]
    public async Task Verify_TamperedEntry_NamesTheFirstBrokenOne(string dropGuard, string tamper, long brokenId, string problem)
    {
        using var site = new PanelSite();
        var ig = await site.ClientForRoleAsync("ig");
        site.Execute(dropGuard);
        site.Execute(tamper);

        using var response = await ig.PostFormAsync("/audit-log/verify", "/audit-log", []);

        Assert.Contains($"Entry {brokenId}: {problem}.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var store = site.OpenHub();
        Assert.Equal(brokenId, store.AuditLog.Verify().FirstBrokenId);
    }
}
