using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Audit;

/// <summary>Entries appended in one batch chain exactly as if appended one by one, and the search filters them.</summary>
public sealed class AuditBatchTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2024, 4, 2, 9, 30, 0, TimeSpan.Zero);
    private readonly SqliteHubFixture hub = new();

    public void Dispose() => hub.Dispose();

    [Fact]
    public void Append_Batch_SameChainAsOneByOne()
    {
        var records = new[]
        {
            new AuditRecord("a.practitioner", "prompt.view", "P-0000-0001", "run 1, rank 1"),
            new AuditRecord("a.practitioner", "queue.view", "run 1", "status all"),
            new AuditRecord("ig.reviewer", "audit_log.export", "audit log", "2 entries"),
        };
        AuditEntry[] single;
        using (var store = hub.Open(new FixedClock(Start)))
        {
            store.AuditLog.Append("tester", "first", "subject", "");
            single = records.Select(r => store.AuditLog.Append(r.Actor, r.Action, r.Subject, r.Detail)).ToArray();
        }
        hub.Delete();

        using var batched = hub.Open(new FixedClock(Start));
        batched.AuditLog.Append("tester", "first", "subject", "");
        var entries = batched.AuditLog.Append(records);

        // Same fields, same clock, same predecessor: every hash must come out the same.
        Assert.Equal(single, entries);
        Assert.True(batched.AuditLog.Verify().IsIntact);
    }

    [Fact]
    public void Search_ActionPrefixActorAndTime_FilterNewestFirst()
    {
        var clock = new FixedClock(Start);
        using var store = hub.Open(clock);
        foreach (var (actor, action) in new[] { ("a", "sign_in.success"), ("b", "sign_in.failure"), ("a", "sign_inx"), ("a", "prompt.view") })
        {
            store.AuditLog.Append(actor, action, "subject", "");
            clock.Now = clock.Now.AddHours(1);
        }

        Assert.Equal([2L, 1L], store.AuditLog.Search(new AuditFilter { Action = "sign_in" }).Select(e => e.Id));
        Assert.Equal([4L, 3L, 1L], store.AuditLog.Search(new AuditFilter { Actor = "a" }).Select(e => e.Id));
        Assert.Equal([3L, 2L], store.AuditLog.Search(new AuditFilter { From = Start.AddHours(1), Before = Start.AddHours(3) }).Select(e => e.Id));
        Assert.Equal([2L], store.AuditLog.Search(new AuditFilter { BeforeId = 3, Limit = 1 }).Select(e => e.Id));
    }
}
