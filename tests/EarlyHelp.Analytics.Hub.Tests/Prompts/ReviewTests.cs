using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using Microsoft.Data.Sqlite;

namespace EarlyHelp.Analytics.Hub.Tests.Prompts;

/// <summary>Review records: append-only, amended by new records, guarded against lost updates.</summary>
public abstract class ReviewTests<TFixture> : PromptHubTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    [StoreFact]
    public void HelpOffers_AnOfferLaterAmended_CountsFromTheFirstOffer_AndOtherOutcomesAreNotOffers()
    {
        var clock = new FixedClock(SavedAt);
        using var store = OpenWithRun(out var run, clock);
        var queue = store.Prompts.Queue(run.Id, new QueueFilter());

        clock.Now = SavedAt.AddDays(1);
        var offer = ((ReviewRecording.Recorded)store.Prompts.Review(new ReviewSubmission(queue[0].Reference, ReviewOutcome.OfferEarlyHelp, "offer", "one", null))).Review;
        clock.Now = SavedAt.AddDays(3);
        store.Prompts.Review(new ReviewSubmission(queue[0].Reference, ReviewOutcome.NoActionNeeded, "on reflection", "two", offer.Id));
        store.Prompts.Review(new ReviewSubmission(queue[1].Reference, ReviewOutcome.NoActionNeeded, "known to services", "one", null));

        // The top-ranked prompt is the family scored highest; it was offered help on 3 March 2024, a day after the run was saved.
        var topFamily = PanelFamilies.Submission().Prompts.MaxBy(p => p.Probability)!.Family;
        Assert.Equal([new HelpOffer(topFamily, PanelFamilies.AsOf, new DateOnly(2024, 3, 3))], store.Prompts.HelpOffers());
    }

    [StoreFact]
    public void Review_FirstThenAmendment_KeepsBothAndTheQueueShowsTheLatest()
    {
        var clock = new FixedClock(SavedAt);
        using var store = OpenWithRun(out var run, clock);
        var reference = store.Prompts.Queue(run.Id, new QueueFilter())[0].Reference;

        clock.Now = SavedAt.AddHours(1);
        var first = Assert.IsType<ReviewRecording.Recorded>(store.Prompts.Review(
            new ReviewSubmission(reference, ReviewOutcome.OfferEarlyHelp, "Several call-outs; no service involved", "a.practitioner", null))).Review;
        clock.Now = SavedAt.AddHours(2);
        var amendment = Assert.IsType<ReviewRecording.Recorded>(store.Prompts.Review(
            new ReviewSubmission(reference, ReviewOutcome.AlreadySupported, "The IDVA service holds the case", "another.practitioner", first.Id))).Review;

        Assert.Equal([first, amendment], store.Prompts.Reviews(reference));
        Assert.Equal(first.Id, amendment.Supersedes);
        Assert.Equal(SavedAt.AddHours(2), amendment.At);
        Assert.Equal(amendment, store.Prompts.Queue(run.Id, new QueueFilter())[0].LatestReview);
        Assert.Equal(["review.add", "review.amend"], store.AuditLog.Entries().TakeLast(2).Select(e => e.Action));
        Assert.Equal($"review {amendment.Id}: already_supported, supersedes review {first.Id}", store.AuditLog.Entries()[^1].Detail);
    }

    [StoreFact]
    public void Review_SupersedingAnOlderRecord_OutdatedAndNothingStored()
    {
        using var store = OpenWithRun(out var run);
        var reference = store.Prompts.Queue(run.Id, new QueueFilter())[0].Reference;
        var first = ((ReviewRecording.Recorded)store.Prompts.Review(new ReviewSubmission(reference, ReviewOutcome.Other, "first", "one", null))).Review;
        var second = ((ReviewRecording.Recorded)store.Prompts.Review(new ReviewSubmission(reference, ReviewOutcome.Other, "second", "two", first.Id))).Review;

        // A third reviewer loaded the page before the second record and amends the first.
        var outcome = store.Prompts.Review(new ReviewSubmission(reference, ReviewOutcome.NoActionNeeded, "third", "three", first.Id));

        Assert.Equal(second, Assert.IsType<ReviewRecording.Outdated>(outcome).Latest);
        Assert.Equal(2, store.Prompts.Reviews(reference).Count);
    }

    [StoreFact]
    public void Review_NoReason_RefusedAndNothingStored()
    {
        using var store = OpenWithRun(out var run);
        var reference = store.Prompts.Queue(run.Id, new QueueFilter())[0].Reference;
        var entries = store.AuditLog.Entries().Count;

        var outcome = store.Prompts.Review(new ReviewSubmission(reference, ReviewOutcome.NoActionNeeded, "  ", "a.practitioner", null));

        Assert.Equal(["Give a reason for the outcome."], Assert.IsType<ReviewRecording.Refused>(outcome).Problems);
        Assert.Empty(store.Prompts.Reviews(reference));
        Assert.Equal(entries, store.AuditLog.Entries().Count);
    }

    [StoreFact]
    public void Queue_Filters_SelectByStatusOutcomeAndBand()
    {
        using var store = OpenWithRun(out var run);
        var queue = store.Prompts.Queue(run.Id, new QueueFilter());
        store.Prompts.Review(new ReviewSubmission(queue[1].Reference, ReviewOutcome.NoActionNeeded, "reason", "a.practitioner", null));
        int[] Ranks(QueueFilter filter) => store.Prompts.Queue(run.Id, filter).Select(q => q.Rank).ToArray();

        Assert.Equal([1, 3], Ranks(new QueueFilter { Status = QueueStatus.AwaitingReview }));
        Assert.Equal([2], Ranks(new QueueFilter { Status = QueueStatus.Reviewed }));
        Assert.Equal([2], Ranks(new QueueFilter { Outcome = ReviewOutcome.NoActionNeeded }));
        Assert.Empty(Ranks(new QueueFilter { Outcome = ReviewOutcome.OfferEarlyHelp }));
        Assert.Equal([3], Ranks(new QueueFilter { Band = RiskBand.Moderate }));
        Assert.Empty(Ranks(new QueueFilter { Status = QueueStatus.AwaitingReview, Band = RiskBand.High }));
    }
}

public sealed class SqliteReviewTests : ReviewTests<SqliteHubFixture>
{
    [StoreTheory]
    [InlineData("UPDATE review SET reason = 'changed'")]
    [InlineData("DELETE FROM review")]
    public void Review_ChangedBehindTheStore_RefusedByTheDatabase(string sql)
    {
        using (var store = OpenWithRun(out var run))
        {
            var reference = store.Prompts.Queue(run.Id, new QueueFilter())[0].Reference;
            store.Prompts.Review(new ReviewSubmission(reference, ReviewOutcome.Other, "reason", "a.practitioner", null));
        }

        var error = Assert.Throws<SqliteException>(() => Hub.Execute(sql));

        Assert.Contains("review is append-only", error.Message, StringComparison.Ordinal);
    }
}

public sealed class PostgresReviewTests : ReviewTests<PostgresHubFixture>;
