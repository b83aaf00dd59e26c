using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Lifecycle;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Rights;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Prompts;

/// <summary>
/// A run's comparison set: the families ranked just below the cut-off, kept by id and rank only, out of the register's
/// reach, gone with retention, listed in a subject access export, and counted by the programme view. The prompted
/// families are <see cref="PanelFamilies"/> (10, 20, 30, capacity 3); families 40, 50, 60 and 70 each have a parent
/// (person 100 + f) and a child (person 101 + f), and 40, 50, 60 are the comparison set, ranks 4 to 6.
/// </summary>
public abstract class ComparisonSetTests<TFixture> : PromptHubTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    private static readonly FamilyId[] Below = [new(40), new(50), new(60)];

    [StoreFact]
    public void SaveRun_WithAComparisonSet_StoresRunRankAndFamilyOnlyAndCountsItInTheAuditEntry()
    {
        using var store = OpenWithFamiliesBelow();

        store.Prompts.SaveRun(PanelFamilies.Submission(), Below);

        // Three columns, nothing else: no score, feature or evidence of a family that was not prompted.
        Assert.Equal([[1L, 4L, 40L], [1L, 5L, 50L], [1L, 6L, 60L]], Rows("SELECT run_id, rank, family_id FROM comparison_family ORDER BY rank"));
        Assert.Equal(3, Hub.QueryRows("SELECT * FROM comparison_family")[0].Length);
        Assert.EndsWith("capacity 3; 3 prompts; comparison set of 3 families ranked below the cut-off", store.AuditLog.Entries()[^1].Detail);
    }

    [StoreFact]
    public void SaveRun_TrialOrPromptedFamilyInTheSet_ThrowsAndStoresNothing()
    {
        using var store = OpenWithFamiliesBelow();

        var trial = Assert.Throws<ArgumentException>(() => store.Prompts.SaveRun(PanelFamilies.Submission() with { Trial = true }, Below));
        var prompted = Assert.Throws<ArgumentException>(() => store.Prompts.SaveRun(PanelFamilies.Submission(), [new(40), PanelFamilies.Third]));
        var notFull = Assert.Throws<ArgumentException>(() => store.Prompts.SaveRun(PanelFamilies.Submission(capacity: 4), Below));

        Assert.Equal("The scoring run cannot be saved: A trial run keeps no comparison set: the programme view counts only runs of the champion. (Parameter 'submission')", trial.Message);
        Assert.Equal("The scoring run cannot be saved: The comparison set must not name a prompted family. (Parameter 'submission')", prompted.Message);
        Assert.Equal("The scoring run cannot be saved: The comparison set is of families below the cut-off, so the top 4 must be full. Got 3 prompts instead. (Parameter 'submission')", notFull.Message);
        Assert.Equal((0L, 0L), (Convert.ToInt64(Hub.Query("SELECT COUNT(*) FROM scoring_run")), Convert.ToInt64(Hub.Query("SELECT COUNT(*) FROM comparison_family"))));
    }

    [StoreFact]
    public void SaveRun_AComparisonFamilysMemberOnTheRegister_LeavesTheFamilyOut()
    {
        using var store = OpenWithFamiliesBelow();
        // Family 50's parent objects while the run scores: the save's own check keeps the family out.
        store.OptOuts.Add(new PersonId(150), "objected to profiling", "an.administrator");

        store.Prompts.SaveRun(PanelFamilies.Submission(), Below);

        Assert.Equal([[4L, 40L], [6L, 60L]], Rows("SELECT rank, family_id FROM comparison_family ORDER BY rank"));
        Assert.EndsWith("3 prompts; comparison set of 2 families ranked below the cut-off", store.AuditLog.Entries()[^1].Detail);
    }

    [StoreFact]
    public void OptOutAdd_MemberOfAComparisonFamily_RemovesTheFamilyFromEveryRunsSet()
    {
        using var store = OpenWithFamiliesBelow();
        store.Prompts.SaveRun(PanelFamilies.Submission(), Below);
        store.Prompts.SaveRun(PanelFamilies.Submission(), Below);

        store.OptOuts.Add(new PersonId(141), "restricted processing", "an.administrator");

        Assert.Equal([[1L, 50L], [1L, 60L], [2L, 50L], [2L, 60L]], Rows("SELECT run_id, family_id FROM comparison_family ORDER BY run_id, rank"));
    }

    [StoreFact]
    public void RetentionApply_RunPastThePromptPeriod_RemovesItsSet_ADayInsideKeepsIt()
    {
        var clock = new FixedClock(SavedAt);
        using var store = OpenWithFamiliesBelow(clock);
        store.Prompts.SaveRun(PanelFamilies.Submission(), Below);

        // The run was saved on 2024-03-02 09:00. On 2030-03-01 09:00 the 72-month period reaches back to 2024-03-01 09:00,
        // before it: kept. On 2030-03-03 09:00 it reaches back to 2024-03-03 09:00, after it: the set goes with the prompts.
        clock.Now = new(2030, 3, 1, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(0L, HubRetention.Apply(store, "ig.officer", clock: clock).Prompts.ComparisonFamilies);
        Assert.Equal(3L, Convert.ToInt64(Hub.Query("SELECT COUNT(*) FROM comparison_family")));

        clock.Now = new(2030, 3, 3, 9, 0, 0, TimeSpan.Zero);
        var result = HubRetention.Apply(store, "ig.officer", clock: clock);

        Assert.Equal((3L, 3L), (result.Prompts.Prompts, result.Prompts.ComparisonFamilies));
        Assert.Equal(0L, Convert.ToInt64(Hub.Query("SELECT COUNT(*) FROM comparison_family")));
        Assert.Contains("; 3 comparison-set rows removed", store.AuditLog.Entries().Last(e => e.Action == HubRetention.Action).Detail, StringComparison.Ordinal);
    }

    [StoreFact]
    public void SubjectAccess_MemberOfAComparisonFamily_ListsTheRunAndRank_OthersNone()
    {
        using var store = OpenWithFamiliesBelow();
        store.Prompts.SaveRun(PanelFamilies.Submission(), Below);

        var child = store.SubjectAccess.Export(new PersonId(151), "subject access request 2026-201", "ig.officer");
        var prompted = store.SubjectAccess.Export(new PersonId(4), "subject access request 2026-202", "ig.officer");
        var outside = store.SubjectAccess.Export(new PersonId(170), "subject access request 2026-203", "ig.officer");

        Assert.Equal([new SubjectComparison(50, 1, "2024-03-01", 5)], child.Comparisons);
        Assert.Empty(prompted.Comparisons);
        Assert.Empty(outside.Comparisons);
        var html = SubjectAccessFiles.Html(child);
        Assert.Contains("<td>50</td><td>1</td><td>2024-03-01</td><td>5</td>", html, StringComparison.Ordinal);
        Assert.Contains("\"comparisons\": [", SubjectAccessFiles.JsonText(child), StringComparison.Ordinal);
    }

    [StoreFact]
    public void Programme_PlantedEscalations_CountsPromptedAgainstTheComparisonSetByHand()
    {
        using var store = OpenWithFamiliesBelow();
        var run = store.Prompts.SaveRun(PanelFamilies.Submission(), Below);
        var first = store.Prompts.Queue(run.Id, new QueueFilter())[0].Reference;
        store.Prompts.Review(new ReviewSubmission(first, ReviewOutcome.OfferEarlyHelp, "Needs support now.", "a.practitioner", null));
        using (var load = store.BeginLoad())
        {
            // After T = 1 Mar 2024, within the year to 1 Mar 2025 unless said:
            load.AddEvents("csc.looked_after", [Later(2, 2024, 9, 1, "LAC-2")]);                       // family 10's child: escalated (prompted, offered)
            load.AddEvents("csc.cin_plan", [Later(141, 2024, 6, 1, "CIN-141"),                         // family 40's child: escalated (comparison)
                Later(150, 2024, 5, 1, "CIN-150"),                                                     // family 50's parent, not a child: not counted
                Later(171, 2024, 5, 1, "CIN-171")]);                                                   // family 70, in no set: not counted
            load.AddEvents("csc.cp_plan", [Later(151, 2025, 4, 1, "CP-151"),                           // family 50's child, after the year: no
                Later(5, 2024, 6, 1, "CP-5")]);                                                        // left family 20 before T: not its child
            var at = new DateTimeOffset(2025, 4, 2, 6, 0, 0, TimeSpan.Zero);
            load.Commit(new IngestReport("later", new DateOnly(2025, 4, 1), "tests", "1", at, at, []), "tester");
        }

        var comparison = store.Prompts.Programme().Comparison;

        // Records reach 1 Apr 2025, past every run's year: all followed up. Prompted 10, 20, 30: 1 escalated (10), offered 10 only.
        // Comparison 40, 50, 60: 1 escalated (40). K = 3, so the halves nearest the cut are one rank each: prompt rank 3
        // (family 30, not escalated) against comparison rank 4 (family 40, escalated).
        Assert.Equal(
            [
                new(ComparisonRow.OfferedEarlyHelp, 1, 1, 1), new(ComparisonRow.Prompted, 3, 3, 1), new(ComparisonRow.NotPrompted, 3, 3, 1),
                new(ComparisonRow.PromptedNearCut, 1, 1, 0), new ComparisonCounts(ComparisonRow.NotPromptedNearCut, 1, 1, 1),
            ], comparison);
    }

    private static SourceEvent Later(long person, int year, int month, int day, string reference) =>
        new(new PersonId(person), new DateOnly(year, month, day), null, null, reference);

    private IHubStore OpenWithFamiliesBelow(TimeProvider? clock = null)
    {
        var store = Hub.Open(clock ?? new FixedClock(SavedAt));
        PanelFamilies.Load(store);
        using var load = store.BeginLoad();
        int[] families = [40, 50, 60, 70];
        load.AddPeople(families.SelectMany(f => new[]
        {
            new Person(new PersonId(100 + f), new YearMonth(1985, 1), null), new Person(new PersonId(101 + f), new YearMonth(2015, 1), null),
        }).ToArray());
        load.AddFamilies(families.Select(f => new FamilyId(f)).ToArray());
        var since = new DateOnly(2015, 1, 1);
        load.AddFamilyMemberships(families.SelectMany(f => new FamilyMembership[]
        {
            new(new FamilyId(f), new PersonId(100 + f), FamilyRole.Parent, since, null), new(new FamilyId(f), new PersonId(101 + f), FamilyRole.Child, since, null),
        }).ToArray());
        var at = new DateTimeOffset(2024, 3, 1, 7, 0, 0, TimeSpan.Zero);
        load.Commit(new IngestReport("below", PanelFamilies.AsOf, "tests", "1", at, at, []), "tester");
        return store;
    }

    private List<long[]> Rows(string sql) => [.. Hub.QueryRows(sql).Select(row => row.Select(value => Convert.ToInt64(value, CultureInfo.InvariantCulture)).ToArray())];
}

public sealed class SqliteComparisonSetTests : ComparisonSetTests<SqliteHubFixture>;

public sealed class PostgresComparisonSetTests : ComparisonSetTests<PostgresHubFixture>;
