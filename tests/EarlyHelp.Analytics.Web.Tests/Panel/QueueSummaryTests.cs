using System.Net;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Web.Pages.Panel;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Panel;

/// <summary>
/// The queue's summary of each family (leading reasons, children's ages, agencies, markers) and its marker filter,
/// against family 1 of <see cref="SampleRun"/>, whose records and dates of birth are fixed around the as-of date 1 Mar 2024.
/// </summary>
public sealed class QueueSummaryTests(PanelSite site) : IClassFixture<PanelSite>
{
    [Fact]
    public void SaveRun_FamilyOne_KeepsMembersAtTAndRecordsOpenOrRecent()
    {
        using var store = site.OpenHub();
        var context = store.Prompts.FindContext(site.References[0])!;

        // Family 1 has a parent and two children (the seeded draw), born May 1986, Feb 2016 and Mar 2019: on 1 Mar 2024, with
        // birthdays on the first of their month, 2024 - 1986 - 1 = 37 (May not reached), 8 and 5 (March has begun).
        Assert.Equal(37, Assert.Single(context.Members, m => m.Role == FamilyRole.Parent).Age);
        Assert.Equal([5, 8], context.ChildAges);
        // Open at T: early help and a school term ending after T; ended in the 12 months before: the IDVA referral and the
        // police incident; the plan ended in Oct 2023 is kept for the marker; the old housing case, the incident after T
        // and family 2's incident are not.
        Assert.Equal(["earlyhelp.assessment", "school.persistent_absence"], context.OpenNow.Select(r => r.Dataset).Order(StringComparer.Ordinal));
        Assert.Equal(["csc.cin_plan", "idva.referral", "police.domestic_abuse_incident"], context.Recent.Select(r => r.Dataset).Order(StringComparer.Ordinal));
        Assert.Equal(5, context.Records.Count);
    }

    [Fact]
    public void Markers_FamilyOne_OpenToEarlyHelpAndCareEndedFourMonthsAgo()
    {
        using var store = site.OpenHub();
        var entry = store.Prompts.Queue(site.Run.Id, new QueueFilter())[0];

        Assert.Equal(site.References[0], entry.Reference);
        Assert.Equal(["Open to early help", "Children's social care involvement ended 4 months ago"], entry.Markers.Select(m => m.Text));
    }

    [Theory]
    // Whole calendar months: a month has passed on the same day of the next month.
    [InlineData("2024-02-15", "2024-03-01", "less than a month ago")]
    [InlineData("2024-02-01", "2024-03-01", "1 month ago")]
    [InlineData("2023-10-31", "2024-03-01", "4 months ago")]
    [InlineData("2023-03-01", "2024-03-01", "12 months ago")]
    public void Ago_Dates_WholeMonths(string date, string asOf, string expected) =>
        Assert.Equal(expected, FamilyMarkers.Ago(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(new int[0], "No child recorded")]
    [InlineData(new[] { 0 }, "1 child, aged under 1")]
    [InlineData(new[] { 3, 7 }, "2 children, aged 3 and 7")]
    [InlineData(new[] { 0, 5, 8 }, "3 children, aged under 1, 5 and 8")]
    public void Children_Ages_PluralsRight(int[] ages, string expected) => Assert.Equal(expected, FamilyWords.Children(ages));

    [Fact]
    public async Task Queue_TopPrompt_ShowsReasonsAgesAgenciesMarkersAndNoNames()
    {
        var panel = await site.ClientForRoleAsync("panel");
        var (status, html) = await panel.GetAsync("/prompts");

        Assert.Equal(HttpStatusCode.OK, status);
        var row = Row(html, site.References[0].Value);
        using (var store = site.OpenHub())
        {
            // The two largest raising contributions of the stored evidence, largest first.
            var content = store.Prompts.Find(site.References[0])!.Content;
            var leading = content.Evidence.Where(e => e.Contribution > 0).OrderByDescending(e => e.Contribution).Take(2).ToArray();
            Assert.True(row.IndexOf(Html(leading[0].Text), StringComparison.Ordinal) < row.IndexOf(Html(leading[1].Text), StringComparison.Ordinal));
        }
        Assert.Contains("children, aged", row, StringComparison.Ordinal);
        Assert.Contains("Agencies involved: Schools and Early help service", row, StringComparison.Ordinal);
        Assert.Contains("Open to early help", row, StringComparison.Ordinal);
        Assert.Contains("Children&#x27;s social care involvement ended 4 months ago", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Forename", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Surname", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_MarkerFilter_ShowsOnlyFamiliesWithTheMarker()
    {
        var panel = await site.ClientForRoleAsync("panel");
        var (_, html) = await panel.GetAsync("/prompts?marker=social_care_ended");

        Assert.Contains($">{site.References[0]}</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain($">{site.References[1]}</a>", html, StringComparison.Ordinal);
        Assert.Contains("1 prompt, highest probability first", html, StringComparison.Ordinal);
    }

    private static string Html(string text) => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text);

    private static string Row(string html, string reference)
    {
        var start = html.IndexOf($">{reference}</a>", StringComparison.Ordinal);
        Assert.True(start > 0, $"{reference} is not in the queue");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
