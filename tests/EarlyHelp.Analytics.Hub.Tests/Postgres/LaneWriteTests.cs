using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using EarlyHelp.Analytics.Hub.Tests.Prompts;

namespace EarlyHelp.Analytics.Hub.Tests.Postgres;

/// <summary>
/// On PostgreSQL a review, a batch of view entries and a scoring run's save write beside each other, each holding only
/// its lane (<see cref="DbConnectionExtensions.BeginLaneWriteTransaction"/>), while every other writer still excludes
/// them all. The other connection here plays the part of another process (a scoring run, a load).
/// </summary>
public sealed class LaneWriteTests : PromptHubTests<PostgresHubFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [StoreFact]
    public void Review_WhileAScoringRunSaveHoldsItsLane_IsRecordedAtOnce()
    {
        using var store = OpenWithRun(out var run);
        var reference = store.Prompts.Queue(run.Id, new QueueFilter())[0].Reference;

        using var scoring = Hub.Connect();
        using var saving = scoring.BeginLaneWriteTransaction(WriteLane.ScoringRuns);
        var review = Task.Run(() => store.Prompts.Review(new ReviewSubmission(reference, ReviewOutcome.Other, "seen", "one", null)));

        Assert.True(review.Wait(Patience), "The review waited for a scoring run's save.");
        Assert.IsType<ReviewRecording.Recorded>(review.Result);
        saving.Rollback();
    }

    [StoreFact]
    public void Review_WhileAnotherWriterHoldsTheHub_WaitsUntilItEnds()
    {
        using var store = OpenWithRun(out var run);
        var reference = store.Prompts.Queue(run.Id, new QueueFilter())[0].Reference;

        using var other = Hub.Connect();
        var holding = other.BeginWriteTransaction();
        var review = Task.Run(() => store.Prompts.Review(new ReviewSubmission(reference, ReviewOutcome.Other, "seen", "one", null)));

        Assert.False(review.Wait(TimeSpan.FromMilliseconds(500)), "The review went through while another writer held the hub.");
        holding.Rollback();
        Assert.True(review.Wait(Patience), "The review never went through after the other writer ended.");
        Assert.IsType<ReviewRecording.Recorded>(review.Result);
    }

    [StoreFact]
    public void ReviewsViewEntriesAndScoringRuns_WrittenAtOnceFromFourConnections_KeepEveryChainAndNumberWhole()
    {
        const int Rounds = 12;
        using var store = OpenWithRun(out var run);
        var queue = store.Prompts.Queue(run.Id, new QueueFilter());
        var entriesBefore = store.AuditLog.Entries().Count;
        using var start = new Barrier(4);

        var writers = new Action<IHubStore>[]
        {
            hub => Amend(hub, queue[0].Reference, Rounds),
            hub => Amend(hub, queue[1].Reference, Rounds),
            hub =>
            {
                for (var i = 0; i < Rounds; i++)
                    hub.Prompts.SaveRun(PanelFamilies.Submission());
            },
            hub =>
            {
                for (var i = 0; i < Rounds; i++)
                    hub.AuditLog.Append([new AuditRecord("viewer", "prompt.view", "P-1", "a"), new AuditRecord("viewer", "prompt.view", "P-2", "b")]);
            },
        };
        var tasks = writers.Select(write => Task.Run(() =>
        {
            using var own = Hub.Open(new FixedClock(SavedAt));
            start.SignalAndWait(Patience);
            write(own);
        })).ToArray();

        Assert.True(Task.WaitAll(tasks, Patience * 4), "The writers did not finish.");
        // Two chains of 12 amendments, 12 runs after the first, 12 batches of two view entries.
        var verification = store.AuditLog.Verify();
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(2 * Rounds, verification.Reviews);
        Assert.Equal(entriesBefore + 2 * Rounds + Rounds + 2 * Rounds, store.AuditLog.Entries().Count);
        Assert.Equal(Enumerable.Range(1, Rounds + 1).Select(i => (long)i), store.Prompts.Runs().Select(r => r.Id.Value).Order());
    }

    /// <summary>Records <paramref name="count"/> reviews of one prompt, each amending the one before.</summary>
    private static void Amend(IHubStore hub, PromptReference reference, int count)
    {
        long? latest = null;
        for (var i = 0; i < count; i++)
            latest = Assert.IsType<ReviewRecording.Recorded>(hub.Prompts.Review(new ReviewSubmission(reference, ReviewOutcome.Other, $"round {i}", "one", latest))).Review.Id;
    }
}
