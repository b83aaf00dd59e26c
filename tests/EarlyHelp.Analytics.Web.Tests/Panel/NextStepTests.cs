using System.Globalization;
using System.Net;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Panel;

/// <summary>What happened next: steps recorded after the panel offered early help, dated, named, audited; refused otherwise.</summary>
public sealed class NextStepTests(PanelSite site) : IClassFixture<PanelSite>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static (string, string)[] Fields(string step, DateOnly date, string note = "") =>
        [("Input.Step", step), ("Input.Day", date.Day.ToString(CultureInfo.InvariantCulture)), ("Input.Month", date.Month.ToString(CultureInfo.InvariantCulture)),
            ("Input.Year", date.Year.ToString(CultureInfo.InvariantCulture)), ("Input.Note", note)];

    [Fact]
    public async Task NextStep_AfterOfferOfEarlyHelp_RecordedShownAndAudited()
    {
        var panel = await site.ClientForRoleAsync("panel");
        var reference = site.References[6].Value;
        using (await panel.PostFormAsync($"/prompts/{reference}", $"/prompts/{reference}", ("Outcome", "offer_early_help"), ("Reason", "Rising call-outs"), ("Supersedes", ""))) { }

        using var recorded = await panel.PostFormAsync($"/prompts/{reference}/next", $"/prompts/{reference}", Fields("consent_given", Today, "Mother agreed on the phone"));
        var (_, page) = await panel.GetAsync($"/prompts/{reference}");

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Contains($"<td>{Today.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}</td><td>Consent given</td><td>Mother agreed on the phone</td><td>panel.member,", page, StringComparison.Ordinal);
        using var store = site.OpenHub();
        var entry = store.AuditLog.Entries().Last(e => e.Action == "prompt.next_step");
        Assert.Equal(("panel.member", reference, $"consent_given on {Today:yyyy-MM-dd}"), (entry.Actor, entry.Subject, entry.Detail));
    }

    [Fact]
    public async Task NextStep_NotOffered_RefusedWithTheReasonAndNothingStored()
    {
        var panel = await site.ClientForRoleAsync("panel");
        var reference = site.References[7].Value;

        using var refused = await panel.PostFormAsync($"/prompts/{reference}/next", $"/prompts/{reference}", Fields("contacted", Today));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("What happened next is recorded only after the panel&#x27;s latest review offers early help.", html, StringComparison.Ordinal);
        using var store = site.OpenHub();
        Assert.Empty(store.Prompts.NextSteps(site.References[7]));
    }

    [Theory]
    [InlineData("contacted", "31", "2", "2026", "Enter the date of the step as day, month and year, for example 27 3 2026.")]
    [InlineData("", "1", "3", "2026", "Choose what happened.")]
    [InlineData("contacted", "tomorrow", "", "", "The date of the step must be today or in the past.")]
    public async Task NextStep_BadField_ErrorPatternAndNothingStored(string step, string day, string month, string year, string message)
    {
        var panel = await site.ClientForRoleAsync("panel");
        var reference = site.References[8].Value;
        using (await panel.PostFormAsync($"/prompts/{reference}", $"/prompts/{reference}", ("Outcome", "offer_early_help"), ("Reason", "Rising call-outs"), ("Supersedes", ""))) { }
        var tomorrow = Today.AddDays(1);
        (string, string)[] fields = day == "tomorrow" ? Fields(step, tomorrow)
            : [("Input.Step", step), ("Input.Day", day), ("Input.Month", month), ("Input.Year", year), ("Input.Note", "")];

        using var refused = await panel.PostFormAsync($"/prompts/{reference}/next", $"/prompts/{reference}", fields);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("<title>Error: What happened next", html, StringComparison.Ordinal);
        Assert.Contains($">{message}</a>", html, StringComparison.Ordinal);
        using var store = site.OpenHub();
        Assert.Empty(store.Prompts.NextSteps(site.References[8]));
    }
}
