using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Postgres;

/// <summary>
/// The partitions a hub's feature build can read one by one: those of a partitioned PostgreSQL hub, and none for a
/// SQLite hub or a PostgreSQL hub never partitioned, which are read whole.
/// </summary>
public static class HubPartitions
{
    /// <summary>One reader per partition when <paramref name="store"/> is a partitioned PostgreSQL hub; otherwise none.</summary>
    public static IReadOnlyList<IHubReader> OpenReaders(IHubStore store) =>
        store is PostgresHubStore { PartitionCount: > 0 } postgres ? postgres.OpenPartitionReaders() : [];
}
