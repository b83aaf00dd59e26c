using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using EarlyHelp.Analytics.Hub.Clerical;
using EarlyHelp.Analytics.Linkage;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Matching;

/// <summary>The clerical review through the app, over the hand-made pairs of <see cref="ClericalSample"/>.</summary>
public sealed partial class ClericalReviewTests(PanelSite site) : IClassFixture<PanelSite>
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Fact]
    public async Task Queue_All_ListsTheMostUncertainFirstWithTheCountAndAudits()
    {
        var matcher = await site.ClientForRoleAsync("matching");

        var (status, html) = await matcher.GetAsync("/matching?status=all");

        // Smith is queued at 0.4 bits and Amira at −1.788 bits: |0.4| is nearer 0 (a probability of one half).
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("2 pairs", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf(ClericalSample.Smith.Id, StringComparison.Ordinal) < html.IndexOf(ClericalSample.Amira.Id, StringComparison.Ordinal),
            "The pair nearer a probability of one half should be listed first.");
        using var store = site.OpenHub();
        var entry = store.AuditLog.Entries().Last(e => e.Action == "clerical.queue.view");
        Assert.Equal(("data.matcher", "status all"), (entry.Actor, entry.Subject));
        Assert.Contains(ClericalSample.Amira.Id, entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pair_Waterfall_BarsSumToTheMatchWeightComputedByHandFromTheStoredModel()
    {
        var matcher = await site.ClientForRoleAsync("matching");

        var (status, html) = await matcher.GetAsync($"/matching/pair/{ClericalSample.Amira.Id}");

        // By hand: the levels the Amira pair reaches (same names, day and month swapped, same sex, postcodes in
        // districts BS1 and BS5), each read from the model stored in the hub, weighed log2(m/u), plus the prior.
        using var model = JsonDocument.Parse(StoredModel());
        var lambda = model.RootElement.GetProperty("lambda").GetDouble();
        (string Comparison, string Level)[] reached =
            [("forename", "exact"), ("surname", "exact"), ("birth_date", "day and month transposed"), ("sex", "same"), ("address", "else")];
        var expected = Math.Log2(lambda / (1 - lambda)) + reached.Sum(r => Weight(model.RootElement, r.Comparison, r.Level));
        Assert.Equal(-1.787656, expected, 5);

        Assert.Equal(HttpStatusCode.OK, status);
        var bars = Bar().Matches(html).Select(m => (Comparison: m.Groups["comparison"].Value, Weight: double.Parse(m.Groups["weight"].Value, Invariant), Total: m.Groups["total"].Value == "true")).ToArray();
        Assert.Equal(["prior", "forename", "surname", "birth_date", "sex", "address", "final match weight"], bars.Select(b => b.Comparison));
        Assert.Equal(expected, bars.Where(b => !b.Total).Sum(b => b.Weight), 9);
        Assert.Equal(expected, bars.Single(b => b.Total).Weight, 9);
        Assert.Contains("<td class=\"number\" id=\"final-weight\">−1.79</td>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        // The identity fields the decision needs, side by side, with the NHS number where one side has it.
        Assert.Contains("<td>4 Mar 2015</td><td>3 Apr 2015</td>", html, StringComparison.Ordinal);
        Assert.Contains("RH0000009002", html, StringComparison.Ordinal);
        Assert.Contains("9434765919", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pair_View_IsAuditedWithWhoAndWhichRecords()
    {
        var matcher = await site.ClientForRoleAsync("matching");

        await matcher.GetAsync($"/matching/pair/{ClericalSample.Amira.Id}");

        using var store = site.OpenHub();
        var entry = store.AuditLog.Entries().Last(e => e.Action == "clerical.view");
        Assert.Equal(("data.matcher", ClericalSample.Amira.Id), (entry.Actor, entry.Subject));
        Assert.Equal("records police.asb_incident:ASB-9001 and health.ae_attendance:AE-9002", entry.Detail);
    }

    [Fact]
    public async Task Decide_WithoutReason_IsRefusedWithTheErrorPatternAndStoresNothing()
    {
        var matcher = await site.ClientForRoleAsync("matching");
        var page = $"/matching/pair/{ClericalSample.Amira.Id}";

        using var response = await matcher.PostFormAsync(page, page, ("Decision", "same"), ("Reason", "  "));
        var html = await response.Content.ReadAsStringAsync();

        // The GOV.UK pattern: "Error:" in the title, a summary first that takes focus and links to the field, a message at the field.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("<title>Error: Pair [0-9a-f]{16} ", html);
        Assert.Matches("<div class=\"error-summary\" role=\"alert\"[^>]*tabindex=\"-1\" autofocus", html);
        Assert.Contains($"<a href=\"#reason\">{DecisionSubmission.NoReason}</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<p id=\"reason-error\" class=\"error-message\"><span class=\"visually-hidden\">Error:</span> {DecisionSubmission.NoReason}</p>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("error-summary", StringComparison.Ordinal) < html.IndexOf("<h1>", StringComparison.Ordinal), "The error summary should come before the heading.");
        using var store = site.OpenHub();
        Assert.Empty(store.Clerical.Find(ClericalSample.Amira.Id)!.History);
    }

    [Fact]
    public async Task Decide_WithReason_IsStoredAuditedAndShownAsDecided()
    {
        var matcher = await site.ClientForRoleAsync("matching");
        var page = $"/matching/pair/{ClericalSample.Smith.Id}";

        using var response = await matcher.PostFormAsync(page, page, ("Decision", "same"), ("Reason", "Jon is a short form of John; same date of birth and flat"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{page}#history", response.Headers.Location?.ToString());
        Assert.Contains("Your decision has been recorded.", (await matcher.GetAsync(page)).Html, StringComparison.Ordinal);
        Assert.Contains(ClericalSample.Smith.Id, (await matcher.GetAsync("/matching?status=decided")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain(ClericalSample.Smith.Id, (await matcher.GetAsync("/matching")).Html, StringComparison.Ordinal);
        using var store = site.OpenHub();
        var decision = Assert.Single(store.Clerical.Find(ClericalSample.Smith.Id)!.History);
        Assert.Equal((ClericalDecision.Same, "data.matcher", "Jon is a short form of John; same date of birth and flat"), (decision.Decision, decision.DecidedBy, decision.Reason));
        var entry = store.AuditLog.Entries().Last(e => e.Action == "linkage.decide");
        Assert.Equal(("data.matcher", "police.asb_incident/ASB-9003 and dwp.out_of_work_benefit/CLM-9004"), (entry.Actor, entry.Subject));
        Assert.Equal("same: Jon is a short form of John; same date of birth and flat", entry.Detail);
    }

    private string StoredModel()
    {
        string path;
        using (var store = site.OpenHub())
            path = store.Name;
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT parameters FROM linkage_model ORDER BY version DESC LIMIT 1";
        return (string)command.ExecuteScalar()!;
    }

    private static double Weight(JsonElement model, string comparison, string level)
    {
        var levels = model.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("name").GetString() == comparison).GetProperty("levels");
        var chosen = levels.EnumerateArray().Single(l => l.GetProperty("label").GetString() == level);
        return Math.Log2(chosen.GetProperty("m").GetDouble() / chosen.GetProperty("u").GetDouble());
    }

    [GeneratedRegex("<rect [^>]*data-comparison=\"(?<comparison>[^\"]+)\" data-weight=\"(?<weight>[^\"]+)\" data-total=\"(?<total>true|false)\"")]
    private static partial Regex Bar();
}
