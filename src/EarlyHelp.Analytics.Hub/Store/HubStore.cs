using EarlyHelp.Analytics.Hub.Postgres;
using EarlyHelp.Analytics.Hub.Sqlite;

namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>Opens the hub a <c>HUB</c> argument names.</summary>
public static class HubStore
{
    /// <summary>
    /// Opens (creating and migrating as needed) the hub named by <paramref name="hub"/>: a PostgreSQL connection string
    /// (<c>Host=…;Database=…</c>, see <see cref="HubLocation.IsPostgreSqlConnectionString"/>) or else a SQLite file path.
    /// <paramref name="auditKeyFile"/> names the audit key file; by default it is found as <see cref="Audit.AuditKey.FileFor"/> says.
    /// A new PostgreSQL hub is partitioned when <see cref="PostgresPartitioning.SettingVariable"/> asks for it.
    /// </summary>
    public static IHubStore Open(string hub, TimeProvider? clock = null, string? auditKeyFile = null) =>
        HubLocation.IsPostgreSqlConnectionString(hub)
            ? PostgresHubStore.Open(hub, clock, auditKeyFile, PostgresPartitioning.Setting(Environment.GetEnvironmentVariable(PostgresPartitioning.SettingVariable)))
            : SqliteHubStore.Open(HubLocation.SqlitePath(hub), clock, auditKeyFile);
}
