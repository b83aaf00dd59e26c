using EarlyHelp.Analytics.Hub.Audit;
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

    [Fact]
    public async Task Verify_TailCutOffAfterAnEarlierCheck_TheCheckpointFromThatCheckNamesIt()
    {
        using var site = new PanelSite();
        var ig = await site.ClientForRoleAsync("ig");
        using (var first = await ig.PostFormAsync("/audit-log/verify", "/audit-log", []))
            Assert.Contains("The chain is intact", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        string checkpointFile;
        using (var store = site.OpenHub())
            checkpointFile = AuditCheckpoint.FileFor(store.Name);
        var seen = Assert.Single(AuditCheckpoint.Read(checkpointFile)).Entries;

        // Someone with write access to the hub cuts the log back to before that check.
        site.Execute("DROP TRIGGER audit_log_no_delete");
        site.Execute($"DELETE FROM audit_log WHERE id >= {seen}");
        using var response = await ig.PostFormAsync("/audit-log/verify", "/audit-log", []);

        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("The chain is broken", page, StringComparison.Ordinal);
        Assert.Contains("checkpoint 1 (", page, StringComparison.Ordinal);
    }
}
