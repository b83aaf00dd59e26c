using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Audit;

/// <summary>
/// A hub from before the trail was keyed: its SHA-256 chain is checked once when it is opened, recorded, and the
/// keyed chain continues from its head.
/// </summary>
public sealed class AuditKeyingMigrationTests : HubStoreTests<SqliteHubFixture>
{
    private static readonly DateTimeOffset Start = new(2024, 4, 2, 9, 30, 0, TimeSpan.Zero);

    /// <summary>A hub at schema 7 with four unkeyed entries (two of them reviews) and two unkeyed review records, as the older program wrote them.</summary>
    private void UnkeyedHub()
    {
        Hub.CreateAtVersion(7);
        var previous = AuditEntry.GenesisHash;
        var entries = new[] { ("ingest", "extracts"), ("review.add", "review 1: offer_early_help"), ("review.amend", "review 2: other, supersedes review 1"), ("prompt.view", "queue") };
        for (var i = 0; i < entries.Length; i++)
        {
            var (action, detail) = entries[i];
            var at = Start.AddMinutes(i);
            var hash = AuditEntry.ComputeHash(previous, i + 1, at, "a.practitioner", action, "P-AAAA-AAAA", detail);
            Hub.Execute($"INSERT INTO audit_log VALUES ({i + 1}, '{AuditEntry.FormatTime(at)}', 'a.practitioner', '{action}', 'P-AAAA-AAAA', '{detail}', '{previous}', '{hash}')");
            previous = hash;
        }
        Hub.Execute("INSERT INTO scoring_run VALUES (1, 'm', '1', 'sha', '2024-03-01', 1, '2024-03-02T09:00:00.0000000+00:00', 'analyst', 1, 0, 0, 0)");
        Hub.Execute("INSERT INTO prompt (reference, run_id, family_id, rank, probability, band, content) VALUES ('P-AAAA-AAAA', 1, 10, 1, 0.5, 'high', '{}')");
        Hub.Execute("INSERT INTO review VALUES (1, 'P-AAAA-AAAA', 'offer_early_help', 'first look', 'a.practitioner', '2024-04-02T09:31:00.0000000+00:00', NULL)");
        Hub.Execute("INSERT INTO review VALUES (2, 'P-AAAA-AAAA', 'other', 'second look', 'a.practitioner', '2024-04-02T09:32:00.0000000+00:00', 1)");
    }

    [Fact]
    public void Open_UnkeyedHub_RecordsItsChainAndKeysWhatFollows()
    {
        UnkeyedHub();
        var unkeyedHead = (string)Hub.Query("SELECT hash FROM audit_log WHERE id = 4")!;

        using var store = Hub.Open(new FixedClock(Start.AddHours(1)));
        var start = store.AuditLog.ChainStart();
        var appended = store.AuditLog.Append("ig.reviewer", "audit_log.verify", "audit log", "checked");
        var result = store.AuditLog.Verify();

        Assert.Equal((4L, unkeyedHead, 2L, (string?)null), (start.UnkeyedEntries, start.UnkeyedHead, start.UnkeyedReviews, start.UnkeyedProblem));
        // The first keyed entry, written as the key is made, signs that record.
        var signature = store.AuditLog.Entries()[4];
        Assert.Equal((5L, "audit.chain_start", unkeyedHead), (signature.Id, signature.Action, signature.PreviousHash));
        Assert.StartsWith("4 entries and 2 reviews were written before the trail was keyed on ", signature.Detail, StringComparison.Ordinal);
        Assert.Equal(signature.Hash, appended.PreviousHash);
        Assert.Equal(AuditEntry.ComputeMac(AuditKey.Read(store.AuditLog.KeyFile), signature.Hash, 6, Start.AddHours(1), "ig.reviewer", "audit_log.verify", "audit log", "checked"), appended.Hash);
        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal((6L, 4L, 2L, 2L), (result.Entries, result.UnkeyedEntries, result.Reviews, result.UnkeyedReviews));
    }

    [Fact]
    public void Open_UnkeyedHubAlreadyBroken_RecordsWhereAndEveryCheckSaysSo()
    {
        UnkeyedHub();
        Hub.Execute("DROP TRIGGER audit_log_no_update");
        Hub.Execute("UPDATE audit_log SET detail = 'edited' WHERE id = 2");

        using var store = Hub.Open();

        Assert.Equal("entry 2: its hash does not match its contents", store.AuditLog.ChainStart().UnkeyedProblem);
        Assert.Equal(2, store.AuditLog.Verify().FirstBrokenId);
    }

    [Fact]
    public void Verify_UnkeyedEntryRemovedAfterKeying_IsFound()
    {
        UnkeyedHub();
        using (var store = Hub.Open())
            store.AuditLog.Append("ig.reviewer", "audit_log.verify", "audit log", "checked");

        // The last unkeyed entry is removed: entries 1 to 3 still form a valid unkeyed chain, but the keyed entry 5 (the signature) follows a gap.
        Hub.Execute("DROP TRIGGER audit_log_no_delete");
        Hub.Execute("DELETE FROM audit_log WHERE id = 4");

        using var reopened = Hub.Open();
        Assert.Equal(5, reopened.AuditLog.Verify().FirstBrokenId);
    }

    [Fact]
    public void Verify_UnkeyedReviewEditedAfterKeying_IsFound()
    {
        UnkeyedHub();
        using (var store = Hub.Open())
            Assert.True(store.AuditLog.Verify().IsIntact);
        Hub.Execute("DROP TRIGGER review_no_update");
        Hub.Execute("UPDATE review SET reason = 'changed' WHERE review_id = 1");

        using var reopened = Hub.Open();
        Assert.Equal("review 2: the reviews written before the chain was keyed do not match the record made then", reopened.AuditLog.Verify().Problem);
    }

    [Fact]
    public void Verify_SignedRecordOfTheKeyedStartChanged_IsFound()
    {
        UnkeyedHub();
        using (var store = Hub.Open())
            Assert.True(store.AuditLog.Verify().IsIntact);
        Hub.Execute("DROP TRIGGER audit_chain_no_update");
        Hub.Execute("UPDATE audit_chain SET keyed_at = '2020-01-01T00:00:00.0000000+00:00'");

        using var reopened = Hub.Open();
        Assert.Equal("the hub's record of where the keyed chain starts is not the one entry 5 signed: it was changed", reopened.AuditLog.Verify().Problem);
    }

    [Fact]
    public void Open_KeyedBeforeTheRecordWasSigned_SignsItWhenTheKeyedChainBearsItOut()
    {
        UnkeyedHub();
        var key = KeyedByAnOlderProgram();
        // As an older program went on: a keyed entry after the unkeyed ones, and no signature.
        var head = (string)Hub.Query("SELECT hash FROM audit_log WHERE id = 4")!;
        var at = Start.AddHours(1);
        var hash = AuditEntry.ComputeMac(key, head, 5, at, "ig.reviewer", "audit_log.verify", "audit log", "checked");
        Hub.Execute($"INSERT INTO audit_log VALUES (5, '{AuditEntry.FormatTime(at)}', 'ig.reviewer', 'audit_log.verify', 'audit log', 'checked', '{head}', '{hash}')");

        using var store = Hub.Open();
        var result = store.AuditLog.Verify();

        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal((6L, "audit.chain_start"), (store.AuditLog.Entries()[^1].Id, store.AuditLog.Entries()[^1].Action));
    }

    [Fact]
    public void Open_UnsignedRecordNothingKeyedBearsOut_StaysUnsignedAfterLaterEntries()
    {
        UnkeyedHub();
        KeyedByAnOlderProgram();
        using (var store = Hub.Open())
        {
            Assert.Equal("audit.chain_start_unproven", store.AuditLog.Entries()[^1].Action);
            store.AuditLog.Append("ig.reviewer", "audit_log.verify", "audit log", "checked");
        }

        using var reopened = Hub.Open();
        Assert.Equal(
            "the hub records 4 entries and 2 reviews as written before the trail was keyed, but no audit.chain_start entry signs that record: it was changed, or nothing keyed has been written since keying",
            reopened.AuditLog.Verify().Problem);
    }

    /// <summary>Brings the unkeyed hub to the latest schema with a key, as an older program did: without signing the record.</summary>
    private AuditKey KeyedByAnOlderProgram()
    {
        Hub.CreateAtVersion(Analytics.Hub.Schema.Migrations.LatestVersion);
        return AuditKey.Create(Hub.HubPath + AuditKey.DefaultSuffix);
    }
}
