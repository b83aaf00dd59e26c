using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Places;
using EarlyHelp.Analytics.Synthetic.Randomness;

namespace EarlyHelp.Analytics.Synthetic.Population;

/// <summary>Creates the people, household and family of a starting household from its plan, with histories reaching back before the simulation.</summary>
internal static class HouseholdFounder
{
    /// <summary>Odds of social renting for each household type relative to the area's mix: lone parents rent socially most [A].</summary>
    private static readonly double[] SocialRentOdds = [1.0, 0.7, 0.9, 2.5, 0.5, 1.0];

    /// <summary>How much a household's lasting adversity rises per unit of deprivation [A].</summary>
    public const double AdversityDeprivationSlope = 0.1;

    /// <summary>Creates the founding household of <paramref name="lineage"/> from its plan.</summary>
    public static void Found(Lineage lineage, HouseholdPlan plan, CityLayout layout)
    {
        var truth = lineage.Truth;
        var month = plan.Month;
        var arriving = plan.Arriving;
        var area = layout.Areas[plan.Area];
        var household = lineage.NewHousehold(area, DrawTenure(area, plan.Type, truth),
            (float)(truth.NextGaussian() + AdversityDeprivationSlope * area.Deprivation));

        switch (plan.Type)
        {
            case HouseholdType.OnePerson:
            {
                var age = arriving ? 20 + truth.NextInt(15) : DrawSingleAge(truth);
                var male = truth.Chance(age >= 65 ? 0.38 : DemographyParameters.MaleShare);
                var person = Adult(lineage, household, month, age, male, DrawEthnicity(area, truth));
                MoveInAll(lineage, household, [person], month, arriving);
                break;
            }
            case HouseholdType.Shared:
            {
                var sharers = Enumerable.Range(0, plan.Adults)
                    .Select(_ => Adult(lineage, household, month, 18 + truth.NextInt(arriving ? 9 : 17), truth.Chance(0.5), DrawEthnicity(area, truth)))
                    .ToList();
                MoveInAll(lineage, household, sharers, month, arriving);
                break;
            }
            case HouseholdType.Couple:
            {
                var headAge = arriving ? 22 + truth.NextInt(14)
                    : truth.NextDouble() switch { < 0.3 => 20 + truth.NextInt(20), < 0.6 => 40 + truth.NextInt(25), _ => 65 + truth.NextInt(26) };
                var (first, second) = Couple(lineage, household, month, headAge);
                var moveIn = MoveInAll(lineage, household, [first, second], month, arriving);
                var family = lineage.NewFamily(household);
                lineage.Join(first, family, FamilyRole.Parent, moveIn);
                lineage.Join(second, family, FamilyRole.Parent, moveIn);
                break;
            }
            default:
                FoundFamilyWithChildren(lineage, household, plan);
                break;
        }
    }

    private static void FoundFamilyWithChildren(Lineage lineage, SimHousehold household, HouseholdPlan plan)
    {
        var truth = lineage.Truth;
        var month = plan.Month;
        var adultChildren = plan.Type == HouseholdType.ParentsWithAdultChildren;
        var eldestAge = adultChildren ? 18 + truth.NextInt(12) : truth.NextInt(plan.Arriving ? 10 : 18);
        var childAges = new int[plan.Children];
        childAges[0] = eldestAge;
        for (var i = 1; i < childAges.Length; i++)
            childAges[i] = Math.Max(adultChildren ? 18 : 0, childAges[i - 1] - 1 - truth.NextInt(4));

        var lone = plan.Adults == 1;
        var motherAgeAtFirstBirth = Math.Clamp(lone && !adultChildren ? truth.NextGaussian(26, 6) : truth.NextGaussian(29, 5), 16, 44);
        var parentAge = Math.Max(18, eldestAge + (int)motherAgeAtFirstBirth);
        SimPerson mother, father;
        List<SimPerson> parents;
        if (lone)
        {
            var isMother = truth.Chance(DemographyParameters.LoneParentMotherShare);
            var parent = Adult(lineage, household, month, isMother ? parentAge : parentAge + 2, !isMother, DrawEthnicity(household.Area, truth));
            (mother, father) = (parent, parent);
            parents = [parent];
        }
        else
        {
            (mother, father) = Couple(lineage, household, month, parentAge, firstIsFemale: true);
            parents = [mother, father];
        }

        var children = childAges.Select(age => Child(lineage, household, month, month - age * 12 - truth.NextInt(12), mother, lone ? null : father)).ToList();
        var moveIn = MoveInAll(lineage, household, [.. parents, .. children], month, plan.Arriving);
        var family = lineage.NewFamily(household);
        // An arriving family is known to the council from the day it moves in; a starting one from its first child's birth.
        var familyStart = plan.Arriving ? moveIn : Math.Min(moveIn, BirthDate(children[0]));
        foreach (var parent in parents)
            lineage.Join(parent, family, FamilyRole.Parent, familyStart);
        foreach (var child in children)
        {
            if (!adultChildren)
            {
                lineage.Join(child, family, FamilyRole.Child, Math.Max(familyStart, BirthDate(child)));
                continue;
            }
            // An adult child was a dependent child of the family until eighteen.
            var eighteenth = Days.FirstOf(child.BirthMonth + 18 * 12);
            lineage.Join(child, family, FamilyRole.Child, BirthDate(child));
            lineage.Leave(child, eighteenth);
            lineage.Join(child, family, FamilyRole.Other, eighteenth);
        }
    }

    /// <summary>The true date of birth of <paramref name="person"/> as a day number.</summary>
    public static int BirthDate(SimPerson person) => Days.FirstOf(person.BirthMonth) + person.BirthDay - 1;

    /// <summary>A new child of <paramref name="mother"/> (and <paramref name="father"/>, when present), born in <paramref name="birthMonth"/>.</summary>
    public static SimPerson Child(Lineage lineage, SimHousehold household, int month, int birthMonth, SimPerson mother, SimPerson? father)
    {
        var truth = lineage.Truth;
        var ethnicity = father is null || father.Ethnicity == mother.Ethnicity ? mother.Ethnicity
            : truth.Chance(0.8) ? Ethnicity.Mixed : mother.Ethnicity;
        var surname = father is not null ? father.Surname : mother.Surname;
        var child = PersonFactory.Create(lineage, month, birthMonth, truth.Chance(DemographyParameters.MaleBirthShare), ethnicity, household.Area.Deprivation, surname);
        Naming.NameChild(lineage, child, mother, father);
        return child;
    }

    /// <summary>A partner for someone of <paramref name="partnerOf"/>'s ethnicity: usually the same group, otherwise one from the area's mix.</summary>
    public static Ethnicity PartnerEthnicity(Ethnicity partnerOf, Area area, RandomStream truth) =>
        truth.Chance(DemographyParameters.SameEthnicityPartnerShare) ? partnerOf : DrawEthnicity(area, truth);

    /// <summary>An ethnic group from the area's mix.</summary>
    public static Ethnicity DrawEthnicity(Area area, RandomStream truth) => (Ethnicity)truth.Pick(area.EthnicityCumulative);

    /// <summary>A tenure from the area's mix, adjusted for the kind of household.</summary>
    public static Tenure DrawTenure(Area area, HouseholdType type, RandomStream truth)
    {
        var social = area.TenureCumulative[2] - area.TenureCumulative[1];
        var odds = social / (1 - social) * SocialRentOdds[(int)type];
        var adjusted = odds / (1 + odds);
        if (truth.Chance(adjusted))
            return Tenure.SocialRent;
        var owner = area.TenureCumulative[0] / area.TenureCumulative[1];
        return truth.Chance(owner) ? Tenure.Owner : Tenure.PrivateRent;
    }

    private static int DrawSingleAge(RandomStream truth) => truth.NextDouble() switch
    {
        < 0.25 => 18 + truth.NextInt(17),
        < 0.50 => 35 + truth.NextInt(30),
        _ => 65 + (int)(30 * Math.Pow(truth.NextDouble(), 1.5)),
    };

    private static SimPerson Adult(Lineage lineage, SimHousehold household, int month, int age, bool male, Ethnicity ethnicity, int? surname = null) =>
        PersonFactory.Create(lineage, month, month - age * 12 - lineage.Truth.NextInt(12), male, ethnicity, household.Area.Deprivation, surname);

    private static (SimPerson First, SimPerson Second) Couple(Lineage lineage, SimHousehold household, int month, int firstAge, bool firstIsFemale = false)
    {
        var truth = lineage.Truth;
        var firstMale = !firstIsFemale && truth.Chance(0.5);
        var first = Adult(lineage, household, month, firstAge, firstMale, DrawEthnicity(household.Area, truth));
        var secondAge = Math.Max(18, firstAge + (int)Math.Round(truth.NextGaussian(firstMale ? -2.5 : 2.5, 3.5)));
        var secondMale = truth.Chance(0.97) ? !firstMale : firstMale;
        var shared = truth.Chance(0.7);
        var second = Adult(lineage, household, month, secondAge, secondMale, PartnerEthnicity(first.Ethnicity, household.Area, truth));
        if (shared)
        {
            // The couple share a surname: one took the other's at marriage, some years before the simulation starts.
            var (taker, from) = second.Male && !first.Male ? (first, second) : (second, first);
            var adulthood = Days.FirstOf(Math.Max(first.BirthMonth, second.BirthMonth) + 18 * 12);
            Naming.TakeSurname(taker, from, Math.Max(adulthood, Days.FirstOf(month) - lineage.Identity.NextInt(3650)));
        }
        return (first, second);
    }

    /// <summary>
    /// Moves everyone in: an arriving household on a day of <paramref name="month"/>, a starting one on a
    /// day some years before it (children from birth if later). Returns the adults' move-in day.
    /// </summary>
    private static int MoveInAll(Lineage lineage, SimHousehold household, IReadOnlyList<SimPerson> people, int month, bool arriving)
    {
        var youngestAdultAge = people.Where(p => !p.IsChildIn(month)).Min(p => p.AgeIn(month));
        var years = arriving ? 0 : Math.Max(0, Math.Min(DemographyParameters.MaximumYearsAtStartingAddress, youngestAdultAge - 18));
        var moveInMonth = month - lineage.Truth.NextInt(years * 12 + 1);
        var moveIn = Days.FirstOf(moveInMonth) + lineage.Truth.NextInt(Days.InMonth(moveInMonth));
        foreach (var person in people)
            lineage.MoveIn(person, household, Math.Max(moveIn, BirthDate(person)));
        return moveIn;
    }
}
