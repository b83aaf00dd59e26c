namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// Union–find over records (path halving, union by size) whose clusters also keep their members in a
/// circular list, so a join can first check every member of one side against every member of the other.
/// </summary>
internal sealed class EntityForest
{
    private readonly int[] parent;
    private readonly int[] size;
    private readonly int[] next;

    public EntityForest(int count)
    {
        parent = new int[count];
        size = new int[count];
        next = new int[count];
        for (var i = 0; i < count; i++)
        {
            parent[i] = i;
            size[i] = 1;
            next[i] = i;
        }
    }

    /// <summary>The root of i's cluster.</summary>
    public int Find(int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /// <summary>Whether any member of i's cluster and any member of j's cluster satisfy <paramref name="forbidden"/>.</summary>
    public bool AnyAcross(int i, int j, Func<int, int, bool> forbidden)
    {
        var a = i;
        do
        {
            var b = j;
            do
            {
                if (forbidden(a, b))
                    return true;
                b = next[b];
            } while (b != j);
            a = next[a];
        } while (a != i);
        return false;
    }

    /// <summary>Joins the clusters of i and j.</summary>
    public void Union(int i, int j)
    {
        int ri = Find(i), rj = Find(j);
        if (ri == rj)
            return;
        if (size[ri] < size[rj])
            (ri, rj) = (rj, ri);
        parent[rj] = ri;
        size[ri] += size[rj];
        (next[ri], next[rj]) = (next[rj], next[ri]);
    }

    /// <summary>Dense entity numbers 0, 1, ... in order of each entity's first record.</summary>
    public int[] Entities()
    {
        var entity = new int[parent.Length];
        var numberOfRoot = new Dictionary<int, int>();
        for (var i = 0; i < parent.Length; i++)
        {
            var root = Find(i);
            if (!numberOfRoot.TryGetValue(root, out var number))
                numberOfRoot[root] = number = numberOfRoot.Count;
            entity[i] = number;
        }
        return entity;
    }
}
