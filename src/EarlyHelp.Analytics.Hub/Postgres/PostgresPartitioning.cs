using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Schema;
using EarlyHelp.Analytics.Hub.Store;
using Npgsql;

namespace EarlyHelp.Analytics.Hub.Postgres;

/// <summary>
/// The hub's large tables — <c>event</c>, <c>residence</c> and <c>family_member</c> — as PostgreSQL hash-partitioned
/// tables (<c>PARTITION BY HASH (family_group)</c>), all three by the same key so that one family's memberships, its
/// members' records and their residences sit in the same partition (see <see cref="FamilyGroups"/> and docs/scale.md).
/// A hub is partitioned once, by its owner; SQLite hubs and PostgreSQL hubs never partitioned are unchanged.
/// </summary>
public static class PostgresPartitioning
{
    /// <summary>The most partitions a hub may have: beyond this each partition is too small to be worth its own table.</summary>
    public const int MaximumPartitions = 256;

    /// <summary>The column every partitioned table is partitioned by.</summary>
    public const string KeyColumn = "family_group";

    /// <summary>
    /// The partitioned tables, with the keys they had as plain tables. A partitioned table's primary key must hold the
    /// partition key, so each key gains <see cref="KeyColumn"/>; the natural keys' uniqueness across partitions is kept
    /// by the load instead (<see cref="CopyInsert{T}"/> inserts a row only when no partition holds its key, under the
    /// hub's write lock).
    /// </summary>
    internal static IReadOnlyList<PartitionedTable> Tables { get; } =
    [
        new("event", "event_id, family_group",
            ["CREATE INDEX event_record ON event (dataset, source_ref)", "ALTER TABLE event ADD FOREIGN KEY (dataset) REFERENCES dataset (code)"]),
        new("residence", "person_id, household_id, start_date, family_group",
        [
            "CREATE INDEX residence_household ON residence (household_id)",
            "ALTER TABLE residence ADD FOREIGN KEY (person_id) REFERENCES person (person_id)",
            "ALTER TABLE residence ADD FOREIGN KEY (household_id) REFERENCES household (household_id)",
        ]),
        new("family_member", "family_id, person_id, role, start_date, family_group",
        [
            "CREATE INDEX family_member_person ON family_member (person_id)",
            "ALTER TABLE family_member ADD FOREIGN KEY (family_id) REFERENCES family (family_id)",
            "ALTER TABLE family_member ADD FOREIGN KEY (person_id) REFERENCES person (person_id)",
        ]),
    ];

    /// <summary>
    /// The environment variable that, set to a number of partitions, makes a new PostgreSQL hub partitioned when it is
    /// created (the first verb that opens an empty database). It never changes a hub that already exists.
    /// </summary>
    public const string SettingVariable = "EARLYHELP_HUB_PARTITIONS";

    /// <summary>
    /// The partitions <paramref name="value"/> (the text of <see cref="SettingVariable"/>) asks a new hub for, or null
    /// when it is unset or empty; <see cref="BadInputException"/> when it is not a whole number from 2 to <see cref="MaximumPartitions"/>.
    /// </summary>
    public static int? Setting(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var partitions))
            throw new BadInputException(SettingVariable, $"the number of partitions must be a whole number from 2 to {MaximumPartitions}; got '{value}'");
        Check(partitions, SettingVariable);
        return partitions;
    }

    /// <summary>
    /// Partitions the hub <paramref name="hub"/> names (a connection string or URI) into <paramref name="partitions"/>
    /// hash partitions, migrating it to the latest schema first; rows already there are moved in, in one transaction.
    /// Doing it again with the same count changes nothing. <see cref="BadInputException"/> when the count is out of
    /// range or the hub is already partitioned differently.
    /// </summary>
    public static void Partition(string hub, int partitions)
    {
        Check(partitions, "partitions");
        var connectionString = PostgresConnections.KeywordForm(hub);
        using var connection = PostgresConnections.Open(connectionString, PostgresConnections.Describe(connectionString));
        Partition(connection, PostgresConnections.Name(connectionString), partitions);
    }

    /// <summary>Partitions the hub on <paramref name="connection"/>, named <paramref name="name"/> in messages, as <see cref="Partition(string, int)"/> does.</summary>
    internal static void Partition(NpgsqlConnection connection, string name, int partitions)
    {
        Check(partitions, "partitions");
        SchemaMigrator.Migrate(connection, PostgresDialect.Instance, name);
        using var transaction = connection.BeginWriteTransaction();
        var current = Count(connection);
        if (current == partitions)
            return;
        if (current != 0)
            throw new BadInputException(name, string.Create(CultureInfo.InvariantCulture,
                $"the hub is already partitioned into {current} partitions; it cannot be partitioned again into {partitions}"));
        foreach (var table in Tables)
            Convert(connection, table, partitions);
        FamilyGroups.Assign(connection);
        transaction.Commit();
    }

    /// <summary>Refuses a number of partitions outside 2 to <see cref="MaximumPartitions"/>, naming <paramref name="source"/>.</summary>
    internal static void Check(int partitions, string source)
    {
        if (partitions is < 2 or > MaximumPartitions)
            throw new BadInputException(source, string.Create(CultureInfo.InvariantCulture,
                $"the number of partitions must be from 2 to {MaximumPartitions}; got {partitions}"));
    }

    /// <summary>The number of partitions of the hub on <paramref name="connection"/>: 0 when its tables are not partitioned.</summary>
    public static int Count(NpgsqlConnection connection) =>
        System.Convert.ToInt32(connection.Scalar(null,
            "SELECT COUNT(*) FROM pg_inherits WHERE inhparent = to_regclass(quote_ident(current_schema()) || '.event')"), CultureInfo.InvariantCulture);

    /// <summary>The name of partition <paramref name="index"/> of <paramref name="table"/>.</summary>
    public static string PartitionName(string table, int index) => string.Create(CultureInfo.InvariantCulture, $"{table}_p{index}");

    /// <summary>
    /// Replaces the plain <paramref name="table"/> by a partitioned one with the same columns and defaults plus the key,
    /// moves its rows in, and puts back its keys, indexes and references under their old names.
    /// </summary>
    private static void Convert(NpgsqlConnection connection, PartitionedTable table, int partitions)
    {
        var old = $"{table.Name}_unpartitioned";
        connection.Execute(null, $"ALTER TABLE {table.Name} RENAME TO {old}");
        // LIKE copies columns, NOT NULL and defaults, but not an identity: PostgreSQL 15 refuses one on a partitioned
        // table, so the event number comes from a sequence of its own below.
        connection.Execute(null, $"CREATE TABLE {table.Name} (LIKE {old} INCLUDING DEFAULTS, {KeyColumn} BIGINT NOT NULL DEFAULT 0) PARTITION BY HASH ({KeyColumn})");
        for (var index = 0; index < partitions; index++)
        {
            connection.Execute(null, string.Create(CultureInfo.InvariantCulture,
                $"CREATE TABLE {PartitionName(table.Name, index)} PARTITION OF {table.Name} FOR VALUES WITH (MODULUS {partitions}, REMAINDER {index})"));
        }
        connection.Execute(null, $"INSERT INTO {table.Name} SELECT *, 0 FROM {old}");
        connection.Execute(null, $"DROP TABLE {old}");
        if (table.Name == "event")
        {
            connection.Execute(null, "CREATE SEQUENCE event_event_id_seq OWNED BY event.event_id");
            connection.Execute(null, "SELECT setval('event_event_id_seq', COALESCE((SELECT MAX(event_id) FROM event), 0) + 1, false)");
            connection.Execute(null, "ALTER TABLE event ALTER COLUMN event_id SET DEFAULT nextval('event_event_id_seq')");
        }
        connection.Execute(null, $"ALTER TABLE {table.Name} ADD PRIMARY KEY ({table.PrimaryKey})");
        foreach (var statement in table.Statements)
            connection.Execute(null, statement);
    }
}

/// <summary>A table the hub partitions: its name, its primary key with the partition key, and its indexes and references.</summary>
/// <param name="Name">The table.</param>
/// <param name="PrimaryKey">The primary key's columns, the partition key last.</param>
/// <param name="Statements">The indexes and foreign keys the plain table had, recreated on the partitioned one.</param>
internal sealed record PartitionedTable(string Name, string PrimaryKey, IReadOnlyList<string> Statements);
