using System.Security.Cryptography;
using System.Text;
using EarlyHelp.Analytics.Hub.Postgres;
using EarlyHelp.Analytics.Hub.Schema;
using EarlyHelp.Analytics.Hub.Store;
using Npgsql;

namespace EarlyHelp.Analytics.Hub.Tests.Fixtures;

/// <summary>
/// A PostgreSQL hub in a fresh schema of the test server's database, dropped with the fixture; its fingerprint is a
/// SHA-256 over every table's definition and rows in a fixed order.
/// </summary>
public sealed class PostgresHubFixture : IHubStoreFixture
{
    public PostgresHubFixture()
    {
        Scratch = Path.Combine(Path.GetTempPath(), $"earlyhelp-hub-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Scratch);
        Schema = $"hub_test_{Guid.NewGuid():N}";
        using (var connection = PostgresServer.Connect())
            PostgresServer.Execute(connection, $"CREATE SCHEMA {Schema}");
        var builder = PostgresServer.WithoutPooling();
        builder.SearchPath = Schema;
        ConnectionString = builder.ConnectionString;
    }

    /// <summary>The schema the hub lives in.</summary>
    public string Schema { get; }

    /// <summary>The hub's connection string (the server's, with the schema as search path).</summary>
    public string ConnectionString { get; }

    public string Scratch { get; }

    /// <summary>The audit key file: kept in the scratch folder, as the SQLite fixture keeps it beside the hub.</summary>
    public string AuditKeyFile => Path.Combine(Scratch, "hub.audit-key");

    public IHubStore Open(TimeProvider? clock = null)
    {
        // With the suite switched to partitioned hubs, the hub is partitioned when first opened (after any older schema
        // a test created), so that every load of the test goes through the partitioned tables.
        if (PostgresServer.Partitions is { } partitions)
            PostgresPartitioning.Partition(ConnectionString, partitions);
        return PostgresHubStore.Open(ConnectionString, clock, AuditKeyFile);
    }

    public void Delete()
    {
        using var connection = PostgresServer.Connect();
        PostgresServer.Execute(connection, $"DROP SCHEMA {Schema} CASCADE; CREATE SCHEMA {Schema}");
        File.Delete(AuditKeyFile);
    }

    public void CreateAtVersion(int version)
    {
        using var connection = Connect();
        SchemaMigrator.Migrate(connection, PostgresDialect.Instance, Schema, version);
    }

    public void Execute(string sql)
    {
        using var connection = Connect();
        PostgresServer.Execute(connection, sql);
    }

    public object? Query(string sql) => QueryRows(sql).FirstOrDefault()?[0];

    public IReadOnlyList<object?[]> QueryRows(string sql)
    {
        using var connection = Connect();
        return HubRows.Read(connection, sql, Normalise);
    }

    public string Fingerprint()
    {
        using var connection = Connect();
        var tables = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                tables.Add(reader.GetString(0));
        }
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            // Columns with their types, then the rows as text in a fixed order.
            command.CommandText = $"""
                SELECT (SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position) FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = '{table}'),
                       (SELECT string_agg(t::text, E'\n' ORDER BY t::text) FROM {table} t)
                """;
            using var reader = command.ExecuteReader();
            reader.Read();
            text.Append(table).Append('(').Append(reader.GetString(0)).Append(")\n").Append(reader.IsDBNull(1) ? "" : reader.GetString(1)).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>A plain connection to the hub's schema, for tests that look under the store.</summary>
    public NpgsqlConnection Connect() => PostgresServer.Connect(Schema);

    public void Dispose()
    {
        try
        {
            using var connection = PostgresServer.Connect();
            PostgresServer.Execute(connection, $"DROP SCHEMA IF EXISTS {Schema} CASCADE");
        }
        finally
        {
            try
            {
                Directory.Delete(Scratch, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a failing test; the temp folder is cleaned by the system.
            }
        }
    }

    /// <summary>Integers as SQLite returns them (64-bit), so that tests compare values the same way on both.</summary>
    private static object Normalise(object value) => value switch
    {
        short s => (long)s,
        int i => (long)i,
        decimal d when d == decimal.Truncate(d) => (long)d,
        _ => value,
    };
}
