using Npgsql;

namespace EarlyHelp.Analytics.Hub.Tests.Fixtures;

/// <summary>
/// The PostgreSQL server the store tests run against: <c>$EARLYHELP_TEST_POSTGRES</c>, a connection string for a role
/// that may create schemas (and, for the role tests, roles) in its database. Without it the PostgreSQL cases skip,
/// saying so, unless <c>EARLYHELP_REQUIRE_POSTGRES=1</c> asks for them to fail instead (as CI does).
/// </summary>
public static class PostgresServer
{
    /// <summary>The variable holding the connection string.</summary>
    public const string EnvironmentVariable = "EARLYHELP_TEST_POSTGRES";

    /// <summary>The variable that, set to 1, turns a missing server into failures.</summary>
    public const string RequireVariable = "EARLYHELP_REQUIRE_POSTGRES";

    /// <summary>The variable that, set to a number of partitions, makes every PostgreSQL store test run on a hash-partitioned hub.</summary>
    public const string PartitionsVariable = "EARLYHELP_TEST_POSTGRES_PARTITIONS";

    /// <summary>The partitions every test hub gets (<see cref="PartitionsVariable"/>), or null for plain tables.</summary>
    public static int? Partitions =>
        Environment.GetEnvironmentVariable(PartitionsVariable) is { Length: > 0 } value
            ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>The connection string, or null when none is set.</summary>
    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Why PostgreSQL cases skip, or null when they run (a server is named, or one is required).</summary>
    public static string? SkipReason =>
        ConnectionString is not null || Environment.GetEnvironmentVariable(RequireVariable) == "1"
            ? null
            : $"no PostgreSQL server to test against: set {EnvironmentVariable} to a connection string (see docs/postgresql.md)";

    /// <summary>The connection string; fails the test, saying why, when none is set.</summary>
    public static string Required => ConnectionString
        ?? throw new InvalidOperationException($"{RequireVariable}=1 but {EnvironmentVariable} is not set: no PostgreSQL server to test against.");

    /// <summary>An open connection to the server's database as the test role, outside any hub schema.</summary>
    public static NpgsqlConnection Connect(string? searchPath = null)
    {
        var builder = WithoutPooling();
        if (searchPath is not null)
            builder.SearchPath = searchPath;
        var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>
    /// The server's connection string without pooling: every test's hub is its own schema, and a pool per schema
    /// would keep idle connections open until the server has none left.
    /// </summary>
    public static NpgsqlConnectionStringBuilder WithoutPooling() => new(Required) { Pooling = false };

    /// <summary>Runs one statement on <paramref name="connection"/>.</summary>
    public static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
