using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Sqlite;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Sqlite;

/// <summary>The hub switches to a write-ahead log for serving and back to its rollback journal once nobody holds it.</summary>
public sealed class SqliteJournalModeTests : IDisposable
{
    private readonly SqliteHubFixture hub = new();

    public void Dispose() => hub.Dispose();

    [Fact]
    public void UseWriteAheadLog_StoreOpenedAfter_KeepsTheLog()
    {
        using (hub.Open())
        {
        }

        SqliteJournalMode.UseWriteAheadLog(hub.HubPath);

        using var store = hub.Open();
        Assert.Equal("wal", hub.Query("PRAGMA journal_mode"));
        store.AuditLog.Append("tester", "test", "subject", "written through the log");
        Assert.True(store.AuditLog.Verify().IsIntact);
    }

    [Fact]
    public void TryUseRollbackJournal_WhileAStoreIsOpen_RefusesThenSucceedsOnceClosed()
    {
        using (hub.Open())
        {
        }
        SqliteJournalMode.UseWriteAheadLog(hub.HubPath);
        var store = hub.Open();

        Assert.False(SqliteJournalMode.TryUseRollbackJournal(hub.HubPath));
        store.Dispose();

        Assert.True(SqliteJournalMode.TryUseRollbackJournal(hub.HubPath));
        Assert.Equal("delete", hub.Query("PRAGMA journal_mode"));
    }

    [Fact]
    public void UseWriteAheadLog_WhileALoadIsUnderWay_ClearError()
    {
        using var store = hub.Open();
        using var load = store.BeginLoad();

        var error = Assert.Throws<BadInputException>(() => SqliteJournalMode.UseWriteAheadLog(hub.HubPath));

        Assert.Equal("cannot switch the hub to a write-ahead log for serving: another program has it open; try again when it has finished", error.Reason);
    }

    [Fact]
    public void Checkpoint_AfterCommitsOnTheLog_CopiesEveryFrameBack()
    {
        using (hub.Open())
        {
        }
        SqliteJournalMode.UseWriteAheadLog(hub.HubPath);
        using var store = hub.Open();
        for (var i = 0; i < 20; i++)
            store.AuditLog.Append("tester", "test", "subject", "written through the log");

        var (logFrames, copiedFrames) = SqliteJournalMode.Checkpoint(hub.HubPath);

        // The store's commits do not checkpoint themselves, so the log still holds their frames for this call to copy.
        Assert.True(logFrames > 0);
        Assert.Equal(logFrames, copiedFrames);
        Assert.True(store.AuditLog.Verify().IsIntact);
    }
}
