using Npgsql;

namespace EarlyHelp.Analytics.Benchmarks;

/// <summary>
/// A schema of its own on the server a benchmark was given, for one hub: created empty, and dropped with everything in
/// it when disposed, so that a benchmark run leaves the database as it found it.
/// </summary>
internal sealed class PostgresScratchSchema : IDisposable
{
    private readonly string server;
    private readonly string name;

    public PostgresScratchSchema(string server, string purpose)
    {
        this.server = server;
        name = $"bench_{purpose}_{Guid.NewGuid():N}";
        Execute($"CREATE SCHEMA {name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = name }.ConnectionString;
    }

    /// <summary>The server's connection string with this schema as its search path: a hub of its own.</summary>
    public string ConnectionString { get; }

    public void Dispose() => Execute($"DROP SCHEMA IF EXISTS {name} CASCADE");

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
