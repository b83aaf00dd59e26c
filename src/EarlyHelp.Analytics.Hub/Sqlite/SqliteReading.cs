using EarlyHelp.Analytics.Core;
using Microsoft.Data.Sqlite;

namespace EarlyHelp.Analytics.Hub.Sqlite;

/// <summary>What the SQLite readers share: opening a read connection and reading codes and months.</summary>
internal static class SqliteReading
{
    /// <summary>Opens a read-only connection that waits for a running load to commit rather than fail.</summary>
    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        SqliteHubStore.Pragma(connection, "busy_timeout = 30000");
        return connection;
    }

    /// <summary>The code list's own instance of <paramref name="code"/>, or the text read when it is not in the list.</summary>
    public static string Intern(string code, IReadOnlyList<string> codes)
    {
        foreach (var known in codes)
        {
            if (string.Equals(known, code, StringComparison.Ordinal))
                return known;
        }
        return code;
    }

    /// <summary>Reads a <c>YYYY-MM</c> month the hub stored.</summary>
    public static YearMonth Month(string text) =>
        YearMonth.TryParse(text, out var month) ? month : throw new InvalidDataException($"The hub holds a month that is not YYYY-MM: '{text}'.");
}
