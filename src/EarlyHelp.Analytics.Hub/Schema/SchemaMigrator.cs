using System.Data.Common;
using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Schema;

/// <summary>
/// Brings a hub's schema forward to a version by applying the missing <see cref="Migrations"/> steps in
/// one transaction, and refuses a hub written by a newer program.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>The schema version of the hub on <paramref name="connection"/>: 0 for an empty database.</summary>
    public static int CurrentVersion(DbConnection connection, SqlDialect dialect, DbTransaction? transaction = null)
    {
        if (Convert.ToInt64(connection.Scalar(transaction, dialect.TableExistsQuery, "schema_version"), CultureInfo.InvariantCulture) == 0)
            return 0;
        return connection.Scalar(transaction, "SELECT MAX(version) FROM schema_version") is { } value
            ? Convert.ToInt32(value, CultureInfo.InvariantCulture)
            : 0;
    }

    /// <summary>
    /// Applies every step after the hub's version up to <paramref name="targetVersion"/> (the latest by default).
    /// Returns the versions applied. Throws <see cref="BadInputException"/> naming <paramref name="hubName"/>
    /// when the hub is newer than this program.
    /// </summary>
    public static IReadOnlyList<int> Migrate(DbConnection connection, SqlDialect dialect, string hubName, int? targetVersion = null)
    {
        var target = targetVersion ?? Migrations.LatestVersion;
        if (target < 0 || target > Migrations.LatestVersion)
            throw new ArgumentOutOfRangeException(nameof(targetVersion), target, $"Schema versions run from 0 to {Migrations.LatestVersion}.");
        RefuseNewer(CurrentVersion(connection, dialect), hubName);
        if (CurrentVersion(connection, dialect) >= target)
            return [];

        using var transaction = connection.BeginWriteTransaction();
        var context = new MigrationContext(connection, transaction, dialect);
        // Read again inside the transaction: another process may have migrated since.
        var current = CurrentVersion(connection, dialect, transaction);
        RefuseNewer(current, hubName);
        context.Execute("""
            CREATE TABLE IF NOT EXISTS schema_version (
                version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)
            """);
        var applied = new List<int>();
        foreach (var migration in Migrations.All.Where(m => m.Version > current && m.Version <= target))
        {
            migration.Apply(context);
            context.Execute("INSERT INTO schema_version (version, description, applied_at) VALUES (@p0, @p1, @p2)",
                migration.Version, migration.Description, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            applied.Add(migration.Version);
        }
        transaction.Commit();
        return applied;
    }

    private static void RefuseNewer(int current, string hubName)
    {
        if (current > Migrations.LatestVersion)
            throw new BadInputException(hubName, string.Create(CultureInfo.InvariantCulture,
                $"the hub has schema version {current}, newer than version {Migrations.LatestVersion} that this program knows; use a newer earlyhelp"));
    }
}
