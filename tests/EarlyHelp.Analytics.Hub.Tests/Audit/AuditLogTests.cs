using System.Security.Cryptography;
using System.Text;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Audit;

/// <summary>The audit log appends hash-chained entries and finds a tampered one.</summary>
public abstract class AuditLogTests<TFixture> : HubStoreTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    private static readonly DateTimeOffset Start = new(2024, 4, 2, 9, 30, 0, TimeSpan.Zero);
    [StoreFact]
    public void Append_FirstEntry_MacsTheDocumentedCanonicalTextWithTheKeyFile()
    {
        using var store = Hub.Open(new FixedClock(Start));

        var entry = store.AuditLog.Append("a.practitioner", "prompt.view", "family F-7Q2", "ranked queue, position 3");

        // The documented form: HMAC-SHA256, keyed by the 64 hex digits of the key file, of the JSON array
        // ["audit", previous hash, id, time, actor, action, subject, detail].
        const string canonical = """["audit","0000000000000000000000000000000000000000000000000000000000000000",1,"2024-04-02T09:30:00.0000000+00:00","a.practitioner","prompt.view","family F-7Q2","ranked queue, position 3"]""";
        var key = Convert.FromHexString(File.ReadAllText(store.AuditLog.KeyFile).Trim());
        Assert.Equal(32, key.Length);
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical))), entry.Hash);
        Assert.Equal(AuditEntry.GenesisHash, entry.PreviousHash);
    }

    [StoreFact]
    public void ComputeHash_UnkeyedEntry_HashesTheDocumentedCanonicalText()
    {
        // Entries written before the trail was keyed: SHA-256 of [previous hash, id, time, actor, action, subject, detail].
        const string canonical = """["0000000000000000000000000000000000000000000000000000000000000000",1,"2024-04-02T09:30:00.0000000+00:00","a.practitioner","prompt.view","family F-7Q2","ranked queue, position 3"]""";

        var hash = AuditEntry.ComputeHash(AuditEntry.GenesisHash, 1, Start, "a.practitioner", "prompt.view", "family F-7Q2", "ranked queue, position 3");

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), hash);
    }

    [StoreFact]
    public void Append_ThreeEntries_ChainsAndVerifies()
    {
        var clock = new FixedClock(Start);
        using var store = Hub.Open(clock);

        var entries = new[] { "first", "second", "third" }.Select(detail =>
        {
            clock.Now = clock.Now.AddMinutes(1);
            return store.AuditLog.Append("tester", "test", "subject", detail);
        }).ToArray();

        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Id));
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.Equal(entries[1].Hash, entries[2].PreviousHash);
        Assert.Equal(entries, store.AuditLog.Entries());
        Assert.Equal(new AuditVerification(3, null, null), store.AuditLog.Verify());
    }

    [StoreFact]
    public void ExportPages_FilterMatchingMoreThanAPage_GiveEveryMatchOldestFirstAndNothingWrittenSince()
    {
        using var store = Hub.Open(new FixedClock(Start));
        // 2,501 entries alternating between two actions: the odd ids, 1,251 of them, are 'note.kept'.
        store.AuditLog.Append(Enumerable.Range(1, 2_501).Select(i => new AuditRecord("a.new.user", i % 2 == 1 ? "note.kept" : "note.other", "s", "")).ToArray());
        var filter = new AuditFilter { Action = "note.kept" };

        var (count, lastId) = store.AuditLog.ExportRange(filter);
        store.AuditLog.Append("a.new.user", "note.kept", "s", "written after the export began");
        var exported = new List<AuditEntry>();
        for (var page = store.AuditLog.ExportPage(filter, 0, lastId); page.Count > 0; page = store.AuditLog.ExportPage(filter, page[^1].Id, lastId))
            exported.AddRange(page);

        Assert.Equal((1_251L, 2_501L), (count, lastId));
        Assert.Equal(Enumerable.Range(0, 1_251).Select(i => 2L * i + 1), exported.Select(e => e.Id));
    }

    [StoreFact]
    public void Verify_EmptyLog_IsIntact()
    {
        using var store = Hub.Open();

        Assert.True(store.AuditLog.Verify().IsIntact);
    }
}

public sealed class SqliteAuditLogTests : AuditLogTests<SqliteHubFixture>
{
    [StoreFact]
    public void Verify_EntryChangedBehindTheGuard_ReportsTheFirstBrokenEntry()
    {
        using (var store = Hub.Open())
        {
            foreach (var detail in new[] { "first", "second", "third" })
                store.AuditLog.Append("tester", "test", "subject", detail);
        }
        // Someone with file access removes the guard and edits entry 2.
        Hub.Execute("DROP TRIGGER audit_log_no_update");
        Hub.Execute("UPDATE audit_log SET detail = 'edited' WHERE id = 2");

        using var reopened = Hub.Open();
        var result = reopened.AuditLog.Verify();

        Assert.Equal(new AuditVerification(1, 2, "its hash does not match its contents"), result);
    }
}

public sealed class PostgresAuditLogTests : AuditLogTests<PostgresHubFixture>;
