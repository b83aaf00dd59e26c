using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Store;
using Microsoft.Data.Sqlite;

namespace EarlyHelp.Analytics.Hub.Sqlite;

/// <summary>What a restore found in the backup it restored.</summary>
/// <param name="SchemaVersion">The restored hub's schema version (after bringing it forward).</param>
/// <param name="AuditEntries">Audit entries in the backup, all verified.</param>
/// <param name="Reviews">Review records in the backup, all verified.</param>
public sealed record RestoreResult(int SchemaVersion, long AuditEntries, long Reviews);

/// <summary>
/// Backs up and restores a SQLite hub with SQLite's online backup API (<see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>): a
/// consistent copy page by page while others keep reading, as of one moment. The audit key is not in the hub and is not
/// in the backup: it is kept (and backed up) apart, and a restore needs it to verify the trail.
/// </summary>
public static class SqliteBackup
{
    /// <summary>The audit action of a backup.</summary>
    public const string BackupAction = "hub.backup";

    /// <summary>The audit action of a restore.</summary>
    public const string RestoreAction = "hub.restore";

    static SqliteBackup() => SQLitePCL.Batteries_V2.Init();

    /// <summary>Copies the hub at <paramref name="hub"/> to the new file <paramref name="file"/> (owner-only) and audits it in the hub.</summary>
    public static void Backup(SqliteHubStore hub, string file, string actor)
    {
        ArgumentNullException.ThrowIfNull(hub);
        if (File.Exists(file))
            throw new BadInputException(file, "the backup file already exists; give a new file name");
        HubFileAccess.CreateFileIfMissing(file);
        using (var source = Connect(hub.Name, readOnly: true))
        using (var destination = Connect(file, readOnly: false))
            source.BackupDatabase(destination);
        hub.AuditLog.Append(actor, BackupAction, "hub", $"backup written to {file}");
    }

    /// <summary>
    /// Restores <paramref name="backup"/> as the hub <paramref name="hub"/>: copied to a file beside it, opened with the audit
    /// key <paramref name="auditKeyFile"/> (or the hub's usual one), its audit trail verified, and only then moved into place.
    /// An existing hub is replaced only when <paramref name="replace"/> is set. Throws <see cref="BadInputException"/>, leaving
    /// the hub as it was, when the backup is not a hub or its trail does not verify.
    /// </summary>
    public static RestoreResult Restore(string backup, string hub, string actor, bool replace, string? auditKeyFile = null)
    {
        if (!File.Exists(backup))
            throw new BadInputException(backup, "there is no backup file here");
        if (File.Exists(hub) && !replace)
            throw new BadInputException(hub, "a hub already exists here; give --replace to restore over it");
        var staging = hub + ".restoring";
        File.Delete(staging);
        HubFileAccess.CreateFileIfMissing(staging);
        try
        {
            using (var source = Connect(backup, readOnly: true))
            using (var destination = Connect(staging, readOnly: false))
                source.BackupDatabase(destination);
            RestoreResult result;
            using (var store = SqliteHubStore.Open(staging, auditKeyFile: auditKeyFile ?? AuditKey.FileFor(hub)))
            {
                var verification = store.AuditLog.Verify();
                if (!verification.IsIntact)
                    throw new BadInputException(backup, $"the backup's audit trail does not verify: {verification.Problem}; nothing was restored");
                result = new RestoreResult(store.SchemaVersion, verification.Entries, verification.Reviews);
                store.AuditLog.Append(actor, RestoreAction, "hub", string.Create(CultureInfo.InvariantCulture,
                    $"restored from {backup}: {result.AuditEntries} audit entries and {result.Reviews} reviews verified"));
            }
            File.Move(staging, hub, overwrite: true);
            return result;
        }
        catch (SqliteException e)
        {
            throw new BadInputException(backup, $"cannot restore the backup: {e.Message}; nothing was restored");
        }
        finally
        {
            File.Delete(staging);
        }
    }

    private static SqliteConnection Connect(string path, bool readOnly)
    {
        var connection = new SqliteConnection(SqliteHubStore.ConnectionString(path, readOnly));
        connection.Open();
        return connection;
    }
}
