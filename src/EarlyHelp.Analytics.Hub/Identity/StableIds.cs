namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>How an id changed between two loads.</summary>
public enum IdChange
{
    /// <summary>A new id for a group with no member seen before.</summary>
    Created,

    /// <summary>Members that had another id joined this one; the other id is no longer used.</summary>
    Merged,

    /// <summary>Members that had another id left it for this one.</summary>
    Split,
}

/// <summary>One change of ids: <paramref name="Id"/> now holds <paramref name="Members"/> members that were under <paramref name="OtherId"/>.</summary>
/// <param name="Change">What happened.</param>
/// <param name="Id">The id after this load.</param>
/// <param name="OtherId">The id the members had before (none for <see cref="IdChange.Created"/>).</param>
/// <param name="Members">Members concerned.</param>
public readonly record struct IdHistory(IdChange Change, long Id, long? OtherId, long Members);

/// <summary>
/// Keeps ids stable when groups are formed afresh at every load (people from linked records, families from
/// people). Each new group takes the old id that most of its members had, largest overlaps first, so that an
/// id passes to the group that holds most of what it held; ties go to the smaller id, then the earlier group.
/// A group whose members had no id, or whose old ids all went to larger overlaps, gets the next unused id.
/// Every merge (one group holding members of several old ids) and split (an old id's members now in
/// several groups) is returned as history.
/// </summary>
public static class StableIds
{
    /// <summary>Assigns an id to each of <paramref name="groups"/>; <paramref name="previous"/> gives each member's old id, if any.</summary>
    /// <typeparam name="TMember">The member key (a record reference, a person id).</typeparam>
    /// <param name="groups">The new groups, each a list of members.</param>
    /// <param name="previous">Old id of a member, or false when it had none.</param>
    /// <param name="firstUnused">The smallest id never used before (new ids count up from it).</param>
    public static (long[] Ids, IReadOnlyList<IdHistory> History) Assign<TMember>(
        IReadOnlyList<IReadOnlyList<TMember>> groups, Func<TMember, long?> previous, long firstUnused)
    {
        var overlaps = new List<(int Group, long OldId, long Count)>();
        var groupsOfOldId = new Dictionary<long, int>();
        var hadIds = new bool[groups.Count];
        for (var group = 0; group < groups.Count; group++)
        {
            foreach (var (oldId, count) in groups[group].Select(previous).OfType<long>().CountBy(id => id))
            {
                overlaps.Add((group, oldId, count));
                hadIds[group] = true;
                groupsOfOldId[oldId] = groupsOfOldId.GetValueOrDefault(oldId) + 1;
            }
        }

        var ids = new long[groups.Count];
        var assigned = new bool[groups.Count];
        var taken = new HashSet<long>();
        foreach (var (group, oldId, _) in overlaps.OrderByDescending(o => o.Count).ThenBy(o => o.OldId).ThenBy(o => o.Group))
        {
            if (assigned[group] || !taken.Add(oldId))
                continue;
            ids[group] = oldId;
            assigned[group] = true;
        }
        var next = Math.Max(firstUnused, taken.Count == 0 ? firstUnused : taken.Max() + 1);
        var history = new List<IdHistory>();
        for (var group = 0; group < groups.Count; group++)
        {
            if (assigned[group])
                continue;
            ids[group] = next++;
            if (!hadIds[group])
                history.Add(new IdHistory(IdChange.Created, ids[group], null, groups[group].Count));
        }

        foreach (var (group, oldId, count) in overlaps)
        {
            if (ids[group] == oldId)
                continue;
            // The old id lives on elsewhere: these members split from it; otherwise it was merged into this group.
            var change = taken.Contains(oldId) && groupsOfOldId[oldId] > 1 ? IdChange.Split : IdChange.Merged;
            history.Add(new IdHistory(change, ids[group], oldId, count));
        }
        return (ids, history);
    }
}
