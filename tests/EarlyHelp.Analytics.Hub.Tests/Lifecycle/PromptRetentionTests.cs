using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Lifecycle;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using EarlyHelp.Analytics.Hub.Tests.Prompts;

namespace EarlyHelp.Analytics.Hub.Tests.Lifecycle;

/// <summary>
/// Prompts past their period leave with their reviews, next steps and data-quality queries; the period runs from the last
/// thing done with a prompt; the review chain is cut from its front only and still verifies.
/// </summary>
public abstract class PromptRetentionTests<TFixture> : PromptHubTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    [StoreFact]
    public void Apply_PromptsUntouchedForTheirPeriod_LeaveWithReviewsQueriesAndSteps_APromptWithALaterStepStays()
    {
        // Review 1 (of the first prompt) raises a data-quality query; review 2 offers the second early help.
        using var store = OpenWithReviews(out var clock, out var run, out var queue,
            (0, ReviewOutcome.DataLooksWrong, "The police.asb_incident record has the wrong family"), (1, ReviewOutcome.OfferEarlyHelp, "Offer a family support worker"));
        Assert.Equal(1L, Count("data_quality_query"));

        // 2030-03-03 09:00: 72 months back is 2024-03-03 09:00. The first and third prompts were last touched a day
        // before it and go; the second's next step is a month inside it, so it stays with its review and step.
        clock.Now = new(2030, 3, 3, 9, 0, 0, TimeSpan.Zero);
        var result = HubRetention.Apply(store, "ig.officer", clock: clock);

        Assert.Equal(new PromptRemoval(Prompts: 2, Reviewed: 1, Reviews: 1, NextSteps: 0, DataQualityQueries: 1, Held: 0), result.Prompts);
        Assert.Equal([queue[1]], store.Prompts.Queue(run.Id, new QueueFilter()).Select(p => p.Reference));
        Assert.Equal((0L, 0L, 1L, 1L), (Count("data_quality_query"), Count("data_quality_step"), Count("prompt_next_step"), Count("review")));
        Assert.Equal(2L, Convert.ToInt64(Hub.Query("SELECT MIN(review_id) FROM review")));
        Assert.True(store.AuditLog.Verify().IsIntact);

        // A review after the cut follows the last review ever written (3, not 2 again), and the trail still verifies.
        clock.Now = new(2030, 3, 4, 9, 0, 0, TimeSpan.Zero);
        var amended = Assert.IsType<ReviewRecording.Recorded>(store.Prompts.Review(
            new ReviewSubmission(queue[1], ReviewOutcome.NoActionNeeded, "Family declined; closed", "a.practitioner", 2))).Review;
        Assert.Equal(3L, amended.Id);
        Assert.True(store.AuditLog.Verify().IsIntact);

        // 2036-03-05 09:00: 72 months back is 2030-03-05 09:00, after the amendment of 2030-03-04: the last prompt goes too,
        // leaving no review at all; the chain still verifies from the cut.
        clock.Now = new(2036, 3, 5, 9, 0, 0, TimeSpan.Zero);
        var last = HubRetention.Apply(store, "ig.officer", clock: clock);

        Assert.Equal(new PromptRemoval(1, 1, 2, 1, 0, 0), last.Prompts);
        Assert.Equal((0L, 0L), (Count("review"), Count("prompt_next_step")));
        var verification = store.AuditLog.Verify();
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(3L, verification.Reviews);
    }

    [StoreFact]
    public void Apply_QueryOneRemoved_TheNextQueryIsNumberTwoNotOneAgain()
    {
        using var store = OpenWithReviews(out var clock, out _, out var queue,
            (0, ReviewOutcome.DataLooksWrong, "The police.asb_incident record has the wrong family"), (1, ReviewOutcome.OfferEarlyHelp, "Offer a family support worker"));
        clock.Now = new(2030, 3, 3, 9, 0, 0, TimeSpan.Zero);
        HubRetention.Apply(store, "ig.officer", clock: clock);
        Assert.Equal(0L, Count("data_quality_query"));

        // Review 2 of the prompt that stayed is amended to "data looks wrong": its query is number 2, since an audit entry
        // may still name query 1.
        Assert.IsType<ReviewRecording.Recorded>(store.Prompts.Review(
            new ReviewSubmission(queue[1], ReviewOutcome.DataLooksWrong, "The housing.rent_arrears amount is wrong", "a.practitioner", 2)));

        Assert.Equal(2L, Convert.ToInt64(Hub.Query("SELECT query_id FROM data_quality_query")));
        Assert.Equal("data-quality query 2", store.AuditLog.Entries()[^1].Subject);
    }

    [StoreFact]
    public void Apply_DuePromptReviewedAfterAPromptStillInItsPeriod_IsHeldUntilThatOneIsDue()
    {
        // Review 1 is of the second prompt, review 2 of the first; the second prompt's next step keeps it inside its period
        // at 2030-03-03. The review chain is cut from its front only, so the first prompt, due, waits behind review 1; the
        // third, never reviewed, goes.
        using var store = OpenWithReviews(out var clock, out var run, out var queue,
            (1, ReviewOutcome.OfferEarlyHelp, "Offer a family support worker"), (0, ReviewOutcome.NoActionNeeded, "Known to the school; no concern"));
        clock.Now = new(2030, 3, 3, 9, 0, 0, TimeSpan.Zero);

        var result = HubRetention.Apply(store, "ig.officer", clock: clock);

        Assert.Equal(new PromptRemoval(1, 0, 0, 0, 0, Held: 1), result.Prompts);
        Assert.Equal(new[] { queue[0], queue[1] }.ToHashSet(), store.Prompts.Queue(run.Id, new QueueFilter()).Select(p => p.Reference).ToHashSet());
        Assert.Null(result.AuditCut);
        Assert.EndsWith("1 prompts untouched since 2024-03-03 deleted (0 of them reviewed) with 0 reviews, 0 next steps and 0 data-quality queries; 1 held behind a later review",
            Assert.Single(store.AuditLog.Entries(), e => e.Action == HubRetention.Action).Detail, StringComparison.Ordinal);
    }

    [StoreFact]
    public void Apply_RunJustInsideThePromptPeriod_KeepsEveryPrompt()
    {
        var clock = new FixedClock(SavedAt);
        using var store = OpenWithRun(out var run, clock);
        // 2030-03-01 09:00: 72 months back is 2024-03-01 09:00, a day before the run.
        clock.Now = new(2030, 3, 1, 9, 0, 0, TimeSpan.Zero);

        var result = HubRetention.Apply(store, "ig.officer", clock: clock);

        Assert.Equal(0L, result.Prompts.Prompts);
        Assert.Equal(3, store.Prompts.Queue(run.Id, new QueueFilter()).Count);
    }

    /// <summary>
    /// The run of 2024-03-02 09:00 with <paramref name="reviews"/> (prompt index, outcome, reason) then, in order, and a
    /// next step on the second prompt recorded on 2024-04-02 09:00.
    /// </summary>
    private IHubStore OpenWithReviews(out FixedClock clock, out ScoringRun run, out PromptReference[] queue, params (int Prompt, ReviewOutcome Outcome, string Reason)[] reviews)
    {
        clock = new FixedClock(SavedAt);
        var store = OpenWithRun(out run, clock);
        queue = store.Prompts.Queue(run.Id, new QueueFilter()).Select(p => p.Reference).ToArray();
        foreach (var (prompt, outcome, reason) in reviews)
            Review(store, queue[prompt], outcome, reason);
        clock.Now = SavedAt.AddMonths(1);
        Assert.Empty(store.Prompts.RecordNextStep(queue[1], NextStep.Contacted, new(2024, 4, 1), "Phoned mum", "a.practitioner"));
        return store;
    }

    private long Count(string table) => Convert.ToInt64(Hub.Query($"SELECT COUNT(*) FROM {table}"));

    private static void Review(IHubStore store, PromptReference reference, ReviewOutcome outcome, string reason) =>
        Assert.IsType<ReviewRecording.Recorded>(store.Prompts.Review(new ReviewSubmission(reference, outcome, reason, "a.practitioner", null)));
}

public sealed class SqlitePromptRetentionTests : PromptRetentionTests<SqliteHubFixture>;

public sealed class PostgresPromptRetentionTests : PromptRetentionTests<PostgresHubFixture>;
