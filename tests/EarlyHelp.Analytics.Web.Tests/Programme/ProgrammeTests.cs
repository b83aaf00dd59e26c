using System.Net;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Web.Pages.Programme;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Programme;

/// <summary>
/// The programme view over planted reviews, steps and later statutory-care records of the sample run (as of 1 Mar 2024,
/// prompt of rank f = family f, whose children are persons 100f+2, …): counted by hand in the comments.
/// </summary>
public sealed class ProgrammeTests
{
    [Fact]
    public async Task Programme_PlantedOutcomes_HandCountsSuppressedAndTooFewToJudge()
    {
        using var site = new PanelSite();
        Plant(site);

        // Offered (ranks 1-3): 3 prompts, all followed up (records reach 1 Apr 2025, past 1 Mar 2025), 1 escalated (person 102's CIN plan).
        // No action (rank 4): 1, 1, 0. Not reviewed (ranks 5-10): 6, 6, 1 (person 502's CP plan; person 602's placement
        // starts 15 Mar 2025, after the year; person 701 is a parent, not a child). Steps: contacted 2 (ranks 1, 2), consent given 1.
        ProgrammeOutcomes outcomes;
        using (var store = site.OpenHub())
            outcomes = store.Prompts.Programme();
        Assert.Equal(new DateOnly(2025, 4, 1), outcomes.KnownUntil);
        Assert.Equal(
            [
                new(ProgrammeGroup.OfferedEarlyHelp, 3, 3, 1), new(ProgrammeGroup.NoActionNeeded, 1, 1, 0), new(ProgrammeGroup.AlreadySupported, 0, 0, 0),
                new(ProgrammeGroup.NotReviewed, 6, 6, 1), new ProgrammeGroupCounts(ProgrammeGroup.OtherOutcome, 0, 0, 0),
            ], outcomes.Groups);
        Assert.Equal([(NextStep.Contacted, 2), (NextStep.ConsentGiven, 1), (NextStep.ConsentDeclined, 0), (NextStep.Engaged, 0), (NextStep.Closed, 0), (NextStep.SteppedUp, 0)], outcomes.StepsOffered);

        foreach (var role in new[] { "panel", "ig" })
        {
            var (status, html) = await (await site.ClientForRoleAsync(role)).GetAsync("/programme");
            Assert.Equal(HttpStatusCode.OK, status);
            var text = Markup.Compact(html);
            Assert.Contains("<th scope=\"row\">Offered early help</th><td class=\"number\">fewer than 5</td><td class=\"number\">fewer than 5</td><td class=\"number\">fewer than 5</td><td>too few to judge</td>", text, StringComparison.Ordinal);
            Assert.Contains("<th scope=\"row\">Not reviewed</th><td class=\"number\">6</td><td class=\"number\">6</td><td class=\"number\">fewer than 5</td><td>too few to judge</td>", text, StringComparison.Ordinal);
            Assert.Contains("<th scope=\"row\">Contacted</th><td class=\"number\">fewer than 5</td>", text, StringComparison.Ordinal);
            Assert.Contains("<strong>Too few to judge.</strong>", text, StringComparison.Ordinal);
            Assert.Contains("<strong>Not randomised.</strong>", text, StringComparison.Ordinal);
            Assert.Contains("The hub&#x27;s records reach 1 Apr 2025", text, StringComparison.Ordinal);
        }
        using var after = site.OpenHub();
        Assert.Equal(2, after.AuditLog.Entries().Count(e => e.Action == "programme.view"));
    }

    [Fact]
    public async Task Programme_RecordsBeforeAYearHasPassed_NothingFollowedUp()
    {
        using var site = new PanelSite();
        using (var store = site.OpenHub())
            store.Prompts.Review(new ReviewSubmission(site.References[0], ReviewOutcome.OfferEarlyHelp, "Needs support now.", "panel.member", null));

        // The sample's only extract is dated 1 Mar 2024, the run's as-of date: no prompt has a year of records after it.
        using var check = site.OpenHub();
        var offered = check.Prompts.Programme().Groups[0];
        Assert.Equal(new ProgrammeGroupCounts(ProgrammeGroup.OfferedEarlyHelp, 1, 0, 0), offered);
        var (_, html) = await (await site.ClientForRoleAsync("ig")).GetAsync("/programme");
        Assert.Contains("<strong>Too few to judge.</strong>", html, StringComparison.Ordinal);
    }

    [Theory]
    // 10 of 40: Wilson 95% interval 0.1419 to 0.4019 (Wilson 1927, worked by hand with z = 1.96): 25% (14% to 40%).
    [InlineData(40, 10, "25% (14% to 40%)")]
    // Fewer than 10 followed up: no share is read.
    [InlineData(9, 5, "too few to judge")]
    // 3 escalated, or 2 not escalated, would be given back by the share: not shown.
    [InlineData(20, 3, "not shown")]
    [InlineData(20, 18, "not shown")]
    public void Share_Counts_WilsonIntervalOrSuppressed(int followedUp, int escalated, string expected) =>
        Assert.Equal(expected, ProgrammeRates.Share(new ProgrammeGroupCounts(ProgrammeGroup.NotReviewed, followedUp, followedUp, escalated)));

    private static void Plant(PanelSite site)
    {
        using var store = site.OpenHub();
        var refs = site.References;
        foreach (var rank in new[] { 1, 2, 3 })
            store.Prompts.Review(new ReviewSubmission(refs[rank - 1], ReviewOutcome.OfferEarlyHelp, "Needs support now.", "panel.member", null));
        store.Prompts.Review(new ReviewSubmission(refs[3], ReviewOutcome.NoActionNeeded, "Circumstances have changed.", "panel.member", null));
        // A step may not be dated before its review, which the hub records at the time it is made: today.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Empty(store.Prompts.RecordNextStep(refs[0], NextStep.Contacted, today, "", "panel.member"));
        Assert.Empty(store.Prompts.RecordNextStep(refs[0], NextStep.ConsentGiven, today, "", "panel.member"));
        Assert.Empty(store.Prompts.RecordNextStep(refs[1], NextStep.Contacted, today, "", "panel.member"));
        using var load = store.BeginLoad();
        load.AddEvents("csc.cin_plan", [new SourceEvent(new PersonId(102), new DateOnly(2024, 6, 1), null, null, "CIN-LATER-1"), new SourceEvent(new PersonId(701), new DateOnly(2024, 5, 1), null, null, "CIN-PARENT-7")]);
        load.AddEvents("csc.cp_plan", [new SourceEvent(new PersonId(502), new DateOnly(2024, 9, 1), null, null, "CP-5")]);
        load.AddEvents("csc.looked_after", [new SourceEvent(new PersonId(602), new DateOnly(2025, 3, 15), null, null, "LAC-6")]);
        var at = new DateTimeOffset(2025, 4, 2, 6, 0, 0, TimeSpan.Zero);
        load.Commit(new IngestReport("later", new DateOnly(2025, 4, 1), "tests", "1", at, at, []), "tester");
    }
}
