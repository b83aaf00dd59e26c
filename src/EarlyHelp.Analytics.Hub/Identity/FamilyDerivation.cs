namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>A family as derived from the data: its members with their roles and periods.</summary>
/// <param name="PrimaryCarer">The person the family is built around (see <see cref="FamilyDerivation"/>).</param>
/// <param name="Members">Each member's role and period; a person may have several periods.</param>
public sealed record DerivedFamily(long PrimaryCarer, IReadOnlyList<(long Person, Core.FamilyRole Role, Period Period)> Members);

/// <summary>
/// Families from the parent/carer–child relationships that source systems hold (school contacts, social care
/// carers, housing tenancy members, health visiting births) and co-residence. The rules:
/// <list type="number">
/// <item>A relationship counts while the source says it holds and, when both people have residences, only
/// while they live at the same address: a father who moves out stops being a parent of that family on the
/// day he leaves, and a child who leaves stops being its child. When either person has no residence the
/// relationship counts for the period the source gives.</item>
/// <item>A child's primary carer is its mother if a mother relationship counts, otherwise the parent or carer
/// whose relationship counts for longest (to <c>asOf</c> for an open one); ties go to the smaller person id.</item>
/// <item>A family is the children who share a primary carer. Its parents are every mother, father or carer of
/// those children while their relationship counts, so a new partner joins on the day they are recorded as the
/// children's carer and living with them. Grandparents and other contacts living with the children are members
/// in the role <c>other</c>.</item>
/// </list>
/// </summary>
public static class FamilyDerivation
{
    /// <summary>The families of <paramref name="links"/>, given each person's residences, ordered by primary carer.</summary>
    public static IReadOnlyList<DerivedFamily> Derive(IReadOnlyList<CarerLink> links,
        IReadOnlyDictionary<long, IReadOnlyList<(string Uprn, Period Period)>> residences, DateOnly asOf)
    {
        var effective = links
            .Select(link => (Link: link, Periods: Effective(link, residences)))
            .Where(link => link.Periods.Count > 0)
            .ToArray();

        var primaryCarer = effective.Where(e => e.Link.Relationship.IsParental())
            .GroupBy(e => e.Link.Child)
            .ToDictionary(child => child.Key, child => child
                .GroupBy(e => e.Link.Carer)
                .Select(carer => (Carer: carer.Key, IsMother: carer.Any(e => e.Link.Relationship == CarerRelationship.Mother),
                    Days: Period.Merge(carer.SelectMany(e => e.Periods)).Sum(p => Days(p, asOf))))
                .OrderByDescending(c => c.IsMother).ThenByDescending(c => c.Days).ThenBy(c => c.Carer)
                .First().Carer);

        var byChild = effective.ToLookup(e => e.Link.Child);
        var families = new List<DerivedFamily>();
        foreach (var family in primaryCarer.GroupBy(pair => pair.Value, pair => pair.Key).OrderBy(group => group.Key))
        {
            var children = family.ToHashSet();
            var ofChildren = children.SelectMany(child => byChild[child]).ToArray();
            var members = new List<(long Person, Core.FamilyRole Role, Period Period)>();
            void Add(long person, Core.FamilyRole role, IEnumerable<Period> periods) =>
                members.AddRange(Period.Merge(periods).Select(period => (person, role, period)));

            foreach (var child in children.Order())
                Add(child, Core.FamilyRole.Child, ofChildren.Where(e => e.Link.Child == child && e.Link.Relationship.IsParental()).SelectMany(e => e.Periods));
            var parents = ofChildren.Where(e => e.Link.Relationship.IsParental() && !children.Contains(e.Link.Carer)).ToArray();
            foreach (var parent in parents.GroupBy(e => e.Link.Carer).OrderBy(group => group.Key))
                Add(parent.Key, Core.FamilyRole.Parent, parent.SelectMany(e => e.Periods));
            var parentIds = parents.Select(e => e.Link.Carer).ToHashSet();
            var others = ofChildren.Where(e => !e.Link.Relationship.IsParental() && !parentIds.Contains(e.Link.Carer) && !children.Contains(e.Link.Carer)
                && residences.ContainsKey(e.Link.Carer) && residences.ContainsKey(e.Link.Child));
            foreach (var other in others.GroupBy(e => e.Link.Carer).OrderBy(group => group.Key))
                Add(other.Key, Core.FamilyRole.Other, other.SelectMany(e => e.Periods));
            families.Add(new DerivedFamily(family.Key, members));
        }
        return families;
    }

    /// <summary>The periods in which a relationship counts: its own period, cut to the days child and carer share an address when both have residences.</summary>
    public static IReadOnlyList<Period> Effective(CarerLink link, IReadOnlyDictionary<long, IReadOnlyList<(string Uprn, Period Period)>> residences)
    {
        if (link.Period.IsEmpty)
            return [];
        if (!residences.TryGetValue(link.Child, out var child) || !residences.TryGetValue(link.Carer, out var carer))
            return [link.Period];
        var shared = new List<Period>();
        foreach (var (childUprn, childPeriod) in child)
        {
            foreach (var (carerUprn, carerPeriod) in carer)
            {
                if (childUprn == carerUprn)
                    shared.Add(link.Period.Intersect(childPeriod).Intersect(carerPeriod));
            }
        }
        return Period.Merge(shared);
    }

    private static long Days(Period period, DateOnly asOf) =>
        Math.Max(0, (period.End ?? (asOf > period.Start ? asOf : period.Start)).DayNumber - period.Start.DayNumber);
}
