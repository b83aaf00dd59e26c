using Npgsql;

namespace EarlyHelp.Analytics.Cli.Tests.Postgres;

/// <summary>
/// A schema of its own on the test server (<see cref="PostgresFactAttribute.Variable"/>) for one test's hub, dropped
/// with everything in it when disposed; nothing is created when no server is named.
/// </summary>
internal sealed class PostgresSchema : IDisposable
{
    private readonly string name = $"cli_{Guid.NewGuid():N}";
    private bool created;

    /// <summary>Creates the schema and returns a connection string whose search path is it (pooling off, so nothing outlives the test).</summary>
    public string Create()
    {
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)) { Pooling = false };
        Execute(server.ConnectionString, $"CREATE SCHEMA {name}");
        created = true;
        server.SearchPath = name;
        return server.ConnectionString;
    }

    public void Dispose()
    {
        if (created)
            Execute(new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)) { Pooling = false }.ConnectionString,
                $"DROP SCHEMA IF EXISTS {name} CASCADE");
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
