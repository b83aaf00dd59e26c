using System.Data.Common;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Postgres;

/// <summary>Streams a PostgreSQL hub as domain records; each enumeration opens its own pooled connection.</summary>
/// <param name="connectionString">The hub's connection string.</param>
/// <param name="name">The hub as messages name it.</param>
/// <param name="extractDate">The newest extract date loaded.</param>
internal sealed class PostgresHubReader(string connectionString, string name, DateOnly extractDate) : DbHubReader(extractDate)
{
    /// <inheritdoc />
    protected override DbConnection Open() => PostgresConnections.Open(connectionString, name);
}
