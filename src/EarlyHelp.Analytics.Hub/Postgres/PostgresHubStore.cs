using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Schema;
using EarlyHelp.Analytics.Hub.Store;
using Npgsql;

namespace EarlyHelp.Analytics.Hub.Postgres;

/// <summary>
/// A hub in a PostgreSQL database (in the schema the connection string's search path names, <c>public</c> by
/// default). Opening applies any missing schema steps. Loads copy rows in with binary COPY inside one transaction,
/// and every writer holds the hub's advisory lock to the end of its transaction (see
/// <see cref="DbConnectionExtensions.BeginWriteTransaction"/>), so concurrent writers queue instead of colliding.
/// </summary>
public sealed class PostgresHubStore : DbHubStore
{
    private readonly NpgsqlConnection connection;
    private readonly string connectionString;

    private PostgresHubStore(string name, string connectionString, NpgsqlConnection connection, TimeProvider clock, AuditKey auditKey)
        : base(name, connection, PostgresDialect.Instance, clock, auditKey)
    {
        this.connection = connection;
        this.connectionString = connectionString;
    }

    /// <summary>
    /// Opens the hub in the database <paramref name="hub"/> names (a connection string, or a <c>postgresql://</c> URI), migrates it to the latest schema and
    /// reads its audit key: <paramref name="auditKeyFile"/>, else <see cref="AuditKey.EnvironmentVariable"/>, else a file
    /// named after the hub (<see cref="PostgresConnections.Name"/>) in the working folder. Throws <see cref="BadInputException"/> when the string is not a
    /// valid connection string, the server refuses the connection, or the hub is newer than this program.
    /// Messages never repeat the connection string (it may hold a password). When the database holds no hub yet and
    /// <paramref name="partitionsForNewHub"/> is given, the new hub's large tables are hash-partitioned into that many
    /// partitions (<see cref="PostgresPartitioning"/>); an existing hub is never changed by it.
    /// </summary>
    public static PostgresHubStore Open(string hub, TimeProvider? clock = null, string? auditKeyFile = null, int? partitionsForNewHub = null)
    {
        if (partitionsForNewHub is { } partitions)
            PostgresPartitioning.Check(partitions, "partitions");
        var connectionString = PostgresConnections.KeywordForm(hub);
        var name = PostgresConnections.Name(connectionString);
        var connection = PostgresConnections.Open(connectionString, PostgresConnections.Describe(connectionString));
        try
        {
            if (partitionsForNewHub is { } count && SchemaMigrator.CurrentVersion(connection, PostgresDialect.Instance) == 0)
                PostgresPartitioning.Partition(connection, name, count);
            SchemaMigrator.Migrate(connection, PostgresDialect.Instance, name);
            var auditKey = HubAuditKey.For(connection, name, auditKeyFile);
            return new PostgresHubStore(name, connectionString, connection, clock ?? TimeProvider.System, auditKey);
        }
        catch (PostgresException e)
        {
            connection.Dispose();
            throw new BadInputException(name, $"cannot open the hub: {e.MessageText}");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Whether the database <paramref name="hub"/> names holds a hub (any schema version); <see cref="BadInputException"/> when it cannot be reached.</summary>
    public static bool Exists(string hub)
    {
        var connectionString = PostgresConnections.KeywordForm(hub);
        using var connection = PostgresConnections.Open(connectionString, PostgresConnections.Describe(connectionString));
        return SchemaMigrator.CurrentVersion(connection, PostgresDialect.Instance) > 0;
    }

    /// <inheritdoc />
    public override IProtectedCharacteristicsReader OpenProtectedCharacteristicsReader() =>
        new DbProtectedCharacteristicsReader(() => PostgresConnections.Open(connectionString, PostgresConnections.Describe(connectionString)));

    /// <inheritdoc />
    public override IHubLoad BeginLoad() => new PostgresLoad(connection, AuditLog);

    /// <summary>The number of partitions of the hub's large tables: 0 when it is not partitioned (<see cref="PostgresPartitioning"/>).</summary>
    public int PartitionCount => PostgresPartitioning.Count(connection);

    /// <summary>
    /// One reader per partition of a partitioned hub, each reading only its partition's rows over its own connections,
    /// so that feature building can run partition by partition; <see cref="BadInputException"/> when the hub is not
    /// partitioned or holds no extract yet.
    /// </summary>
    public IReadOnlyList<IHubReader> OpenPartitionReaders()
    {
        var extractDate = OpenReader().ExtractDate;
        var count = PartitionCount;
        if (count == 0)
            throw new BadInputException(Name, "the hub's tables are not partitioned (see docs/scale.md)");
        var describe = PostgresConnections.Describe(connectionString);
        return Enumerable.Range(0, count).Select(index => (IHubReader)new PostgresPartitionReader(connectionString, describe, extractDate, index)).ToArray();
    }

    /// <inheritdoc />
    private protected override IHubReader OpenReader(DateOnly extractDate) => new PostgresHubReader(connectionString, PostgresConnections.Describe(connectionString), extractDate);
}
