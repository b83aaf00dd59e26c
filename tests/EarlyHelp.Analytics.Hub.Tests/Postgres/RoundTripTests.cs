using System.Diagnostics;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using EarlyHelp.Analytics.Hub.Tests.Prompts;

namespace EarlyHelp.Analytics.Hub.Tests.Postgres;

/// <summary>
/// A panel review and a batch of view entries each wait for the server once for their locks and reads and once for
/// their inserts, however many entries the batch holds: on busy cores every round trip waits for PostgreSQL's backend
/// to be scheduled (docs/postgresql.md#the-panel-under-load). Npgsql traces each command or batch it sends as one
/// activity; the commit, sent on its own, is not traced, so two activities are two round trips before it.
/// </summary>
public sealed class RoundTripTests : PromptHubTests<PostgresHubFixture>
{
    [StoreFact]
    public void Review_OnPostgres_SendsItsLocksAndReadsInOneBatchAndItsInsertsInAnother()
    {
        using var store = OpenWithRun(out var run);
        var queue = store.Prompts.Queue(run.Id, new QueueFilter());
        // The hub's first review also reads where the chains start; every later one finds the chain's end in the batch.
        Assert.IsType<ReviewRecording.Recorded>(store.Prompts.Review(new ReviewSubmission(queue[0].Reference, ReviewOutcome.Other, "seen", "one", null)));

        var (recording, commands) = Traced(() => store.Prompts.Review(new ReviewSubmission(queue[1].Reference, ReviewOutcome.Other, "seen", "one", null)));

        Assert.IsType<ReviewRecording.Recorded>(recording);
        Assert.Equal(2, commands);
        var verification = store.AuditLog.Verify();
        Assert.True(verification.IsIntact, verification.Problem);
    }

    [StoreFact]
    public void Amendment_OnPostgres_IsTwoBatchesLikeAFirstReview()
    {
        using var store = OpenWithRun(out var run);
        var reference = store.Prompts.Queue(run.Id, new QueueFilter())[0].Reference;
        var first = Assert.IsType<ReviewRecording.Recorded>(store.Prompts.Review(new ReviewSubmission(reference, ReviewOutcome.Other, "seen", "one", null)));

        var (recording, commands) = Traced(() => store.Prompts.Review(new ReviewSubmission(reference, ReviewOutcome.Other, "again", "one", first.Review.Id)));

        Assert.Equal(first.Review.Id, Assert.IsType<ReviewRecording.Recorded>(recording).Review.Supersedes);
        Assert.Equal(2, commands);
    }

    [StoreFact]
    public void ViewEntries_OnPostgres_AreTwoBatchesHoweverManyThereAre()
    {
        using var store = Hub.Open(new FixedClock(SavedAt));
        var records = Enumerable.Range(1, 20).Select(i => new AuditRecord("viewer", "prompt.view", $"P-{i}", "")).ToArray();

        var (entries, commands) = Traced(() => store.AuditLog.Append(records));

        Assert.Equal(20, entries.Count);
        Assert.Equal(2, commands);
        var verification = store.AuditLog.Verify();
        Assert.True(verification.IsIntact, verification.Problem);
    }

    /// <summary>Runs <paramref name="work"/> and counts the commands and batches Npgsql sent for it on this thread.</summary>
    private static (T Result, int Commands) Traced<T>(Func<T> work)
    {
        var thread = Environment.CurrentManagedThreadId;
        var commands = 0;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = activity =>
            {
                if (Environment.CurrentManagedThreadId == thread && activity.OperationName != "connect")
                    Interlocked.Increment(ref commands);
            },
        };
        ActivitySource.AddActivityListener(listener);
        var result = work();
        return (result, commands);
    }
}
