using System.Data.Common;
using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Sqlite;

/// <summary>The files of a SQLite hub besides the database: its journals' modes and its audit key.</summary>
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

    /// <summary>
    /// The audit key of the hub on <paramref name="connection"/>: read from its file, or created there when the hub
    /// has no keyed entry or review yet. A keyed trail whose key file is missing is refused: a new key would start
    /// a chain nobody could check against the old one.
    /// </summary>
    public static AuditKey AuditKeyFor(DbConnection connection, string hubPath, string? explicitPath)
    {
        var keyFile = AuditKey.FileFor(hubPath, explicitPath);
        if (File.Exists(keyFile))
            return AuditKey.Read(keyFile);
        var start = AuditChainRows.Start(connection, null);
        var keyedEntries = Convert.ToInt64(connection.Scalar(null, "SELECT COUNT(*) FROM audit_log WHERE id > @p0", start.UnkeyedEntries), CultureInfo.InvariantCulture);
        var keyedReviews = Convert.ToInt64(connection.Scalar(null, "SELECT COUNT(*) FROM review WHERE mac IS NOT NULL"), CultureInfo.InvariantCulture);
        if (keyedEntries + keyedReviews > 0)
        {
            throw new BadInputException(keyFile,
                $"the audit key file is missing, but the hub's audit trail is keyed; restore it, or name it with --audit-key or {AuditKey.EnvironmentVariable}");
        }
        try
        {
            return AuditKey.Create(keyFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException(keyFile, $"cannot create the audit key: {e.Message}");
        }
    }
}
