using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>
/// Which records a source relates to each other, for group linkage: a carer, contact or mother and the child of the same
/// row (both ways), and the members of one tenancy. Positions are in the list given.
/// </summary>
internal static class RecordRelations
{
    private static readonly string TenancyMembers = CouncilFiles.DatasetName(CouncilFiles.HousingTenancyMembers);

    /// <summary>For each record, the positions of the records related to it, or null for none.</summary>
    public static List<int>?[] Of(IReadOnlyList<IdentityRecord> records)
    {
        var related = new List<int>?[records.Count];
        // Only the children that carers point at are looked up: no index of every record's key.
        var children = new Dictionary<(string, string), int>();
        var tenancies = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].RelatedRef is not { Length: > 0 } reference)
                continue;
            if (records[i].Dataset == TenancyMembers)
            {
                if (!tenancies.TryGetValue(reference, out var members))
                    tenancies[reference] = members = [];
                members.Add(i);
            }
            else
                children.TryAdd((records[i].Dataset, reference), -1);
        }
        for (var i = 0; i < records.Count && children.Count > 0; i++)
            if (children.ContainsKey(records[i].Key))
                children[records[i].Key] = i;
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].RelatedRef is { Length: > 0 } reference && records[i].Dataset != TenancyMembers
                && children.TryGetValue((records[i].Dataset, reference), out var child) && child >= 0)
            {
                Add(related, i, child);
                Add(related, child, i);
            }
        }
        foreach (var members in tenancies.Values)
            foreach (var member in members)
                foreach (var other in members)
                    if (other != member)
                        Add(related, member, other);
        return related;
    }

    private static void Add(List<int>?[] related, int record, int other) => (related[record] ??= []).Add(other);
}
