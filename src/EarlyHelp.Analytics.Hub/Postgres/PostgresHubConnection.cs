using Npgsql;

namespace EarlyHelp.Analytics.Hub.Postgres;

/// <summary>A plain connection to a PostgreSQL hub, for administration that works beside the store (setting up roles).</summary>
public static class PostgresHubConnection
{
    /// <summary>Opens a connection to the hub <paramref name="hub"/> names (a connection string or URI); <see cref="Core.BadInputException"/> when it cannot.</summary>
    public static NpgsqlConnection Open(string hub)
    {
        var connectionString = PostgresConnections.KeywordForm(hub);
        return PostgresConnections.Open(connectionString, PostgresConnections.Describe(connectionString));
    }
}
