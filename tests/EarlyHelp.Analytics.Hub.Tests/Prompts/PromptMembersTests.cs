using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Prompts;

/// <summary>
/// A prompt keeps the people its family held on the run's as-of date, whatever later loads do to family ids: a later load
/// gives the three <see cref="PanelFamilies"/> each other's ids (10 → 20, 20 → 30, 30 → 10), and the opt-out register,
/// subject access and re-identification still find the family that was scored. Run 1's ranks 1, 2, 3 are families 10, 20, 30.
/// </summary>
public abstract class PromptMembersTests<TFixture> : PromptHubTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    // From PanelFamilies, on 1 March 2024: family 10 is parent 1 and children 2, 3; family 20 is parent 4 and child 9 (child 5
    // left on 1 Jan, child 6 joined on 1 Apr); family 30 is parent 7 and child 8.
    private static readonly long[][] MembersOnTheAsOfDate =
    [
        [1, 1, 0], [1, 2, 1], [1, 3, 1],
        [2, 4, 0], [2, 9, 1],
        [3, 7, 0], [3, 8, 1],
    ];

    private static FamilyId Rotated(FamilyId family) => new(family.Value == 30 ? 10 : family.Value + 10);

    [StoreFact]
    public void LaterLoad_FamiliesTakeEachOthersIds_EveryPromptKeepsItsMembersOnTheAsOfDate()
    {
        using var store = OpenWithRun(out _);

        PanelFamilies.LoadRenumbered(store, Rotated);

        // The third prompt's family id (30) now names the second family; the third prompt is still parent 7 and child 8.
        Assert.Equal([[4L], [5L], [6L], [9L]], Rows("SELECT person_id FROM family_member WHERE family_id = 30 ORDER BY person_id"));
        Assert.Equal(MembersOnTheAsOfDate, StoredMembers());
    }

    [StoreFact]
    public void OptOutAdd_MemberWhoseFamilyIdPassedToAnother_HidesTheirPromptOnlyAndAudits()
    {
        using var store = OpenWithRun(out _);
        PanelFamilies.LoadRenumbered(store, Rotated);

        // Parent 7 is now in family 10, whose old id is the first prompt's: only the third prompt is about them.
        store.OptOuts.Add(new PersonId(7), "objected to profiling", "an.administrator");

        Assert.Equal([[3L]], Rows("SELECT rank FROM prompt WHERE hidden_at IS NOT NULL"));
        var entry = store.AuditLog.Entries()[^1];
        Assert.Equal(("an.administrator", "prompt.hide", "person 7", $"1 prompt hidden: {PromptHiding.OptOutReason}"),
            (entry.Actor, entry.Action, entry.Subject, entry.Detail));
    }

    [StoreFact]
    public void SubjectAccess_MemberWhoseFamilyIdPassedToAnother_ListsTheirPromptOnly()
    {
        using var store = OpenWithRun(out var run);
        var third = store.Prompts.Queue(run.Id, new QueueFilter())[2].Reference;
        PanelFamilies.LoadRenumbered(store, Rotated);

        var report = store.SubjectAccess.Export(new PersonId(7), "subject access request 2026-301", "ig.officer");

        Assert.Equal([third.Value], report.Prompts.Select(p => p.Reference));
    }

    [StoreFact]
    public void Reidentify_AfterFamilyIdsChanged_ShowsThePeopleOfTheFamilyScored()
    {
        using var store = OpenWithRun(out var run);
        var second = store.Prompts.Queue(run.Id, new QueueFilter())[1].Reference;
        PanelFamilies.LoadRenumbered(store, Rotated);

        var shown = Assert.IsType<Reidentification.Shown>(store.Prompts.Reidentify(second, "case check", "a.practitioner"));

        // Family 20 on 1 March 2024, though id 20 now names family 10 (1, 2, 3).
        Assert.Equal(
        [
            new IdentifiedMember(FamilyRole.Parent, "Forename4", "Surname4", new DateOnly(1985, 4, 1)),
            new IdentifiedMember(FamilyRole.Child, "Forename9", "Surname9", new DateOnly(2014, 9, 1)),
        ], shown.Members);
    }

    [StoreFact]
    public void Programme_AfterFamilyIdsChanged_CountsAChildsEscalationForThePromptOfTheirFamilyAtT()
    {
        using var store = OpenWithRun(out var run);
        var first = store.Prompts.Queue(run.Id, new QueueFilter())[0].Reference;
        store.Prompts.Review(new ReviewSubmission(first, ReviewOutcome.OfferEarlyHelp, "Needs support now.", "a.practitioner", null));
        PanelFamilies.LoadRenumbered(store, Rotated);
        using (var load = store.BeginLoad())
        {
            // Child 2 of family 10 (the first prompt's, now under id 20, the second prompt's old id) starts a CIN plan within the year.
            load.AddEvents("csc.cin_plan", [new SourceEvent(new PersonId(2), new DateOnly(2024, 6, 1), null, null, "CIN-2")]);
            var at = new DateTimeOffset(2025, 4, 2, 6, 0, 0, TimeSpan.Zero);
            load.Commit(new IngestReport("later", new DateOnly(2025, 4, 1), "tests", "1", at, at, []), "tester");
        }

        var groups = store.Prompts.Programme().Groups;

        // Records reach 1 Apr 2025, a full year past T: all three followed up; the escalation is the offered prompt's.
        Assert.Equal(new ProgrammeGroupCounts(ProgrammeGroup.OfferedEarlyHelp, 1, 1, 1), groups.Single(g => g.Group == ProgrammeGroup.OfferedEarlyHelp));
        Assert.Equal(new ProgrammeGroupCounts(ProgrammeGroup.NotReviewed, 2, 2, 0), groups.Single(g => g.Group == ProgrammeGroup.NotReviewed));
    }

    [StoreFact]
    public void RecordLinkage_MemberMergedAndSplit_StoredMembersFollowAndTheMergedIdGoes()
    {
        using var store = OpenWithRun(out _);

        using (var load = store.BeginLoad())
        {
            load.AddPeople([new Person(new PersonId(10), new YearMonth(1985, 7), null), new Person(new PersonId(11), new YearMonth(2014, 2), null)]);
            // Parent 7's records now belong to new person 10 (7 is no longer used); some of child 2's records split off to 11.
            load.RecordLinkage(new LinkageRecording(null, new LinkageSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0), [],
                [new IdHistory(IdChange.Merged, 10, 7, 3), new IdHistory(IdChange.Split, 11, 2, 1)]), SavedAt);
            load.Commit(new IngestReport("relinked", new DateOnly(2024, 5, 31), "tests", "1", SavedAt, SavedAt, []), "tester");
        }
        store.OptOuts.Add(new PersonId(10), "objected to profiling", "an.administrator");

        Assert.Equal(
        [
            [1, 1, 0], [1, 2, 1], [1, 3, 1], [1, 11, 1],
            [2, 4, 0], [2, 9, 1],
            [3, 8, 1], [3, 10, 0],
        ], StoredMembers());
        Assert.Equal([[3L]], Rows("SELECT rank FROM prompt WHERE hidden_at IS NOT NULL"));
    }

    [StoreFact]
    public void Open_HubOfStep19WithPrompts_FillsTheMembersFromTheMembershipsOnTheAsOfDate()
    {
        using (OpenWithRun(out _))
        {
        }
        // As step 19 left a hub: prompts saved, no member tables.
        Hub.Execute("DROP TABLE prompt_member");
        Hub.Execute("DROP TABLE comparison_member");
        Hub.Execute("DELETE FROM schema_version WHERE version = 20");

        using var store = Hub.Open(new FixedClock(SavedAt));

        Assert.Equal(20, store.SchemaVersion);
        Assert.Equal(MembersOnTheAsOfDate, StoredMembers());
    }

    /// <summary>Run 1's stored members as rank, person and role (0 parent, 1 child), in that order.</summary>
    private List<long[]> StoredMembers() => Rows("""
        SELECT p.rank, m.person_id, CASE m.role WHEN 'parent' THEN 0 WHEN 'child' THEN 1 ELSE 2 END
        FROM prompt_member m JOIN prompt p ON p.reference = m.reference WHERE p.run_id = 1 ORDER BY p.rank, m.person_id
        """);

    private List<long[]> Rows(string sql) => [.. Hub.QueryRows(sql).Select(row => row.Select(value => Convert.ToInt64(value, CultureInfo.InvariantCulture)).ToArray())];
}

public sealed class SqlitePromptMembersTests : PromptMembersTests<SqliteHubFixture>;

public sealed class PostgresPromptMembersTests : PromptMembersTests<PostgresHubFixture>;
