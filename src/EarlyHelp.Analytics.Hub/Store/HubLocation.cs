using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>
/// Where a hub lives, read from a <c>HUB</c> argument: a SQLite file path, or a PostgreSQL connection
/// string (<c>Host=…;Database=…</c> or a <c>postgres://</c> URI).
/// </summary>
public static class HubLocation
{
    /// <summary>The default hub: a SQLite file in the working folder.</summary>
    public const string DefaultPath = "earlyhelp.db";

    /// <summary>The name used for the hub argument in error messages.</summary>
    public const string ArgumentName = "HUB";

    /// <summary>Whether <paramref name="hub"/> reads as a PostgreSQL connection string rather than a file path.</summary>
    public static bool IsPostgreSqlConnectionString(string hub)
    {
        var text = hub.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
            text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return true;
        // Npgsql's keywords for the server; a file path does not hold "key=value" pairs separated by ';'.
        string[] serverKeys = ["host", "server"];
        return text.Split(';').Select(pair => pair.Split('=', 2)).Any(pair =>
            pair.Length == 2 && serverKeys.Contains(pair[0].Trim(), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// What the files kept with the hub (its audit key, its checkpoints) are named after: a SQLite hub's path, or a
    /// PostgreSQL hub's database (and schema) name, so that no file name ever holds a connection string.
    /// </summary>
    public static string FileBase(string hub) =>
        IsPostgreSqlConnectionString(hub) ? Postgres.PostgresConnections.Name(Postgres.PostgresConnections.KeywordForm(hub)) : hub;

    /// <summary>
    /// The SQLite file path that <paramref name="hub"/> names. Throws <see cref="BadInputException"/> for an
    /// empty argument and for a PostgreSQL connection string, without repeating it (it may hold a password).
    /// </summary>
    public static string SqlitePath(string hub)
    {
        if (string.IsNullOrWhiteSpace(hub))
            throw new BadInputException(ArgumentName, "the hub path is empty; give a SQLite file path such as earlyhelp.db");
        if (IsPostgreSqlConnectionString(hub))
            throw new BadInputException(ArgumentName,
                "this is a PostgreSQL connection string, and only a SQLite hub can be used here; give a SQLite file path such as earlyhelp.db");
        return hub;
    }
}
