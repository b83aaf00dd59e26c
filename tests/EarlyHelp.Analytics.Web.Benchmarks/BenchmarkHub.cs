using System.Data.Common;
using EarlyHelp.Analytics.Hub.Audit;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EarlyHelp.Analytics.Web.Benchmarks;

/// <summary>
/// The hub a benchmark run serves and writes to: a new SQLite file in the run's folder, or a new schema on a
/// PostgreSQL server (dropped when the run ends). <see cref="Location"/> is what <c>earlyhelp --hub</c> and
/// <c>HubStore.Open</c> take for it.
/// </summary>
internal sealed class BenchmarkHub : IDisposable
{
    private readonly string? serverConnectionString;
    private readonly string? schema;

    private BenchmarkHub(string location, string? serverConnectionString, string? schema)
    {
        Location = location;
        this.serverConnectionString = serverConnectionString;
        this.schema = schema;
    }

    /// <summary>The hub argument: the SQLite file's path, or the connection string whose search path is the new schema.</summary>
    public string Location { get; }

    /// <summary>The store's name for the report: SQLite or PostgreSQL.</summary>
    public string Store => schema is null ? "SQLite" : "PostgreSQL";

    /// <summary>A new SQLite hub at <c>hub.db</c> in <paramref name="folder"/>.</summary>
    public static BenchmarkHub Sqlite(string folder) => new(Path.Combine(folder, "hub.db"), null, null);

    /// <summary>
    /// A new schema on the server <paramref name="serverConnectionString"/> names (a role that may create schemas). Its
    /// audit key and checkpoints are kept in <paramref name="folder"/>, named by <c>EARLYHELP_AUDIT_KEY_FILE</c> and
    /// <c>EARLYHELP_AUDIT_CHECKPOINT_FILE</c> for this process and the server and verifier it starts, so no file is left
    /// in the working folder and no other hub's checkpoints are read.
    /// </summary>
    public static BenchmarkHub Postgres(string serverConnectionString, string folder)
    {
        var schema = $"earlyhelp_bench_{Guid.NewGuid():N}"[..32];
        using (var connection = new NpgsqlConnection(serverConnectionString))
        {
            connection.Open();
            Execute(connection, $"CREATE SCHEMA {schema}");
        }
        Environment.SetEnvironmentVariable(AuditKey.EnvironmentVariable, Path.Combine(folder, "hub.auditkey"));
        Environment.SetEnvironmentVariable(AuditCheckpoint.EnvironmentVariable, Path.Combine(folder, "hub.checkpoints"));
        var location = new NpgsqlConnectionStringBuilder(serverConnectionString) { SearchPath = schema }.ConnectionString;
        return new BenchmarkHub(location, serverConnectionString, schema);
    }

    /// <summary>The review records the hub holds, read on a connection of its own.</summary>
    public long ReviewRecords()
    {
        using DbConnection connection = schema is null
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Location, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString())
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Location) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM review";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Drops a PostgreSQL hub's schema; a SQLite hub goes with the run's folder.</summary>
    public void Dispose()
    {
        if (schema is null)
            return;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(serverConnectionString);
        connection.Open();
        Execute(connection, $"DROP SCHEMA {schema} CASCADE");
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
