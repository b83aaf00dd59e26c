using System.Net;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Store;
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
        var outcomes = Outcomes(site);
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
    public async Task Programme_ComparisonSetOfTheSampleRun_HandCountsSuppressedAndTooFewToJudge()
    {
        using var site = new PanelSite();
        Plant(site);

        // Offered: ranks 1-3 as above, 3 followed up, 1 escalated. Prompted: ranks 1-10, 10, 10, 2 (persons 102 and 502).
        // Not prompted: families 11 and 12 (ranks 11, 12), 2, 2, 0. K = 10, so the halves nearest the cut are ranks 6-10
        // (5, 5, 0: person 602's placement is after the year) and ranks 11-15, of which the run kept 11 and 12 (2, 2, 0).
        var outcomes = Outcomes(site);
        Assert.Equal(
            [
                new(ComparisonRow.OfferedEarlyHelp, 3, 3, 1), new(ComparisonRow.Prompted, 10, 10, 2), new(ComparisonRow.NotPrompted, 2, 2, 0),
                new(ComparisonRow.PromptedNearCut, 5, 5, 0), new ComparisonCounts(ComparisonRow.NotPromptedNearCut, 2, 2, 0),
            ], outcomes.Comparison);

        var (_, html) = await (await site.ClientForRoleAsync("ig")).GetAsync("/programme");
        var text = Markup.Compact(html);
        // 2 escalated of 10 would be given back by a share: not shown.
        Assert.Contains(Row("All prompted families", "10", "10", "fewer than 5", "not shown"), text, StringComparison.Ordinal);
        Assert.Contains(Row("Comparison families: ranked just below the cut-off, not prompted", "fewer than 5", "fewer than 5", "0", "too few to judge"), text, StringComparison.Ordinal);
        Assert.Contains(Row("Prompted, the half ranked nearest the cut-off", "5", "5", "0", "too few to judge"), text, StringComparison.Ordinal);
        Assert.Contains("<strong>Too few to judge the comparison.</strong>", text, StringComparison.Ordinal);
        Assert.Contains("<strong>Lower risk by construction.</strong>", text, StringComparison.Ordinal);
        using var after = site.OpenHub();
        Assert.Equal("10 prompts, 2 comparison families", after.AuditLog.Entries().Single(e => e.Action == "programme.view").Detail);
    }

    [Fact]
    public async Task Programme_SecondRunWithTwentyBelowTheCut_WilsonIntervalsByHand()
    {
        using var site = new PanelSite();
        using (var store = site.OpenHub())
            PlantSecondRun(store);

        // Every run followed up (records reach 1 Apr 2025); nothing of the sample run escalated. Prompted: 10 + 20 = 30,
        // 8 escalated (families 21-23 and 31-35). Not prompted: 2 + 20 = 22, 5 escalated (41-45). Nearest the cut: prompted
        // ranks 6-10 of the sample run and 11-20 of the second (families 31-40), 15 with 5 escalated; not prompted ranks 11-12
        // and 21-30 (families 41-50), 12 with 5 escalated. Wilson 95% intervals (Wilson 1927, z = 1.96, worked with the
        // formula by hand): 8/30 = 26.7% (14.2% to 44.5%), 5/22 = 22.7% (10.1% to 43.4%), 5/15 = 33.3% (15.2% to 58.3%),
        // 5/12 = 41.7% (19.3% to 68.1%).
        var (_, html) = await (await site.ClientForRoleAsync("panel")).GetAsync("/programme");
        var text = Markup.Compact(html);
        Assert.Contains(Row("All prompted families", "30", "30", "8", "27% (14% to 44%)"), text, StringComparison.Ordinal);
        Assert.Contains(Row("Comparison families: ranked just below the cut-off, not prompted", "22", "22", "5", "23% (10% to 43%)"), text, StringComparison.Ordinal);
        Assert.Contains(Row("Prompted, the half ranked nearest the cut-off", "15", "15", "5", "33% (15% to 58%)"), text, StringComparison.Ordinal);
        Assert.Contains(Row("Not prompted, the half ranked nearest the cut-off", "12", "12", "5", "42% (19% to 68%)"), text, StringComparison.Ordinal);
        Assert.DoesNotContain("Too few to judge the comparison.", text, StringComparison.Ordinal);
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

    /// <summary>
    /// Families 21-60 (parent 100f+1, child 100f+2) and a second run as of the sample run's date: prompts 21-40 (capacity 20),
    /// comparison set 41-60; the children of families 21-23, 31-35 and 41-45 start a Child in Need plan within the year.
    /// </summary>
    internal static void PlantSecondRun(IHubStore store)
    {
        var families = Enumerable.Range(21, 40).ToArray();
        var sample = SampleRun.Submission(prompts: 20, capacity: 20);
        using (var load = store.BeginLoad())
        {
            load.AddPeople(families.SelectMany(f => new[] { new Person(new PersonId(100 * f + 1), new YearMonth(1985, 1), null), new Person(new PersonId(100 * f + 2), new YearMonth(2015, 1), null) }).ToArray());
            load.AddFamilies(families.Select(f => new FamilyId(f)).ToArray());
            load.AddFamilyMemberships(families.SelectMany(f => new FamilyMembership[]
            {
                new(new FamilyId(f), new PersonId(100 * f + 1), FamilyRole.Parent, new DateOnly(2015, 1, 1), null),
                new(new FamilyId(f), new PersonId(100 * f + 2), FamilyRole.Child, new DateOnly(2015, 1, 1), null),
            }).ToArray());
            load.AddEvents("csc.cin_plan", new[] { 21, 22, 23, 31, 32, 33, 34, 35, 41, 42, 43, 44, 45 }
                .Select(f => new SourceEvent(new PersonId(100 * f + 2), new DateOnly(2024, 7, 1), null, null, $"CIN-{f}")).ToArray());
            var at = new DateTimeOffset(2025, 4, 2, 6, 0, 0, TimeSpan.Zero);
            load.Commit(new IngestReport("later", new DateOnly(2025, 4, 1), "tests", "1", at, at, []), "tester");
        }
        store.Prompts.SaveRun(sample with { Prompts = [.. sample.Prompts.Select((p, i) => p with { Family = new FamilyId(21 + i) })] },
            [.. Enumerable.Range(41, 20).Select(f => new FamilyId(f))]);
    }

    /// <summary>A row of the page's comparison table as the page writes it: the row's name, its three counts and the share.</summary>
    private static string Row(string name, string families, string followedUp, string escalated, string share) =>
        $"<th scope=\"row\">{name}</th><td class=\"number\">{families}</td><td class=\"number\">{followedUp}</td><td class=\"number\">{escalated}</td><td>{share}</td>";

    private static ProgrammeOutcomes Outcomes(PanelSite site)
    {
        using var store = site.OpenHub();
        return store.Prompts.Programme();
    }

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
