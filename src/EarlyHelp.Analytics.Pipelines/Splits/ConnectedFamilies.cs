using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;

namespace EarlyHelp.Analytics.Pipelines.Splits;

/// <summary>
/// Families joined by the people they share: a person who is, or was, a member of two families (a child of separated
/// parents, an adult who re-partnered) links them, and linked families form one group. The split assigns whole groups
/// to a partition, so no person has rows on both sides of it — a shared person's records are in both families'
/// features, and their outcome would otherwise leak from training into test. Each group is named by its lowest
/// family id, so a family alone keeps the partition its own id gives.
/// </summary>
public sealed class ConnectedFamilies
{
    private readonly Dictionary<FamilyId, FamilyId> representatives;

    private ConnectedFamilies(Dictionary<FamilyId, FamilyId> representatives, int groupCount)
    {
        this.representatives = representatives;
        GroupCount = groupCount;
    }

    /// <summary>How many groups the families form.</summary>
    public int GroupCount { get; }

    /// <summary>How many families share a group with another family.</summary>
    public int JoinedFamilies => representatives.Values.GroupBy(r => r).Where(g => g.Count() > 1).Sum(g => g.Count());

    /// <summary>The lowest family id of <paramref name="family"/>'s group; the family itself when it shares no one, or is unknown.</summary>
    public FamilyId Representative(FamilyId family) => representatives.TryGetValue(family, out var representative) ? representative : family;

    /// <summary>The partition of <paramref name="family"/>: its group's, by <see cref="FamilyPartition"/> of the group's name.</summary>
    public Partition PartitionOf(FamilyId family, int seed, PartitionShares shares) => FamilyPartition.Of(Representative(family), seed, shares);

    /// <summary>The groups of every family in the hub's history.</summary>
    public static ConnectedFamilies From(HubHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return From(history.Families);
    }

    /// <summary>The groups of <paramref name="families"/>, joined wherever two of them ever shared a member.</summary>
    public static ConnectedFamilies From(IEnumerable<FamilyHistory> families)
    {
        ArgumentNullException.ThrowIfNull(families);
        var parent = new Dictionary<FamilyId, FamilyId>();
        var firstFamilyOf = new Dictionary<PersonId, FamilyId>();
        foreach (var family in families)
        {
            parent.TryAdd(family.Family, family.Family);
            foreach (var member in family.Members)
            {
                if (firstFamilyOf.TryGetValue(member.Person, out var other))
                    Union(parent, other, family.Family);
                else
                    firstFamilyOf[member.Person] = family.Family;
            }
        }
        var representatives = parent.Keys.ToDictionary(f => f, f => Root(parent, f));
        return new ConnectedFamilies(representatives, representatives.Values.Distinct().Count());
    }

    // Union-find keeping the lower id as the root, so a group's name is its lowest family id whatever the order.
    private static void Union(Dictionary<FamilyId, FamilyId> parent, FamilyId a, FamilyId b)
    {
        var rootA = Root(parent, a);
        var rootB = Root(parent, b);
        if (rootA == rootB)
            return;
        if (rootA.Value < rootB.Value)
            parent[rootB] = rootA;
        else
            parent[rootA] = rootB;
    }

    private static FamilyId Root(Dictionary<FamilyId, FamilyId> parent, FamilyId family)
    {
        var root = family;
        while (parent[root] != root)
            root = parent[root];
        while (parent[family] != root)
            (family, parent[family]) = (parent[family], root);
        return root;
    }
}
