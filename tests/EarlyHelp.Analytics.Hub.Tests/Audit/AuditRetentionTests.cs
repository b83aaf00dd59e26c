using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Lifecycle;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using EarlyHelp.Analytics.Hub.Tests.Prompts;

namespace EarlyHelp.Analytics.Hub.Tests.Audit;

/// <summary>
/// The audit log's own period: entries past it are cut from the front and replaced by an entry recording the cut, so the
/// trail verifies from there and still shows tampering.
/// </summary>
public abstract class AuditRetentionTests<TFixture> : PromptHubTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    /// <summary>2032-03-03 09:00: 96 months back is 2024-03-03 09:00, a day after the run of 2024-03-02 09:00.</summary>
    protected static readonly DateTimeOffset CutAt = new(2032, 3, 3, 9, 0, 0, TimeSpan.Zero);

    [StoreFact]
    public void Apply_EntriesPastThePeriod_AreCutAndTheTrailVerifiesFromTheCut()
    {
        using var store = OpenWithReviews(out var clock, out var written);
        var checkpoints = Path.Combine(Hub.Scratch, "hub.checkpoints");
        store.AuditLog.WriteCheckpoint(checkpoints);
        // The entries of 2024-03-02 are 96 months and a day old; those of 2024-03-04 are a day inside the period.
        var outside = written.Count(e => e.At < CutAt.AddMonths(-96));
        Assert.Equal(written.Count(e => e.At == SavedAt), outside);
        clock.Now = CutAt;

        var result = HubRetention.Apply(store, "ig.officer", clock: clock);

        var cut = Assert.IsType<AuditTrailCut>(result.AuditCut);
        Assert.Equal((AuditCut.None, (long)outside, 1L, 2L), (cut.Before, cut.After.Entries, cut.After.ReviewEntries, cut.After.Reviews));
        var kept = store.AuditLog.Entries();
        Assert.Equal(outside + 1, kept[0].Id);
        Assert.Equal(written.Where(e => e.At > CutAt.AddMonths(-96)), kept.Take(written.Count - outside));
        var record = kept[^1];
        Assert.Equal(("ig.officer", AuditCut.Action, "audit trail", cut.After.RecordedBy), (record.Actor, record.Action, record.Subject, record.Id));
        Assert.StartsWith($"entries 1 to {outside} ({outside}, written before 2024-03-03) and reviews 1 to 2 (2) removed by retention; the trail now starts after entry {outside} (hash {written[outside - 1].Hash}; 1 review entries removed in all)",
            record.Detail, StringComparison.Ordinal);
        var verification = store.AuditLog.Verify(AuditCheckpoint.Read(checkpoints));
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal((outside, kept[^1].Id, 1), (verification.RemovedEntries, verification.Entries, verification.Checkpoints));

        // Two days later the entries of 2024-03-04 are past the period too: a second cut carries the first forward.
        clock.Now = CutAt.AddDays(2);
        var second = Assert.IsType<AuditTrailCut>(HubRetention.Apply(store, "ig.officer", clock: clock).AuditCut);
        Assert.Equal((cut.After.Entries, 2L, 2L), (second.Before.Entries, second.After.ReviewEntries, second.After.Reviews));
        Assert.Equal(written.Count, second.After.Entries);
        Assert.True(store.AuditLog.Verify().IsIntact, store.AuditLog.Verify().Problem);
    }

    [StoreFact]
    public void Apply_EveryEntryJustInsideThePeriod_RemovesNone()
    {
        using var store = OpenWithReviews(out var clock, out var written);
        // 2032-03-01 09:00: 96 months back is 2024-03-01 09:00, a day before the first entry; prompts are kept 96 months too.
        clock.Now = CutAt.AddDays(-2);

        var result = HubRetention.Apply(store, "ig.officer", RetentionPeriods.Default with { PromptMonths = 96 }, clock);

        Assert.Null(result.AuditCut);
        Assert.Equal(written, store.AuditLog.Entries().Take(written.Count));
        Assert.DoesNotContain(store.AuditLog.Entries(), e => e.Action == AuditCut.Action);
    }

    /// <summary>The run of 2024-03-02 09:00 with review 1 of its first prompt then; review 2 of the second on 2024-03-04 09:00.</summary>
    protected IHubStore OpenWithReviews(out FixedClock clock, out IReadOnlyList<AuditEntry> written)
    {
        clock = new FixedClock(SavedAt);
        var store = OpenWithRun(out var run, clock);
        var queue = store.Prompts.Queue(run.Id, new QueueFilter()).Select(p => p.Reference).ToArray();
        Review(store, queue[0], "Known to the school; no concern");
        clock.Now = SavedAt.AddDays(2);
        Review(store, queue[1], "Known to health visiting; no concern");
        written = store.AuditLog.Entries();
        return store;
    }

    private static void Review(IHubStore store, PromptReference reference, string reason) =>
        Assert.IsType<ReviewRecording.Recorded>(store.Prompts.Review(new ReviewSubmission(reference, ReviewOutcome.NoActionNeeded, reason, "a.practitioner", null)));
}

public sealed class SqliteAuditRetentionTests : AuditRetentionTests<SqliteHubFixture>
{
    [Fact]
    public void Verify_KeptEntryEditedAfterTheCut_Fails()
    {
        using var store = OpenWithReviews(out var clock, out _);
        clock.Now = CutAt;
        var cut = HubRetention.Apply(store, "ig.officer", clock: clock).AuditCut!;
        var firstKept = cut.After.Entries + 1;
        AuditTampering.DropGuards(Hub, "audit_log");

        Hub.Execute($"UPDATE audit_log SET actor = 'someone.else' WHERE id = {firstKept}");

        var verification = store.AuditLog.Verify();
        Assert.Equal((firstKept, "its hash does not match its contents"), (verification.FirstBrokenId, verification.Problem));
    }

    [Fact]
    public void Verify_CutEntryEdited_Fails()
    {
        using var store = OpenWithReviews(out var clock, out _);
        clock.Now = CutAt;
        var cut = HubRetention.Apply(store, "ig.officer", clock: clock).AuditCut!;
        AuditTampering.DropGuards(Hub, "audit_log");

        // Claiming fewer entries were removed than were: the count is signed with the rest of the entry.
        Hub.Execute($"UPDATE audit_log SET detail = replace(detail, ', written before', ' , written before') WHERE id = {cut.After.RecordedBy}");

        var verification = store.AuditLog.Verify();
        Assert.Equal((cut.After.RecordedBy, "its hash does not match its contents"), (verification.FirstBrokenId, verification.Problem));
    }

    [Fact]
    public void Verify_CutEntryRemovedWithEverythingAfterIt_Fails()
    {
        using var store = OpenWithReviews(out var clock, out _);
        clock.Now = CutAt;
        var cut = HubRetention.Apply(store, "ig.officer", clock: clock).AuditCut!;

        // Without the cut entry nothing says where the trail starts: it must start at entry 1.
        AuditTampering.Truncate(Hub, cut.After.RecordedBy - 1);

        var verification = store.AuditLog.Verify();
        Assert.Equal($"expected entry 1 but found {cut.After.Entries + 1}", verification.Problem);
    }

    [Fact]
    public void Apply_TrailThatDoesNotVerify_IsRefusedAndNothingIsDeleted()
    {
        using var store = OpenWithReviews(out var clock, out var written);
        AuditTampering.DropGuards(Hub, "audit_log");
        Hub.Execute("UPDATE audit_log SET detail = 'edited' WHERE id = 2");
        clock.Now = CutAt;

        var error = Assert.Throws<EarlyHelp.Analytics.Core.BadInputException>(() => HubRetention.Apply(store, "ig.officer", clock: clock));

        Assert.Contains("the audit trail does not verify (entry 2: its hash does not match its contents)", error.Message, StringComparison.Ordinal);
        Assert.Equal(written.Count, store.AuditLog.Entries().Count);
        Assert.Equal(2L, Convert.ToInt64(Hub.Query("SELECT COUNT(*) FROM review")));
    }

    [Fact]
    public void Ingest_TrailThatDoesNotVerify_LoadsButCutsNothing()
    {
        // The first load's entries are of 2024-04-01; the second load runs on 2032-04-02, a day after they leave their period.
        var folder = SmallCity.WriteTo(Hub.Scratch).Path;
        var clock = new FixedClock(new DateTimeOffset(2024, 4, 1, 9, 0, 0, TimeSpan.Zero));
        using var store = Hub.Open(clock);
        ExtractIngest.Run(store, folder, "tester", clock: clock);
        AuditTampering.DropGuards(Hub, "audit_log");
        Hub.Execute("UPDATE audit_log SET actor = 'someone.else' WHERE id = 1");
        clock.Now = new DateTimeOffset(2032, 4, 2, 9, 0, 0, TimeSpan.Zero);

        var report = ExtractIngest.Run(store, folder, "tester", clock: clock);

        Assert.True(report.AfterLoadSkipped);
        Assert.Null(report.AfterLoad);
        Assert.Equal(1L, store.AuditLog.Entries()[0].Id);
        Assert.DoesNotContain(store.AuditLog.Entries(), e => e.Action == AuditCut.Action);
    }
}

public sealed class PostgresAuditRetentionTests : AuditRetentionTests<PostgresHubFixture>;
