using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>What the co-residence rules know of a person's age and records.</summary>
/// <param name="BirthMonth">Month of birth, or null when no record gives a date of birth.</param>
/// <param name="FirstRecorded">The start of the person's earliest record.</param>
public readonly record struct PersonDates(YearMonth? BirthMonth, DateOnly FirstRecorded);

/// <summary>
/// Families for children on the days no family built from relationships (<see cref="FamilyDerivation"/>) holds them:
/// a pre-school child born before the records begin, a 16-year-old whose school contacts ended, a child known only to
/// the police or the NHS, a child whose recorded address differs from their carer's. A child here is a person with a
/// known date of birth, under 18, from their first record. On each such day:
/// <list type="number">
/// <item><b>Relationship still held.</b> While a source relationship with a parent or carer still holds and that carer
/// is a parent of a family, the child is a child of that family (the address records disagree, the source does not).</item>
/// <item><b>Sibling's carer.</b> Otherwise, while the child lives at an address with someone who is a parent or carer
/// of a family while living at that address (so the carer of the child's siblings there), the child is a child of that
/// family; of several such families, the one the child shares the address with longest.</item>
/// <item><b>Adults of parent age.</b> Otherwise, while the child lives with people <see cref="YoungestParentGap"/> to
/// <see cref="OldestParentGap"/> years older, or adults of unknown age, the child belongs to a family around the one of
/// them who shares the address longest (ties to the smaller id), with each of them as a parent while they live
/// there together.</item>
/// <item><b>Alone.</b> The days left at an address, and all the days of a child with no residence, make a family of
/// the child's own, so that the child's records still count.</item>
/// </list>
/// </summary>
public static class CoResidenceFamilies
{
    /// <summary>Fewest years between a child's birth and an adult's for the adult to be of parent age: the youngest mothers in ONS birth registrations are 15 to 16 at the birth [A].</summary>
    public const int YoungestParentGap = 16;

    /// <summary>Most years between an adult's birth and a child's for the adult to be of parent age; wide on purpose, so that a grandparent bringing up a child counts [A].</summary>
    public const int OldestParentGap = 60;

    /// <summary>Age at which childhood ends, in whole years (a dependent child is 0 to 17).</summary>
    public const int AdultAge = 18;

    /// <summary>
    /// <paramref name="families"/> (built from relationships) with the children no relationship places added by
    /// the rules above, then the new families of rules 2 and 3 ordered by the person they are built around.
    /// </summary>
    public static IReadOnlyList<DerivedFamily> Extend(IReadOnlyList<DerivedFamily> families, IReadOnlyList<CarerLink> links,
        IReadOnlyDictionary<long, IReadOnlyList<(string Uprn, Period Period)>> residences, IReadOnlyDictionary<long, PersonDates> people)
    {
        var asChild = families.SelectMany(f => f.Members).Where(m => m.Role == FamilyRole.Child).ToLookup(m => m.Person, m => m.Period);
        var asParent = families.SelectMany((f, i) => f.Members.Where(m => m.Role == FamilyRole.Parent).Select(m => (m.Person, Family: i, m.Period)))
            .ToLookup(m => m.Person, m => (m.Family, m.Period));
        var carersOf = links.Where(link => link.Relationship.IsParental()).ToLookup(link => link.Child);
        var residents = residences
            .SelectMany(person => person.Value.Select(r => (r.Uprn, Person: person.Key, r.Period)))
            .ToLookup(r => r.Uprn, r => (r.Person, r.Period));
        var carerFamilies = CarerFamiliesByAddress(families, residences);

        var added = families.Select(_ => new List<(long Person, FamilyRole Role, Period Period)>()).ToArray();
        var aroundAdult = new SortedDictionary<long, List<(long Person, FamilyRole Role, Period Period)>>();
        var ofTheirOwn = new SortedDictionary<long, List<(long Person, FamilyRole Role, Period Period)>>();
        void Alone(long child, Period part)
        {
            if (!ofTheirOwn.TryGetValue(child, out var own))
                ofTheirOwn[child] = own = [];
            own.Add((child, FamilyRole.Child, part));
        }

        foreach (var (child, dates) in people.OrderBy(p => p.Key))
        {
            if (dates.BirthMonth is not { } birthMonth)
                continue;
            var childhood = new Period(birthMonth.FirstDay, birthMonth.FirstDay.AddYears(AdultAge)).Intersect(new Period(dates.FirstRecorded, null));
            var unplaced = childhood.Except(asChild[child])
                .SelectMany(part => RelationshipHeld(child, part, carersOf[child], asParent, added))
                .ToArray();
            if (!residences.TryGetValue(child, out var homes))
            {
                foreach (var part in unplaced)
                    Alone(child, part);
                continue;
            }
            foreach (var (uprn, home) in homes)
            {
                foreach (var stay in unplaced.Select(home.Intersect).Where(stay => !stay.IsEmpty))
                {
                    foreach (var part in SiblingsCarer(child, uprn, stay, carerFamilies, added)
                        .SelectMany(part => ParentAgeAdults(child, birthMonth, part, residents[uprn], people, aroundAdult)))
                        Alone(child, part);
                }
            }
        }

        var result = families.Select((family, i) => added[i].Count == 0 ? family : family with { Members = Merged([.. family.Members, .. added[i]]) }).ToList();
        result.AddRange(aroundAdult.Select(family => new DerivedFamily(family.Key, Merged(family.Value))));
        result.AddRange(ofTheirOwn.Select(family => new DerivedFamily(family.Key, Merged(family.Value))));
        return result;
    }

    /// <summary>Rule 1 for days no family holds the child: the family of a carer the source still relates them to; returns the days left.</summary>
    private static IReadOnlyList<Period> RelationshipHeld(long child, Period part, IEnumerable<CarerLink> carers,
        ILookup<long, (int Family, Period Period)> asParent, List<(long Person, FamilyRole Role, Period Period)>[] added) =>
        Join(child, part, carers.SelectMany(link => asParent[link.Carer].Select(p => (p.Family, Period: p.Period.Intersect(link.Period)))), added);

    /// <summary>Adds the child to the candidate family sharing most of <paramref name="part"/>, for the days shared; returns the days left.</summary>
    private static IReadOnlyList<Period> Join(long child, Period part, IEnumerable<(int Family, Period Period)> candidates,
        List<(long Person, FamilyRole Role, Period Period)>[] added)
    {
        var best = candidates
            .GroupBy(c => c.Family)
            .Select(family => (Family: family.Key, Shared: Period.Merge(family.Select(c => c.Period.Intersect(part)))))
            .Where(family => family.Shared.Count > 0)
            .OrderByDescending(family => family.Shared.Sum(DaysOf)).ThenBy(family => family.Family)
            .FirstOrDefault();
        if (best.Shared is null)
            return [part];
        added[best.Family].AddRange(best.Shared.Select(period => (child, FamilyRole.Child, period)));
        return part.Except(best.Shared);
    }

    /// <summary>Rule 2 for one stay at an address: the family whose carer there shares it longest; returns the days left.</summary>
    private static IReadOnlyList<Period> SiblingsCarer(long child, string uprn, Period stay,
        Dictionary<string, List<(int Family, Period Period)>> carerFamilies, List<(long Person, FamilyRole Role, Period Period)>[] added) =>
        carerFamilies.TryGetValue(uprn, out var candidates) ? Join(child, stay, candidates, added) : [stay];

    /// <summary>Rule 3 for part of a stay: a family around the parent-age adult who shares it longest; returns the days left.</summary>
    private static IReadOnlyList<Period> ParentAgeAdults(long child, YearMonth birthMonth, Period part, IEnumerable<(long Person, Period Period)> residents,
        IReadOnlyDictionary<long, PersonDates> people, SortedDictionary<long, List<(long Person, FamilyRole Role, Period Period)>> aroundAdult)
    {
        var adults = residents
            .Where(r => r.Person != child && IsOfParentAge(birthMonth, people.GetValueOrDefault(r.Person).BirthMonth))
            .Select(r => (r.Person, Shared: r.Period.Intersect(part)))
            .Where(r => !r.Shared.IsEmpty)
            .ToArray();
        if (adults.Length == 0)
            return [part];
        var carer = adults.GroupBy(a => a.Person)
            .OrderByDescending(a => Period.Merge(a.Select(x => x.Shared)).Sum(DaysOf)).ThenBy(a => a.Key)
            .First().Key;
        if (!aroundAdult.TryGetValue(carer, out var family))
            aroundAdult[carer] = family = [];
        var together = Period.Merge(adults.Select(a => a.Shared));
        family.AddRange(together.Select(period => (child, FamilyRole.Child, period)));
        family.AddRange(adults.Select(a => (a.Person, FamilyRole.Parent, a.Shared)));
        return part.Except(together);
    }

    /// <summary>Whether someone born in <paramref name="adult"/> is of parent age for a child born in <paramref name="child"/>; of unknown age, the hub reads them as an adult.</summary>
    public static bool IsOfParentAge(YearMonth child, YearMonth? adult) =>
        adult is not { } born || (child.Ordinal - born.Ordinal) is >= YoungestParentGap * 12 and <= OldestParentGap * 12;

    /// <summary>For each address, the relationship families with a parent or carer living there while a parent of the family, and the days they lived there.</summary>
    private static Dictionary<string, List<(int Family, Period Period)>> CarerFamiliesByAddress(IReadOnlyList<DerivedFamily> families,
        IReadOnlyDictionary<long, IReadOnlyList<(string Uprn, Period Period)>> residences)
    {
        var byAddress = new Dictionary<string, List<(int Family, Period Period)>>(StringComparer.Ordinal);
        for (var i = 0; i < families.Count; i++)
        {
            foreach (var (person, role, period) in families[i].Members)
            {
                if (role != FamilyRole.Parent || !residences.TryGetValue(person, out var homes))
                    continue;
                foreach (var (uprn, home) in homes.Where(h => !h.Period.Intersect(period).IsEmpty))
                {
                    if (!byAddress.TryGetValue(uprn, out var list))
                        byAddress[uprn] = list = [];
                    list.Add((i, home));
                }
            }
        }
        return byAddress;
    }

    private static List<(long Person, FamilyRole Role, Period Period)> Merged(IEnumerable<(long Person, FamilyRole Role, Period Period)> members) =>
        members.GroupBy(m => (m.Person, m.Role))
            .OrderBy(g => g.Key.Role == FamilyRole.Child ? 0 : 1).ThenBy(g => g.Key.Person)
            .SelectMany(g => Period.Merge(g.Select(m => m.Period)).Select(period => (g.Key.Person, g.Key.Role, period)))
            .ToList();

    private static long DaysOf(Period period) => period.End is { } end ? end.DayNumber - period.Start.DayNumber : int.MaxValue / 4;
}
