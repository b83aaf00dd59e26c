using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Postgres;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Postgres;

/// <summary>
/// The hub's large tables as hash partitions by family group: how they are made, that rows already loaded move in
/// whole, and that a family's memberships, its members' records and residences always share one partition.
/// </summary>
public sealed class PostgresPartitioningTests : HubStoreTests<PostgresHubFixture>
{
    /// <summary>Rows of the three tables per family group that sit in more than one partition (the partition's number is the table name's suffix).</summary>
    private const string SplitGroups = """
        SELECT COUNT(*) FROM (
            SELECT family_group FROM (
                SELECT family_group, substring(tableoid::regclass::text from '_p([0-9]+)$') AS part FROM event
                UNION SELECT family_group, substring(tableoid::regclass::text from '_p([0-9]+)$') FROM residence
                UNION SELECT family_group, substring(tableoid::regclass::text from '_p([0-9]+)$') FROM family_member) rows
            GROUP BY family_group HAVING COUNT(DISTINCT part) > 1) split
        """;

    [StoreFact]
    public void Partition_EmptyHub_EachLargeTableHashPartitionedByFamilyGroup()
    {
        PostgresPartitioning.Partition(Hub.ConnectionString, 4);

        var tables = Hub.QueryRows("""
            SELECT c.relname, p.partstrat, a.attname, (SELECT COUNT(*) FROM pg_inherits i WHERE i.inhparent = c.oid)
            FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = p.partattrs[0]
            WHERE c.relnamespace = current_schema()::regnamespace ORDER BY c.relname
            """);

        // 'h' is PostgreSQL's code for PARTITION BY HASH.
        Assert.Equal(
            [["event", 'h', "family_group", 4L], ["family_member", 'h', "family_group", 4L], ["residence", 'h', "family_group", 4L]],
            tables.Select(row => row.ToArray()).ToArray());
        using var store = PostgresHubStore.Open(Hub.ConnectionString, auditKeyFile: Hub.AuditKeyFile);
        Assert.Equal(4, store.PartitionCount);
    }

    [StoreFact]
    public void Partition_LoadedHub_KeepsEveryRowAndPutsEachGroupInOnePartition()
    {
        using (var store = PostgresHubStore.Open(Hub.ConnectionString, auditKeyFile: Hub.AuditKeyFile))
            ExtractIngest.Run(store, SmallCity.WriteTo(Hub.Scratch).Path, "tester");
        const string Rows = """
            SELECT 'event', person_id, dataset || ' ' || source_ref || ' ' || start_date FROM event
            UNION ALL SELECT 'residence', person_id, household_id || ' ' || start_date FROM residence
            UNION ALL SELECT 'family_member', person_id, family_id || ' ' || role || ' ' || start_date FROM family_member
            ORDER BY 1, 2, 3
            """;
        var before = Hub.QueryRows(Rows);

        PostgresPartitioning.Partition(Hub.ConnectionString, 4);

        Assert.Equal(before, Hub.QueryRows(Rows));
        Assert.Equal(0L, Hub.Query(SplitGroups));
        // Nobody in the small city belongs to two families, so each family is a group named by its own id.
        Assert.Equal(0L, Hub.Query("SELECT COUNT(*) FROM family_member WHERE family_group <> family_id"));
        // Tom Baker and Arthur Green are in no family: each is a group of one, named by minus their person id.
        Assert.Equal(0L, Hub.Query("""
            SELECT COUNT(*) FROM event e WHERE NOT EXISTS (SELECT 1 FROM family_member m WHERE m.person_id = e.person_id)
            AND e.family_group <> -e.person_id
            """));
        Assert.Equal(0L, Hub.Query("SELECT COUNT(*) FROM event e WHERE family_group = 0"));
        Assert.True((long)Hub.Query("SELECT COUNT(DISTINCT tableoid) FROM event")! > 1, "the small city's records all fell in one partition");
    }

    [StoreFact]
    public void Assign_PersonInTwoFamilies_JoinsThemIntoOneGroup()
    {
        PostgresPartitioning.Partition(Hub.ConnectionString, 4);
        // Person 2 is a child of family 10 (with parent 1) and of family 20 (with parent 3); person 4 alone is family 30;
        // person 5 has a record and no person row (a record awaiting relinking).
        Hub.Execute("""
            INSERT INTO person (person_id, birth_month) VALUES (1, '1980-01'), (2, '2012-01'), (3, '1982-01'), (4, '1990-01');
            INSERT INTO family (family_id) VALUES (10), (20), (30);
            INSERT INTO family_member (family_id, person_id, role, start_date) VALUES
                (20, 2, 'child', '2015-01-01'), (20, 3, 'parent', '2015-01-01'), (10, 1, 'parent', '2012-01-01'),
                (10, 2, 'child', '2012-01-01'), (30, 4, 'parent', '2020-01-01');
            INSERT INTO event (person_id, dataset, start_date, source_ref) VALUES
                (1, 'police.asb_incident', '2023-01-01', 'A1'), (2, 'police.asb_incident', '2023-01-01', 'A2'),
                (3, 'police.asb_incident', '2023-01-01', 'A3'), (4, 'police.asb_incident', '2023-01-01', 'A4'),
                (5, 'police.asb_incident', '2023-01-01', 'A5');
            """);

        using (var connection = Hub.Connect())
        using (var transaction = connection.BeginTransaction())
        {
            FamilyGroups.Assign(connection);
            transaction.Commit();
        }

        // Families 10 and 20 share person 2, so their group is the smaller id, 10; family 30 stands alone; person 5 is -5.
        Assert.Equal([[1L, 10L], [2L, 10L], [3L, 10L], [4L, 30L], [5L, -5L]],
            Hub.QueryRows("SELECT person_id, family_group FROM event ORDER BY person_id").Select(r => r.ToArray()).ToArray());
        Assert.Equal([[10L, 10L], [10L, 10L], [20L, 10L], [20L, 10L], [30L, 30L]],
            Hub.QueryRows("SELECT family_id, family_group FROM family_member ORDER BY family_id, person_id").Select(r => r.ToArray()).ToArray());
        Assert.Equal(0L, Hub.Query(SplitGroups));
    }

    [StoreFact]
    public void Partition_AlreadyPartitionedDifferently_Refused()
    {
        PostgresPartitioning.Partition(Hub.ConnectionString, 4);
        PostgresPartitioning.Partition(Hub.ConnectionString, 4);

        var error = Assert.Throws<BadInputException>(() => PostgresPartitioning.Partition(Hub.ConnectionString, 8));

        Assert.EndsWith("the hub is already partitioned into 4 partitions; it cannot be partitioned again into 8", error.Message);
    }

    [StoreFact]
    public void Open_NewHubWithPartitions_PartitionedBeforeItsFirstLoad()
    {
        using var store = PostgresHubStore.Open(Hub.ConnectionString, auditKeyFile: Hub.AuditKeyFile, partitionsForNewHub: 4);

        Assert.Equal(4, store.PartitionCount);
    }

    [StoreFact]
    public void Open_ExistingHubWithPartitions_LeftUnpartitioned()
    {
        PostgresHubStore.Open(Hub.ConnectionString, auditKeyFile: Hub.AuditKeyFile).Dispose();

        using var store = PostgresHubStore.Open(Hub.ConnectionString, auditKeyFile: Hub.AuditKeyFile, partitionsForNewHub: 4);

        Assert.Equal(0, store.PartitionCount);
    }

    [StoreTheory]
    [InlineData(1)]
    [InlineData(257)]
    public void Partition_CountOutOfRange_Refused(int partitions)
    {
        var error = Assert.Throws<BadInputException>(() => PostgresPartitioning.Partition(Hub.ConnectionString, partitions));

        Assert.EndsWith($"the number of partitions must be from 2 to 256; got {partitions}", error.Message);
    }
}
