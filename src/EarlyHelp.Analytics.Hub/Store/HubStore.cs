using EarlyHelp.Analytics.Hub.Sqlite;

namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>Opens the hub a <c>HUB</c> argument names.</summary>
public static class HubStore
{
    /// <summary>
    /// Opens (creating and migrating as needed) the hub named by <paramref name="hub"/>: a SQLite file path.
    /// A PostgreSQL connection string is refused with a clear <see cref="Core.BadInputException"/> for now.
    /// </summary>
    public static IHubStore Open(string hub, TimeProvider? clock = null) => SqliteHubStore.Open(HubLocation.SqlitePath(hub), clock);
}
