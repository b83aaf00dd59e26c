using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EarlyHelp.Analytics.Hub.Sqlite;

/// <summary>What the SQLite readers share: opening a read connection, through ADO.NET or natively.</summary>
internal static class SqliteReading
{
    /// <summary>Opens a read-only connection that waits for a running load to commit rather than fail.</summary>
    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        SqliteHubStore.Pragma(connection, "busy_timeout = 30000");
        return connection;
    }

    /// <summary>
    /// Opens a native read-only handle on <paramref name="path"/> without SQLite's per-call mutex: one
    /// enumeration uses it on one thread at a time, and the mutex took a sixth of the time of reading events.
    /// </summary>
    public static sqlite3 OpenNative(string path)
    {
        var result = raw.sqlite3_open_v2(path, out var database, raw.SQLITE_OPEN_READONLY | raw.SQLITE_OPEN_NOMUTEX, null);
        if (result != raw.SQLITE_OK)
        {
            var message = raw.sqlite3_errstr(result).utf8_to_string();
            database.Dispose();
            throw new SqliteException($"cannot open '{path}': {message}", result);
        }
        raw.sqlite3_busy_timeout(database, 30_000);
        return database;
    }
}
