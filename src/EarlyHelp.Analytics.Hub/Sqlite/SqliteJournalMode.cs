using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;
using Microsoft.Data.Sqlite;

namespace EarlyHelp.Analytics.Hub.Sqlite;

/// <summary>
/// Switches a SQLite hub between its two journal modes. The rollback journal (the default) suits loading: one large
/// transaction writes each page once. A write-ahead log suits serving: readers never wait for the writer, and a
/// commit is one append and one flush (measured 3 ms against 12 to 17 ms for the rollback journal's several
/// flushes on the development machine), which is what lets the panel app audit every page view before sending it.
/// The mode is a property of the file; switching needs no other connection to hold it open.
/// </summary>
public static class SqliteJournalMode
{
    /// <summary>Switches the hub at <paramref name="path"/> to a write-ahead log; <see cref="BadInputException"/> when another program has it open.</summary>
    public static void UseWriteAheadLog(string path)
    {
        if (!TrySwitch(path, "WAL"))
            throw new BadInputException(path, "cannot switch the hub to a write-ahead log for serving: another program has it open; try again when it has finished");
    }

    /// <summary>Switches the hub back to its rollback journal; false (and no change) when another connection still holds it open.</summary>
    public static bool TryUseRollbackJournal(string path) => TrySwitch(path, "DELETE");

    /// <summary>
    /// Copies what the write-ahead log holds back into the database file without waiting for readers or writers
    /// (a passive checkpoint), on a connection of its own. The server runs this in the background: left to SQLite,
    /// the commit that fills the log (1,000 pages) does the copy and its flush itself, and every view waiting on
    /// that commit's audit entry waits with it (measured as p99 spikes of several hundred milliseconds).
    /// Returns the frames in the log and the frames now copied.
    /// </summary>
    public static (long LogFrames, long CopiedFrames) Checkpoint(string path)
    {
        using var connection = new SqliteConnection(SqliteHubStore.ConnectionString(path, readOnly: false));
        connection.Open();
        SqliteHubStore.Pragma(connection, "synchronous = FULL");
        using var command = connection.Command(null, "PRAGMA wal_checkpoint(PASSIVE)");
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(1), reader.GetInt64(2)) : (0, 0);
    }

    /// <summary>Stops commits on <paramref name="connection"/> from checkpointing, and caps the log file kept after a checkpoint at 64 MiB.</summary>
    internal static void LeaveCheckpointsToTheServer(SqliteConnection connection)
    {
        SqliteHubStore.Pragma(connection, "wal_autocheckpoint = 0");
        SqliteHubStore.Pragma(connection, $"journal_size_limit = {64 * 1024 * 1024}");
    }

    /// <summary>Whether the database on <paramref name="connection"/> uses a write-ahead log.</summary>
    internal static bool IsWriteAheadLog(SqliteConnection connection) =>
        string.Equals(connection.Scalar(null, "PRAGMA journal_mode") as string, "wal", StringComparison.OrdinalIgnoreCase);

    private static bool TrySwitch(string path, string mode)
    {
        using var connection = new SqliteConnection(SqliteHubStore.ConnectionString(path, readOnly: false));
        connection.Open();
        SqliteHubStore.Pragma(connection, "busy_timeout = 2000");
        try
        {
            return string.Equals(connection.Scalar(null, $"PRAGMA journal_mode = {mode}") as string, mode, StringComparison.OrdinalIgnoreCase);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_BUSY)
        {
            return false;
        }
    }
}
