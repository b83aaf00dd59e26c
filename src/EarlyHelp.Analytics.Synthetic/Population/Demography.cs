using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Places;
using EarlyHelp.Analytics.Synthetic.Randomness;
using static EarlyHelp.Analytics.Synthetic.Population.DemographyParameters;

namespace EarlyHelp.Analytics.Synthetic.Population;

/// <summary>
/// One month of a lineage's demography, from the truth stream only: deaths, ageing out of
/// childhood, births, separations, new partners, young adults leaving home, and moves.
/// </summary>
internal sealed partial class Demography(CityLayout layout)
{
    /// <summary>Stress added to a household by a separation, a death, a birth and an eviction [A].</summary>
    public const float SeparationShock = 1.5f, DeathShock = 1.0f, BirthShock = 0.4f, EvictionShock = 1.2f;

    /// <summary>Monthly probability of eviction for a renting household in severe money trouble [A].</summary>
    public const double EvictionHazard = 0.02;

    /// <summary>Monthly probability of death by age in years, from the Gompertz law and infant mortality.</summary>
    private static readonly double[] MonthlyMortality = Enumerable.Range(0, 131)
        .Select(age => (MortalityLevel * Math.Exp(MortalitySlope * age) + (age == 0 ? InfantMortality : 0)) / 12)
        .ToArray();

    /// <summary>Runs month <paramref name="month"/> (an ordinal) for every household that existed at its start.</summary>
    public void Step(Lineage lineage, int month)
    {
        var households = lineage.Households;
        var existing = households.Count;
        for (var i = 0; i < existing; i++)
        {
            var household = households[i];
            if (household.Closed)
                continue;
            household.EvictedThisMonth = false;
            Deaths(lineage, household, month);
            if (household.Closed)
                continue;
            AgeingOut(lineage, household, month);
            Births(lineage, household, month);
            Separation(lineage, household, month);
            Partnering(lineage, household, month);
            LeavingHome(lineage, household, month);
            if (household.Closed || Emigrate(lineage, household, month))
                continue;
            Move(lineage, household, month);
        }
    }

    private static int DayIn(RandomStream random, int month) => Days.FirstOf(month) + random.NextInt(Days.InMonth(month));

    private static void Deaths(Lineage lineage, SimHousehold household, int month)
    {
        var truth = lineage.Truth;
        for (var r = household.Residents.Count - 1; r >= 0; r--)
        {
            var person = household.Residents[r];
            if (!truth.Chance(MonthlyMortality[Math.Min(130, person.AgeIn(month))]))
                continue;
            lineage.Depart(person, DayIn(truth, month), died: true);
            household.Stress += DeathShock;
        }

        // Children left without an adult are taken in by a relative who moves in to care for them.
        if (household.Family is { } family && !household.Closed && family.CountInRole(FamilyRole.Parent) == 0
            && household.Residents.All(p => p.IsChildIn(month)))
        {
            var eldest = household.Residents[0];
            var carer = PersonFactory.Create(lineage, month, month - (45 + truth.NextInt(25)) * 12, truth.Chance(0.3),
                eldest.Ethnicity, household.Area.Deprivation, eldest.Surname);
            var day = DayIn(truth, month);
            lineage.MoveIn(carer, household, day);
            lineage.Join(carer, family, FamilyRole.Parent, day);
        }
    }

    private static void AgeingOut(Lineage lineage, SimHousehold household, int month)
    {
        if (household.Family is not { } family)
            return;
        for (var m = family.Members.Count - 1; m >= 0; m--)
        {
            var member = family.Members[m];
            if (member.Role != FamilyRole.Child || month - member.BirthMonth != 18 * 12)
                continue;
            var day = Days.FirstOf(month);
            lineage.Leave(member, day);
            lineage.Join(member, family, FamilyRole.Other, day);
        }
    }

    private static void Births(Lineage lineage, SimHousehold household, int month)
    {
        var truth = lineage.Truth;
        for (var r = 0; r < household.Residents.Count; r++)
        {
            var woman = household.Residents[r];
            if (woman.Male)
                continue;
            var age = woman.AgeIn(month);
            if (age is < 16 or > 44)
                continue;
            double situation;
            SimPerson? partner = null;
            if (woman.Family is { } own && woman.Role == FamilyRole.Parent)
            {
                partner = OtherParent(own, woman);
                situation = partner is null ? LoneMotherFertility : PartneredFertility;
                if (own.CountInRole(FamilyRole.Child) >= 3)
                    situation *= LargeFamilyFertility;
            }
            else if (woman.Family is null && household.Family is null && age >= 18)
                situation = UnattachedFertility;
            else
                continue;

            // Maternities, not babies: dividing by (1 + twin share) keeps the number of babies born as before.
            var yearly = FertilityByAgeBand[Math.Min(5, (age - 15) / 5)] * situation * FertilityScale / (1 + TwinMaternityShare);
            if (!truth.Chance(yearly / 12))
                continue;

            var motherFamily = woman.Family ?? StartFamily(lineage, household, woman, month);
            var baby = HouseholdFounder.Child(lineage, household, month, month, woman, partner);
            var born = HouseholdFounder.BirthDate(baby);
            lineage.MoveIn(baby, household, born);
            lineage.Join(baby, motherFamily, FamilyRole.Child, born);
            household.Stress += BirthShock;
            if (!truth.Chance(TwinMaternityShare))
                continue;
            var twin = HouseholdFounder.Child(lineage, household, month, month, woman, partner);
            twin.BirthDay = baby.BirthDay;
            twin.Ethnicity = baby.Ethnicity;
            twin.Surname = baby.Surname;
            twin.SecondSurname = baby.SecondSurname;
            Naming.NameTwin(lineage, baby, twin);
            lineage.MoveIn(twin, household, born);
            lineage.Join(twin, motherFamily, FamilyRole.Child, born);
        }
    }

    private static SimPerson? OtherParent(SimFamily family, SimPerson parent)
    {
        foreach (var member in family.Members)
        {
            if (member.Role == FamilyRole.Parent && member != parent)
                return member;
        }
        return null;
    }

    private static SimFamily StartFamily(Lineage lineage, SimHousehold household, SimPerson parent, int month)
    {
        var family = lineage.NewFamily(household);
        lineage.Join(parent, family, FamilyRole.Parent, Days.FirstOf(month));
        return family;
    }
}
