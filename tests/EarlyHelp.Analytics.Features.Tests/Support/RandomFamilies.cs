using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;
using FsCheck;
using FsCheck.Fluent;

namespace EarlyHelp.Analytics.Features.Tests.Support;

/// <summary>One random person of a random family.</summary>
internal sealed record RandomMember(int BirthYear, int BirthMonth, FamilyRole Role, int JoinDay, int? StayDays, int[] MoveDays, bool OptedOut);

/// <summary>A random family history (days count from <see cref="RandomFamilies.Epoch"/>) and a random as-of day.</summary>
internal sealed record RandomFamily(RandomMember[] Members, AgencyEvent[] Events, int AsOfDay)
{
    public DateOnly AsOf => RandomFamilies.Epoch.AddDays(AsOfDay);

    /// <summary>The family in a hub whose extract date is 2026-12-31; family id 1, person ids 1..n.</summary>
    public FamilyHistory History(IEnumerable<AgencyEvent> events)
    {
        var hub = new InMemoryHub(new DateOnly(2026, 12, 31));
        for (var i = 0; i < Members.Length; i++)
        {
            var member = Members[i];
            var person = hub.Person(i + 1, $"{member.BirthYear:D4}-{member.BirthMonth:D2}");
            var join = RandomFamilies.Epoch.AddDays(member.JoinDay);
            hub.Member(1, person, member.Role, $"{join:yyyy-MM-dd}",
                member.StayDays is { } stay ? $"{join.AddDays(stay):yyyy-MM-dd}" : null);
            foreach (var (move, household) in member.MoveDays.Order().Select((day, n) => (day, n)))
                hub.Lives(person, 100 * (i + 1) + household, $"{RandomFamilies.Epoch.AddDays(move):yyyy-MM-dd}");
            if (member.OptedOut)
                hub.OptOut(person);
        }
        foreach (var agencyEvent in events)
            hub.Record(agencyEvent);
        return hub.Family(1);
    }
}

/// <summary>FsCheck generators of random families and of changes to their records.</summary>
internal static class RandomFamilies
{
    /// <summary>Day 0 of the generated calendars.</summary>
    public static readonly DateOnly Epoch = new(2012, 1, 1);

    /// <summary>Days from the epoch covered by generated records (to the end of 2025).</summary>
    public const int Span = 5113;

    private static readonly string[] Codes = DatasetCatalogue.All.Select(d => d.Code).ToArray();

    public static Gen<RandomFamily> Families { get; } =
        from memberCount in Gen.Choose(1, 5)
        from members in Member.ArrayOf(memberCount)
        from eventCount in Gen.Choose(0, 60)
        from events in Record(memberCount, 0, Span).ArrayOf(eventCount)
        from asOfDay in Gen.Choose(1200, Span - 200)
        select new RandomFamily(members, events, asOfDay);

    private static Gen<RandomMember> Member { get; } =
        from birthYear in Gen.Choose(1955, 2024)
        from birthMonth in Gen.Choose(1, 12)
        from role in Gen.Elements(FamilyRole.Parent, FamilyRole.Child, FamilyRole.Child, FamilyRole.Other)
        from joinDay in Gen.Choose(-3000, Span)
        from leaves in Gen.Elements(false, false, true)
        from stayDays in Gen.Choose(1, 4000)
        from moveCount in Gen.Choose(0, 3)
        from moveDays in Gen.Choose(-2000, Span).ArrayOf(moveCount)
        from optedOut in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new RandomMember(birthYear, birthMonth, role, joinDay, leaves ? stayDays : null, moveDays, optedOut);

    /// <summary>A record of a random person (1..<paramref name="people"/>) starting between the two days.</summary>
    public static Gen<AgencyEvent> Record(int people, int firstDay, int lastDay) => Record(people, Gen.Choose(firstDay, lastDay));

    /// <summary>
    /// A record starting on or after T — a quarter of them on T itself and another quarter within a
    /// month of it, where an off-by-one in the rules would show.
    /// </summary>
    private static Gen<AgencyEvent> RecordFrom(RandomFamily family) => Record(family.Members.Length, Gen.Frequency(
        (1, Gen.Constant(family.AsOfDay)), (1, Gen.Choose(family.AsOfDay, family.AsOfDay + 31)), (2, Gen.Choose(family.AsOfDay, family.AsOfDay + 800))));

    /// <summary>A record starting on or before T, a quarter of them on T and another quarter within a month before it.</summary>
    private static Gen<AgencyEvent> RecordUpTo(RandomFamily family) => Record(family.Members.Length, Gen.Frequency(
        (1, Gen.Constant(family.AsOfDay)), (1, Gen.Choose(family.AsOfDay - 31, family.AsOfDay)), (2, Gen.Choose(0, family.AsOfDay))));

    private static Gen<AgencyEvent> Record(int people, Gen<int> startDays) =>
        from person in Gen.Choose(1, people)
        from code in Gen.Elements(Codes)
        from startDay in startDays
        from hasEnd in Gen.Elements(false, true)
        from length in Gen.Choose(0, 900)
        from value in Gen.Choose(0, 2000)
        select new AgencyEvent(0, new PersonId(person), code, Epoch.AddDays(startDay),
            hasEnd ? Epoch.AddDays(startDay + length) : null, value);

    /// <summary>
    /// Everything recorded on or after T changed at random: each record starting on or after T
    /// removed, kept or replaced by another starting on or after T; new ones added; and the end of
    /// each record open at T moved to another day on or after T, or removed.
    /// </summary>
    public static Gen<AgencyEvent[]> ChangesFromT(RandomFamily family)
    {
        var asOf = family.AsOf;
        var changes = family.Events.Select(e =>
            e.Start >= asOf ? Gen.OneOf(Gen.Constant<AgencyEvent?>(null), Gen.Constant<AgencyEvent?>(e), RecordFrom(family).Select(r => (AgencyEvent?)r))
            : e.End is null || e.End >= asOf ? Gen.Choose(0, 900).Select(days => (AgencyEvent?)(e with { End = days == 0 ? null : asOf.AddDays(days - 1) }))
            : Gen.Constant<AgencyEvent?>(e));
        return from kept in Gen.CollectToArray(changes)
               from addedCount in Gen.Choose(0, 10)
               from added in RecordFrom(family).ArrayOf(addedCount)
               select kept.OfType<AgencyEvent>().Concat(added).ToArray();
    }

    /// <summary>Every record starting on or before T removed, kept or replaced by another starting on or before T, plus new ones.</summary>
    public static Gen<AgencyEvent[]> ChangesUpToT(RandomFamily family)
    {
        var asOf = family.AsOf;
        var changes = family.Events.Select(e =>
            e.Start <= asOf ? Gen.OneOf(Gen.Constant<AgencyEvent?>(null), Gen.Constant<AgencyEvent?>(e), RecordUpTo(family).Select(r => (AgencyEvent?)r))
            : Gen.Constant<AgencyEvent?>(e));
        return from kept in Gen.CollectToArray(changes)
               from addedCount in Gen.Choose(0, 10)
               from added in RecordUpTo(family).ArrayOf(addedCount)
               select kept.OfType<AgencyEvent>().Concat(added).ToArray();
    }
}
