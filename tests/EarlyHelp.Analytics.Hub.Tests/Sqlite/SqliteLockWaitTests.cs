using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace EarlyHelp.Analytics.Hub.Tests.Sqlite;

/// <summary>
/// The bundled SQLite's busy handler waits in milliseconds. A build without <c>usleep</c> (SQLitePCLRaw 2.0.6's
/// bundle, SQLite 3.35.5) sleeps a whole second per retry, so a writer that meets a lock held for 120 ms waited
/// 1,004 ms; the panel app once kept its audit commits and reads apart for that reason.
/// </summary>
public sealed class SqliteLockWaitTests(ITestOutputHelper output) : IDisposable
{
    private const int HoldMilliseconds = 120;

    private readonly string folder = Directory.CreateTempSubdirectory("earlyhelp-lock-wait-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void BeginImmediate_LockHeld120MsByAnotherConnection_WaitsFarLessThanASecond()
    {
        SQLitePCL.Batteries_V2.Init();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "lock.db"), Pooling = false }.ToString();
        using var holder = Open(connectionString);
        using var waiter = Open(connectionString);
        Execute(holder, "CREATE TABLE entry (id INTEGER PRIMARY KEY)");
        // SQLite's own busy handler, not Microsoft.Data.Sqlite's retry loop, does the waiting.
        Execute(waiter, "PRAGMA busy_timeout = 5000");

        Execute(holder, "BEGIN IMMEDIATE");
        var release = new Thread(() =>
        {
            Thread.Sleep(HoldMilliseconds);
            Execute(holder, "COMMIT");
        });
        release.Start();
        var clock = Stopwatch.StartNew();
        Execute(waiter, "BEGIN IMMEDIATE");
        var waited = clock.Elapsed.TotalMilliseconds;
        Execute(waiter, "INSERT INTO entry DEFAULT VALUES");
        Execute(waiter, "COMMIT");
        release.Join();

        output.WriteLine($"SQLite {SQLitePCL.raw.sqlite3_libversion().utf8_to_string()}: the writer waited {waited:F0} ms for a lock held {HoldMilliseconds} ms.");
        // The handler's delays are 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 ms (sqliteDefaultBusyCallback in
        // SQLite's main.c), so a 120 ms hold ends within about 135 ms; the bound leaves room for a loaded machine
        // and still fails at the whole second a build without usleep sleeps.
        Assert.InRange(waited, HoldMilliseconds - 20, 700);
    }

    private static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
