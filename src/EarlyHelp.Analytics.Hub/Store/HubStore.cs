using EarlyHelp.Analytics.Hub.Sqlite;

namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>Opens the hub a <c>HUB</c> argument names.</summary>
public static class HubStore
{
    /// <summary>
    /// Opens (creating and migrating as needed) the hub named by <paramref name="hub"/>: a SQLite file path.
    /// A PostgreSQL connection string is refused with a clear <see cref="Core.BadInputException"/> for now.
    /// <paramref name="auditKeyFile"/> names the audit key file; by default it is found as <see cref="Audit.AuditKey.FileFor"/> says.
    /// </summary>
    public static IHubStore Open(string hub, TimeProvider? clock = null, string? auditKeyFile = null) =>
        SqliteHubStore.Open(HubLocation.SqlitePath(hub), clock, auditKeyFile);
}
