using EarlyHelp.Analytics.Hub.Schema;
using EarlyHelp.Analytics.Hub.Sqlite;
using EarlyHelp.Analytics.Hub.Store;
using Microsoft.Data.Sqlite;

namespace EarlyHelp.Analytics.Hub.Tests.Fixtures;

/// <summary>A SQLite hub in a temporary file; its fingerprint is the SHA-256 of the file's bytes.</summary>
public sealed class SqliteHubFixture : IHubStoreFixture
{
    public SqliteHubFixture()
    {
        Scratch = Path.Combine(Path.GetTempPath(), $"earlyhelp-hub-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Scratch);
        HubPath = Path.Combine(Scratch, "hub.db");
    }

    /// <summary>The hub file.</summary>
    public string HubPath { get; }

    public string Scratch { get; }

    public IHubStore Open(TimeProvider? clock = null) => SqliteHubStore.Open(HubPath, clock);

    public void Delete()
    {
        foreach (var file in new[] { HubPath, HubPath + "-journal", HubPath + "-wal", HubPath + "-shm" })
            File.Delete(file);
    }

    public string Fingerprint()
    {
        Assert.False(File.Exists(HubPath + "-journal"), "A hot journal is left beside the hub.");
        return ExtractBuilder.Sha256(HubPath);
    }

    public void CreateAtVersion(int version)
    {
        using var connection = Connect();
        SchemaMigrator.Migrate(connection, SqliteDialect.Instance, HubPath, version);
    }

    public void Execute(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public object? Query(string sql)
    {
        using var connection = Connect();
        return HubRows.Read(connection, sql).FirstOrDefault()?[0];
    }

    public IReadOnlyList<object?[]> QueryRows(string sql)
    {
        using var connection = Connect();
        return HubRows.Read(connection, sql);
    }

    /// <summary>A plain connection to the hub file, for tests that look under the store.</summary>
    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = HubPath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose()
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
