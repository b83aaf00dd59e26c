using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Web.Pages.Governance;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Governance;

/// <summary>The audit spot-check: its three leads worked out from hand-made entries, and the page over a real look.</summary>
public sealed class SpotCheckTests(PanelSite site) : IClassFixture<PanelSite>
{
    private static AuditEntry Entry(long id, string actor, string action, string subject, DateTimeOffset at) =>
        new(id, at, actor, action, subject, "", AuditEntry.GenesisHash, AuditEntry.GenesisHash);

    [Fact]
    public void From_HandMadeLooks_CountsWeeksAndFindsOutOfHoursAndNotCurrent()
    {
        // Wed 2 Dec 2026 10:00 UTC is 10:00 GMT (in working hours); Sat 5 Dec is a weekend; Mon 7 Dec 07:59 GMT is before 08:00.
        var looks = new[]
        {
            Entry(1, "a.panel", "prompt.reidentify", "P-AAAA-AAAA", new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero)),
            Entry(2, "a.panel", "prompt.reidentify", "P-AAAA-AAAA", new DateTimeOffset(2026, 12, 5, 11, 0, 0, TimeSpan.Zero)),
            Entry(3, "a.panel", "prompt.reidentify", "P-BBBB-BBBB", new DateTimeOffset(2026, 12, 7, 7, 59, 0, TimeSpan.Zero)),
            Entry(4, "b.panel", "prompt.view", "P-OLD0-0000", new DateTimeOffset(2026, 12, 2, 17, 59, 0, TimeSpan.Zero)),
        };

        var check = SpotCheck.From(looks, new HashSet<string> { "P-AAAA-AAAA", "P-BBBB-BBBB" });

        // Weeks start on Monday: 30 Nov holds entries 1 and 2, 7 Dec holds entry 3.
        Assert.Equal([new WeeklyCount("a.panel", new DateOnly(2026, 11, 30), 2), new WeeklyCount("a.panel", new DateOnly(2026, 12, 7), 1)], check.Reidentifications);
        Assert.Equal([3L, 2L], check.OutsideHours.Select(e => e.Id));
        Assert.Equal([4L], check.NotCurrent.Select(e => e.Id));
    }

    [Fact]
    public void OutsideWorkingHours_SummerTime_ReadsUkLocalTime()
    {
        // 1 Jul 2026 17:30 UTC is 18:30 BST: outside; 07:30 UTC is 08:30 BST: inside.
        Assert.True(SpotCheck.OutsideWorkingHours(new DateTimeOffset(2026, 7, 1, 17, 30, 0, TimeSpan.Zero)));
        Assert.False(SpotCheck.OutsideWorkingHours(new DateTimeOffset(2026, 7, 1, 7, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task SpotCheck_AfterARealReidentification_ListsTheUserAndIsAudited()
    {
        var panel = await site.ClientForRoleAsync("panel");
        var reference = site.References[2].Value;
        using (await panel.PostFormAsync($"/prompts/{reference}/identify", $"/prompts/{reference}/identify", ("Purpose", "Check against an open case"))) { }
        var ig = await site.ClientForRoleAsync("ig");

        var (_, html) = await ig.GetAsync("/spot-check");

        Assert.Contains("<tr><td>panel.member</td><td>week of ", html, StringComparison.Ordinal);
        using var store = site.OpenHub();
        Assert.Contains(store.AuditLog.Entries(), e => e.Action == "audit_log.spot_check" && e.Actor == "ig.reviewer");
    }
}
