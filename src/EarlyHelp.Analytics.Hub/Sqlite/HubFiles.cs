using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Sqlite;

/// <summary>The files of a SQLite hub besides the database: its journals' modes.</summary>
internal static class HubFiles
{
    /// <summary>The endings of the files SQLite keeps beside a database while it writes.</summary>
    private static readonly string[] JournalSuffixes = ["-journal", "-wal", "-shm"];

    /// <summary>
    /// Creates the hub file owner-only before SQLite opens it (SQLite gives its journal, write-ahead log and shared
    /// memory files the database file's mode), and takes group and other access away from an existing hub's files.
    /// </summary>
    public static void Prepare(string path)
    {
        try
        {
            if (HubFileAccess.CreateFileIfMissing(path))
                return;
            foreach (var file in JournalSuffixes.Select(suffix => path + suffix).Prepend(path))
                HubFileAccess.Restrict(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException(path, $"cannot open the hub: {e.Message}");
        }
    }
}
