using System.Net;
using EarlyHelp.Analytics.Hub.DataQuality;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Admin;

/// <summary>A "data looks wrong" review in the panel raises a query the steward's page lists, routes and answers; the report counts it.</summary>
public sealed class DataQualityTests(PanelSite site) : IClassFixture<PanelSite>
{
    [Fact]
    public async Task Query_RaisedInThePanel_RoutedAnsweredAndReportedOnTheStewardPage()
    {
        var panel = await site.ClientForRoleAsync("panel");
        var admin = await site.ClientForRoleAsync("admin");
        var reference = site.References[2].Value;
        await panel.GetAsync($"/prompts/{reference}");
        using (await panel.PostFormAsync($"/prompts/{reference}", $"/prompts/{reference}", ("Outcome", "data_looks_wrong"), ("Reason", "The school absences belong to a cousin"))) { }

        var (status, queue) = await admin.GetAsync("/data-quality");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The school absences belong to a cousin", queue, StringComparison.Ordinal);
        Assert.Contains("<td>not routed</td>", queue, StringComparison.Ordinal);

        // The reason names no dataset, so an answer is refused until the query is routed.
        using (var refused = await admin.PostFormAsync("/data-quality/answer", "/data-quality", ("Query", "1"), ("Answer", "confirmed"), ("Note", "too soon")))
            Assert.Contains("cannot take that step", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var routed = await admin.PostFormAsync("/data-quality/route", "/data-quality", ("Query", "1"), ("Dataset", "school.persistent_absence"), ("Note", "Absence is the schools' record")))
            Assert.Contains("Query 1 is sent to the owner of school.persistent_absence.", await routed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var answered = await admin.PostFormAsync("/data-quality/answer", "/data-quality", ("Query", "1"), ("Answer", "fixed_at_source"), ("Note", "School corrected the pupil record")))
        {
            var page = await answered.Content.ReadAsStringAsync();
            Assert.Contains("Query 1 is now fixed at source.", page, StringComparison.Ordinal);
            // Raised 1, open 0, confirmed 0, fixed at source 1, not an error 0.
            Assert.Contains("<td>school.persistent_absence</td><td>Schools</td><td>1</td><td>0</td><td>0</td><td>1</td><td>0</td>", page, StringComparison.Ordinal);
        }

        using var store = site.OpenHub();
        Assert.Equal(DataQualityStatus.FixedAtSource, store.DataQuality.Find(1)!.Status);
        var actions = store.AuditLog.Entries().Select(e => (e.Actor, e.Action)).ToArray();
        Assert.Contains(("panel.member", "data_quality.raise"), actions);
        Assert.Contains(("an.administrator", "data_quality.view"), actions);
        Assert.Contains(("an.administrator", "data_quality.route"), actions);
        Assert.Contains(("an.administrator", "data_quality.move"), actions);
    }
}
