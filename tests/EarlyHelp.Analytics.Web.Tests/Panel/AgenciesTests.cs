using System.Net;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Web.Pages.Panel;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Panel;

/// <summary>
/// The prompt page's agencies (now and in the 12 months before T, with the worker or team), the sources with no record
/// apart from those that do not cover the family, and the family's make-up, for family 1 of <see cref="SampleRun"/>.
/// </summary>
public sealed class AgenciesTests(PanelSite site) : IClassFixture<PanelSite>
{
    [Fact]
    public void Involved_FamilyOne_OpenFirstThenRecentWithContactsOrWhyNone()
    {
        using var store = site.OpenHub();
        var rows = AgencyRows.Involved(store.Prompts.FindContext(site.References[0])!);

        Assert.Equal(
            [
                // Open at T, newest start first.
                ("Schools", "Open since 8 Jan 2024", AgencyRows.NotHeld),
                ("Early help service", "Open since 20 Nov 2023", null),
                // Then by last day, most recent first: 14 Jan 2024, 15 Dec 2023, 31 Oct 2023 (all after 1 Mar 2023).
                ("Police", "Recorded 14 Jan 2024", AgencyRows.NotHeld),
                ("Domestic abuse partnership", "Ended 15 Dec 2023", AgencyRows.NoneRecorded),
                ("Children's social care", "Ended 31 Oct 2023", null),
            ],
            rows.Select(r => (r.Agency, r.When, r.NoContact)));
        Assert.Equal("Alex Morgan", rows[1].Contact!.Worker);
        Assert.Equal(new Hub.Prompts.WorkerContact(null, null, "Children's social work team East", "0113 496 0020", null), rows[4].Contact);
    }

    [Fact]
    public void Absent_FamilyOne_NoRecordApartFromNotCovered()
    {
        using var store = site.OpenHub();
        var absent = AgencyRows.Absent(store.Prompts.FindContext(site.References[0])!);

        // Members aged 37, 8 and 5: health visiting (under 5), youth justice (10 to 17) and careers (16 to 24) cover none;
        // the schools' other returns (4 to 16) and police anti-social behaviour (anyone) do, so they read "no record".
        Assert.Equal(["Child missing education", "Permanent exclusion from school", "Suspension from school"],
            absent.Where(a => a.Covered && a.Agency == "Schools").Select(a => a.Source));
        Assert.Equal(
            ["Health visitor concern about a young child", "Young person not in education, employment or training", "Youth justice outcome (caution or court order)"],
            absent.Where(a => !a.Covered).Select(a => a.Source).Order(StringComparer.Ordinal));
        Assert.Equal(DatasetCatalogue.All.Count - 5, absent.Count);
    }

    [Fact]
    public async Task PromptPage_TopPrompt_ShowsMakeUpAgenciesContactsAndCoverageWithoutNames()
    {
        var panel = await site.ClientForRoleAsync("panel");
        var (status, html) = await panel.GetAsync($"/prompts/{site.References[0]}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<td>Parent or carer</td><td class=\"number\">37</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Child</td><td class=\"number\">8</td>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Alex Morgan</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Phone 0113 496 0001", html, StringComparison.Ordinal);
        Assert.Contains("alex.morgan@council.example.org", html, StringComparison.Ordinal);
        Assert.Contains(AgencyRows.NoneRecorded, html, StringComparison.Ordinal);
        Assert.Contains("Not covered by this source (children under 5 registered with a GP in the council", html, StringComparison.Ordinal);
        Assert.Contains("<summary>How fresh the data is</summary>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Forename", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromptPage_Evidence_GroupsByTheLargestEffectAmongTheirFacts()
    {
        var panel = await site.ClientForRoleAsync("panel");
        var (_, html) = await panel.GetAsync($"/prompts/{site.References[1]}");

        string[] expected;
        using (var store = site.OpenHub())
        {
            // From the stored evidence: each problem's largest contribution, raising or lowering, largest first.
            expected = store.Prompts.Find(site.References[1])!.Content.Evidence
                .GroupBy(e => e.Category).OrderByDescending(g => g.Max(e => Math.Abs(e.Contribution)))
                .Select(g => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(g.Key?.PlainName() ?? "The family as a whole")).ToArray();
        }
        var headings = System.Text.RegularExpressions.Regex.Matches(html, "<h3>(.*?)</h3>").Select(m => m.Groups[1].Value).ToArray();
        Assert.True(expected.Length > 1);
        Assert.Equal(expected, headings);
    }
}
