using EarlyHelp.Analytics.Core;
using Npgsql;

namespace EarlyHelp.Analytics.Hub.Postgres;

/// <summary>Opening connections to a PostgreSQL hub, and naming it in messages without its password.</summary>
internal static class PostgresConnections
{
    /// <summary>The server and database, for a message about reaching them: <c>postgresql://host:port/database</c>, with no user or password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = Parse(connectionString);
        return $"postgresql://{builder.Host}:{builder.Port}/{Database(builder)}";
    }

    /// <summary>
    /// The hub's name: its database, and its schema when the search path names one (<c>earlyhelp</c>,
    /// <c>earlyhelp.council_a</c>). Its audit key and checkpoints are files named after it, as a SQLite hub's are
    /// named after its file; a name never holds the user or password.
    /// </summary>
    public static string Name(string connectionString)
    {
        var builder = Parse(connectionString);
        return string.IsNullOrEmpty(builder.SearchPath) ? Database(builder) : $"{Database(builder)}.{builder.SearchPath}";
    }

    /// <summary>The database's name (the user's name when none is given, as PostgreSQL does).</summary>
    private static string Database(NpgsqlConnectionStringBuilder builder) => builder.Database ?? builder.Username ?? "postgres";

    /// <summary>
    /// <paramref name="hub"/> as Npgsql reads it: a <c>postgres://user:password@host:port/database?key=value</c> URI
    /// becomes keyword form (Npgsql reads only that); a keyword string is returned as it is.
    /// </summary>
    public static string KeywordForm(string hub)
    {
        var text = hub.Trim();
        if (!text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return hub;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
            throw new BadInputException(Store.HubLocation.ArgumentName, "not a valid PostgreSQL URI; write postgresql://user:password@host:port/database");
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (!uri.IsDefaultPort && uri.Port > 0)
            builder.Port = uri.Port;
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
            builder.Database = database;
        var user = uri.UserInfo.Split(':', 2);
        if (user[0].Length > 0)
            builder.Username = Uri.UnescapeDataString(user[0]);
        if (user.Length == 2)
            builder.Password = Uri.UnescapeDataString(user[1]);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)))
            builder[Uri.UnescapeDataString(pair[0])] = pair.Length == 2 ? Uri.UnescapeDataString(pair[1]) : "";
        return builder.ConnectionString;
    }

    /// <summary>Opens a connection; <see cref="BadInputException"/> naming <paramref name="name"/> when the server cannot be reached or refuses it.</summary>
    public static NpgsqlConnection Open(string connectionString, string name)
    {
        var connection = new NpgsqlConnection(WithPreparedStatements(connectionString));
        try
        {
            connection.Open();
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            connection.Dispose();
            throw new BadInputException(name, $"cannot connect to the hub: {(e is PostgresException p ? p.MessageText : e.Message)}");
        }
    }

    /// <summary>
    /// Statements the hub runs again and again (a review's insert, an audit entry's) are prepared on the server after a
    /// few uses, so PostgreSQL plans them once per connection: measured, a quarter more reviews a second under the panel
    /// benchmark (docs/postgresql.md). A connection string that sets <c>Max Auto Prepare</c> itself keeps its value.
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        if (connectionString.Replace(" ", "", StringComparison.Ordinal).Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
            return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = AutoPreparedStatements }.ConnectionString;
    }

    /// <summary>How many statements each connection keeps prepared: more than the hub's commonest statements.</summary>
    public const int AutoPreparedStatements = 64;

    private static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            // The message names the keyword at fault, never the value.
            throw new BadInputException(Store.HubLocation.ArgumentName, $"not a valid PostgreSQL connection string: {e.Message}");
        }
    }
}
