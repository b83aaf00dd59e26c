using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Prompts;

/// <summary>Saving runs, reading the queue and prompts, and the opt-out's effect on them.</summary>
public abstract class PromptStoreTests<TFixture> : PromptHubTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    [StoreFact]
    public void SaveRun_ThreeFamilies_StoresTheRunRanksBandsAndAnAuditEntry()
    {
        using var store = OpenWithRun(out var run);

        Assert.Equal(new ScoringRun(new ScoringRunId(1), new ModelReference("escalation", "2024.1", new string('c', 64)),
            PanelFamilies.AsOf, 3, SavedAt, "an.analyst", 40, new ExclusionCounts(2, 1, 5), 3), run);
        Assert.Equal([run], store.Prompts.Runs());
        var queue = store.Prompts.Queue(run.Id, new QueueFilter());
        Assert.Equal([1, 2, 3], queue.Select(q => q.Rank));
        // 0.62 ≥ 0.50 very high; 0.25 ≤ 0.31 < 0.50 high; 0.10 ≤ 0.12 < 0.25 moderate.
        Assert.Equal([RiskBand.VeryHigh, RiskBand.High, RiskBand.Moderate], queue.Select(q => q.Band));
        Assert.Equal(3, queue.Select(q => q.Reference).Distinct().Count());
        Assert.All(queue, q => Assert.Null(q.LatestReview));
        var entry = store.AuditLog.Entries()[^1];
        Assert.Equal(("an.analyst", "scoring_run.save", "run 1", "model escalation 2024.1; as of 2024-03-01; capacity 3; 3 prompts"),
            (entry.Actor, entry.Action, entry.Subject, entry.Detail));
    }

    [StoreFact]
    public void SaveRun_MorePromptsThanOneStatementCarries_StoresEachInOrderWithItsOwnReferenceAndContext()
    {
        using var store = Hub.Open(new FixedClock(SavedAt));
        PanelFamilies.Load(store);
        // The three loaded families first, then 227 families with no members: 230 prompts, three statements of at most 100.
        var small = PanelFamilies.Submission();
        var extra = Enumerable.Range(0, 227).Select(i => new ScoredFamily(new FamilyId(1000 + i), 0.11 - i * 0.0004, small.Prompts[2].Content));
        var submission = small with { Capacity = 230, FamiliesScored = 400, Prompts = [.. small.Prompts, .. extra] };

        var run = store.Prompts.SaveRun(submission);

        var queue = store.Prompts.Queue(run.Id, new QueueFilter());
        Assert.Equal(Enumerable.Range(1, 230), queue.Select(q => q.Rank));
        Assert.Equal(submission.Prompts.Select(p => p.Probability), queue.Select(q => q.Probability));
        Assert.Equal(230, queue.Select(q => q.Reference).Distinct().Count());
        Assert.All(queue, q => Assert.NotNull(store.Prompts.FindContext(q.Reference)));
        // Family 30 on 1 March 2024: its parent, born July 1985, is 38; its child, born August 2014, is 9.
        Assert.Equal([new MemberAge(FamilyRole.Parent, 38), new MemberAge(FamilyRole.Child, 9)], store.Prompts.FindContext(queue[2].Reference)!.Members);
        Assert.Empty(store.Prompts.FindContext(queue[229].Reference)!.Members);
    }

    [StoreFact]
    public void SaveRun_OverCapacity_ThrowsAndStoresNothing()
    {
        using var store = Hub.Open(new FixedClock(SavedAt));
        PanelFamilies.Load(store);

        var error = Assert.Throws<ArgumentException>(() => store.Prompts.SaveRun(PanelFamilies.Submission(capacity: 2)));

        Assert.StartsWith("The scoring run cannot be saved: The 'Prompts' must number at most the capacity 2. Got 3 instead.", error.Message);
        Assert.Empty(store.Prompts.Runs());
        Assert.Equal(0L, Convert.ToInt64(Hub.Query("SELECT COUNT(*) FROM prompt")));
    }

    [StoreFact]
    public void Find_SavedPrompt_ReturnsTheContentAsSubmitted()
    {
        using var store = OpenWithRun(out var run);
        var first = store.Prompts.Queue(run.Id, new QueueFilter())[0];

        var prompt = store.Prompts.Find(first.Reference)!;

        var expected = PanelFamilies.Submission().Prompts[0].Content;
        Assert.Equal((first.Reference, run.Id, 1, 0.62), (prompt.Reference, prompt.Run, prompt.Rank, prompt.Probability));
        Assert.Equal(expected.Evidence, prompt.Content.Evidence);
        Assert.Equal(expected.Trajectories[0].MonthlyCounts, prompt.Content.Trajectories[0].MonthlyCounts);
        Assert.Equal(expected.Trajectories[0] with { MonthlyCounts = [] }, prompt.Content.Trajectories[0] with { MonthlyCounts = [] });
        Assert.Equal(expected.Agencies, prompt.Content.Agencies);
        Assert.Equal(expected.Freshness, prompt.Content.Freshness);
    }

    [StoreFact]
    public void Find_UnknownReference_ReturnsNull()
    {
        using var store = OpenWithRun(out _);

        Assert.Null(store.Prompts.Find(PromptReference.Parse("P-0000-0000")));
    }

    [StoreFact]
    public void OptOutAdd_MemberOfAPromptedFamily_HidesEveryPromptOfTheFamilyReviewedOrNot()
    {
        using var store = OpenWithRun(out var run);
        var queue = store.Prompts.Queue(run.Id, new QueueFilter());
        var reviewed = queue[2].Reference;
        var review = ((ReviewRecording.Recorded)store.Prompts.Review(
            new ReviewSubmission(reviewed, ReviewOutcome.AlreadySupported, "Known to the school nurse", "a.practitioner", null))).Review;

        // Person 4 is the parent of family 20 (rank 2, open); person 7 the parent of family 30 (rank 3, reviewed).
        store.OptOuts.Add(new PersonId(4), "objected to profiling", "an.administrator");
        store.OptOuts.Add(new PersonId(7), "restricted processing", "an.administrator");

        Assert.Equal([1], store.Prompts.Queue(run.Id, new QueueFilter()).Select(q => q.Rank));
        Assert.Null(store.Prompts.Find(queue[1].Reference));
        Assert.Null(store.Prompts.Find(reviewed));
        // No names revealed and no amendment of the reviewed prompt; its review stays as the record of what was decided.
        Assert.IsType<Reidentification.PromptNotFound>(store.Prompts.Reidentify(reviewed, "to check", "a.practitioner"));
        Assert.IsType<ReviewRecording.PromptNotFound>(store.Prompts.Review(
            new ReviewSubmission(reviewed, ReviewOutcome.Other, "amended", "a.practitioner", review.Id)));
        Assert.Equal([review], store.Prompts.Reviews(reviewed));
        Assert.Equal([("person 4", "1 prompt hidden: a family member is on the opt-out register"), ("person 7", "1 prompt hidden: a family member is on the opt-out register")],
            store.AuditLog.Entries().Where(e => e.Action == "prompt.hide").Select(e => (e.Subject, e.Detail)));
        // No audit entry names a person on the register beside a prompt reference.
        var references = queue.Select(q => q.Reference.Value).ToArray();
        Assert.DoesNotContain(store.AuditLog.Entries(), e => (e.Subject + " " + e.Detail) is var text
            && (text.Contains("person 4", StringComparison.Ordinal) || text.Contains("person 7", StringComparison.Ordinal))
            && references.Any(r => text.Contains(r, StringComparison.Ordinal)));
    }

    [StoreFact]
    public void SaveRun_OptOutAddedWhileTheRunScored_SavesTheFamilysPromptHidden()
    {
        // The run scored the three families before person 1 (parent of family 10, rank 1) joined the register.
        using var store = Hub.Open(new FixedClock(SavedAt));
        PanelFamilies.Load(store);
        var scored = PanelFamilies.Submission();
        store.OptOuts.Add(new PersonId(1), "objected to profiling", "an.administrator");

        var run = store.Prompts.SaveRun(scored);

        Assert.Equal([2, 3], store.Prompts.Queue(run.Id, new QueueFilter()).Select(q => q.Rank));
        Assert.EndsWith("3 prompts; 1 hidden at saving: a family member joined the opt-out register during the run",
            store.AuditLog.Entries().Single(e => e.Action == "scoring_run.save").Detail, StringComparison.Ordinal);
    }

    [StoreFact]
    public void Reidentify_WithPurpose_ShowsMembersOnTheAsOfDateAndAudits()
    {
        using var store = OpenWithRun(out var run);
        var second = store.Prompts.Queue(run.Id, new QueueFilter())[1].Reference;

        var shown = Assert.IsType<Reidentification.Shown>(store.Prompts.Reidentify(second, "  to check against the early help case file ", "a.practitioner"));

        // Family 20 on 1 March 2024: parent 4 and child 9; child 5 left on 1 Jan, child 6 joined on 1 Apr.
        Assert.Equal(
        [
            new IdentifiedMember(FamilyRole.Parent, "Forename4", "Surname4", new DateOnly(1985, 4, 1)),
            new IdentifiedMember(FamilyRole.Child, "Forename9", "Surname9", new DateOnly(2014, 9, 1)),
        ], shown.Members);
        var entry = store.AuditLog.Entries()[^1];
        Assert.Equal(("a.practitioner", "prompt.reidentify", second.Value, "purpose: to check against the early help case file; 2 members shown"),
            (entry.Actor, entry.Action, entry.Subject, entry.Detail));
    }

    [StoreFact]
    public void Reidentify_MemberWithoutIdentity_ShownWithoutName()
    {
        using var store = OpenWithRun(out var run);
        var third = store.Prompts.Queue(run.Id, new QueueFilter())[2].Reference;

        var shown = Assert.IsType<Reidentification.Shown>(store.Prompts.Reidentify(third, "case check", "a.practitioner"));

        // Person 8 has no identity row.
        Assert.Contains(new IdentifiedMember(FamilyRole.Child, null, null, null), shown.Members);
    }

    [StoreTheory]
    [InlineData("", "State the purpose of seeing the family's names.")]
    [InlineData(null, "The purpose must be at most 500 characters. Got 501 instead.")]
    public void Reidentify_MissingOrOverlongPurpose_RefusedAndNotAudited(string? purpose, string message)
    {
        using var store = OpenWithRun(out var run);
        var entries = store.AuditLog.Entries().Count;
        var first = store.Prompts.Queue(run.Id, new QueueFilter())[0].Reference;

        var refused = Assert.IsType<Reidentification.Refused>(store.Prompts.Reidentify(first, purpose ?? new string('x', 501), "a.practitioner"));

        Assert.Equal([message], refused.Problems);
        Assert.Equal(entries, store.AuditLog.Entries().Count);
    }

    [StoreFact]
    public void Reidentify_UnknownReference_NotFound()
    {
        using var store = OpenWithRun(out _);

        Assert.IsType<Reidentification.PromptNotFound>(store.Prompts.Reidentify(PromptReference.Parse("P-0000-0000"), "purpose", "a.practitioner"));
    }
}

public sealed class SqlitePromptStoreTests : PromptStoreTests<SqliteHubFixture>;

public sealed class PostgresPromptStoreTests : PromptStoreTests<PostgresHubFixture>;
