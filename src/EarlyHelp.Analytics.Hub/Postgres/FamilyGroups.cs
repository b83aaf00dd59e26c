using EarlyHelp.Analytics.Hub.Store;
using Npgsql;

namespace EarlyHelp.Analytics.Hub.Postgres;

/// <summary>
/// The partition key of a partitioned hub. A family group is a set of families joined by shared members: a person in
/// two families (a child whose parents separated and each formed a new family) joins them into one group, so that the
/// person's records — read by both families' features — sit in one partition with both. A group is named by its
/// smallest family id; a person in no family is a group of their own, named by minus their person id (ids are
/// positive, so the two never meet). Rows arrive with the key 0 and are given their group when the load commits.
/// </summary>
internal static class FamilyGroups
{
    /// <summary>
    /// Works out every person's group from the memberships and moves the rows of the partitioned tables whose key has
    /// changed (PostgreSQL moves an updated row to its new partition), inside the caller's transaction.
    /// </summary>
    public static void Assign(NpgsqlConnection connection)
    {
        var groups = Groups(connection);
        connection.Execute(null, "DROP TABLE IF EXISTS load_family_group");
        connection.Execute(null, "CREATE TEMPORARY TABLE load_family_group (person_id BIGINT PRIMARY KEY, family_group BIGINT NOT NULL) ON COMMIT DROP");
        using (var importer = connection.BeginBinaryImport("COPY load_family_group (person_id, family_group) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (person, group) in groups)
            {
                importer.StartRow();
                importer.Id(person);
                importer.Id(group);
            }
            importer.Complete();
        }
        foreach (var table in PostgresPartitioning.Tables)
        {
            connection.Execute(null, $"""
                UPDATE {table.Name} t SET {PostgresPartitioning.KeyColumn} = g.family_group FROM load_family_group g
                WHERE t.person_id = g.person_id AND t.{PostgresPartitioning.KeyColumn} <> g.family_group
                """);
        }
    }

    /// <summary>Each person's group: the smallest family id reachable through shared members, or minus the person id.</summary>
    private static Dictionary<long, long> Groups(NpgsqlConnection connection)
    {
        // Union-find over families, each set's root its smallest family id; a person links their first family to the others.
        var parent = new Dictionary<long, long>();
        var firstFamily = new Dictionary<long, long>();
        using (var command = connection.Command(null, "SELECT family_id, person_id FROM family_member"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                long family = reader.GetInt64(0), person = reader.GetInt64(1);
                parent.TryAdd(family, family);
                if (firstFamily.TryGetValue(person, out var first))
                    Union(parent, first, family);
                else
                    firstFamily.Add(person, family);
            }
        }
        var groups = new Dictionary<long, long>();
        foreach (var id in PersonIds(connection))
            groups[id] = firstFamily.TryGetValue(id, out var family) ? Find(parent, family) : -id;
        return groups;
    }

    /// <summary>Everyone a partitioned table may name: the people, and anyone an event still names.</summary>
    private static IEnumerable<long> PersonIds(NpgsqlConnection connection)
    {
        var ids = new List<long>();
        using var command = connection.Command(null, "SELECT person_id FROM person UNION SELECT person_id FROM event");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            ids.Add(reader.GetInt64(0));
        return ids;
    }

    private static long Find(Dictionary<long, long> parent, long family)
    {
        var root = family;
        while (parent[root] != root)
            root = parent[root];
        // Path compression: later finds of the same set take one step.
        while (parent[family] != root)
        {
            var next = parent[family];
            parent[family] = root;
            family = next;
        }
        return root;
    }

    private static void Union(Dictionary<long, long> parent, long a, long b)
    {
        long rootA = Find(parent, a), rootB = Find(parent, b);
        if (rootA < rootB)
            parent[rootB] = rootA;
        else if (rootB < rootA)
            parent[rootA] = rootB;
    }
}
