using System.Net;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Panel;

/// <summary>The panel's review flow through the app: record, see it in the queue, amend by a new record, history kept.</summary>
public sealed class ReviewFlowTests(PanelSite site) : IClassFixture<PanelSite>
{
    private static (string, string)[] Review(string outcome, string reason, long? supersedes = null) =>
        [("Outcome", outcome), ("Reason", reason), ("Supersedes", supersedes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "")];

    [Fact]
    public async Task Review_RecordedThenAmended_QueueShowsTheLatestAndHistoryKeepsBoth()
    {
        var panel = await site.ClientForRoleAsync("panel");
        var reference = site.References[0].Value;
        var page = $"/prompts/{reference}";

        using var first = await panel.PostFormAsync(page, page, Review("offer_early_help", "Three call-outs and no service involved"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"/prompts/{reference}#history", first.Headers.Location?.ToString());
        Assert.Contains("Your review has been recorded.", (await panel.GetAsync(page)).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Your review has been recorded.", (await panel.GetAsync(page)).Html, StringComparison.Ordinal);
        var (_, queue) = await panel.GetAsync("/prompts?status=reviewed");
        Assert.Contains($">{reference}</a>", queue, StringComparison.Ordinal);
        Assert.Contains("Offer early help", queue, StringComparison.Ordinal);

        long firstId;
        using (var store = site.OpenHub())
            firstId = Assert.Single(store.Prompts.Reviews(site.References[0])).Id;
        using var amendment = await panel.PostFormAsync(page, page, Review("already_supported", "The IDVA service holds the case", firstId));
        Assert.Equal(HttpStatusCode.Redirect, amendment.StatusCode);

        var (status, html) = await panel.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Three call-outs and no service involved", html, StringComparison.Ordinal);
        Assert.Contains("The IDVA service holds the case", html, StringComparison.Ordinal);
        Assert.Contains($"amends review {firstId}", html, StringComparison.Ordinal);
        using (var store = site.OpenHub())
        {
            var history = store.Prompts.Reviews(site.References[0]);
            Assert.Equal([ReviewOutcome.OfferEarlyHelp, ReviewOutcome.AlreadySupported], history.Select(r => r.Outcome));
            Assert.All(history, r => Assert.Equal("panel.member", r.Reviewer));
            Assert.Equal(ReviewOutcome.AlreadySupported, store.Prompts.Queue(site.Run.Id, new QueueFilter())[0].LatestReview!.Outcome);
            var actions = store.AuditLog.Entries().Where(e => e.Subject == reference).Select(e => e.Action).ToArray();
            Assert.Contains("review.add", actions);
            Assert.Contains("review.amend", actions);
            Assert.Contains("prompt.view", actions);
        }
    }

    [Fact]
    public async Task Review_AnotherRecordedMeanwhile_ShowsItAndStoresNothing()
    {
        var panel = await site.ClientForRoleAsync("panel");
        var second = await site.ClientAsync("second.panel");
        var page = $"/prompts/{site.References[1]}";
        using (await second.PostFormAsync(page, page, Review("no_action_needed", "Known family; support ended well")))
        {
        }

        // The first member still holds the page from before the other review: it supersedes nothing.
        using var stale = await panel.PostFormAsync(page, "/", Review("offer_early_help", "Looks worrying"));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Another review was recorded by second.panel", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var store = site.OpenHub();
        Assert.Equal("second.panel", Assert.Single(store.Prompts.Reviews(site.References[1])).Reviewer);
    }

    [Fact]
    public async Task Reidentify_WithPurpose_ShowsNamesOnlyInTheAnswerAndAudits()
    {
        var panel = await site.ClientForRoleAsync("panel");
        var reference = site.References[2].Value;
        var page = $"/prompts/{reference}/identify";

        var (_, form) = await panel.GetAsync(page);
        using var response = await panel.PostFormAsync(page, page, ("Purpose", "To match against an open early help case"));
        var answer = await response.Content.ReadAsStringAsync();

        // Rank 3 is family 3 of the sample run: its parent is person 301, named Forename301 Surname3.
        Assert.DoesNotContain("Surname3", form, StringComparison.Ordinal);
        Assert.Contains("Forename301 Surname3", answer, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        using var store = site.OpenHub();
        var entry = store.AuditLog.Entries().Last(e => e.Action == "prompt.reidentify");
        Assert.Equal(("panel.member", reference), (entry.Actor, entry.Subject));
        Assert.StartsWith("purpose: To match against an open early help case;", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_View_IsAuditedWithTheReferencesShown()
    {
        var panel = await site.ClientForRoleAsync("panel");

        await panel.GetAsync("/prompts?band=very_high");

        using var store = site.OpenHub();
        var entry = store.AuditLog.Entries().Last(e => e.Action == "queue.view");
        Assert.Equal(("panel.member", $"run {site.Run.Id}"), (entry.Actor, entry.Subject));
        Assert.Contains(site.References[0].Value, entry.Detail, StringComparison.Ordinal);
    }
}
