using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Places;
using EarlyHelp.Analytics.Synthetic.Randomness;
using static EarlyHelp.Analytics.Synthetic.Population.DemographyParameters;

namespace EarlyHelp.Analytics.Synthetic.Population;

/// <summary>
/// One month of a lineage's demography, from the truth stream only: deaths, ageing out of
/// childhood, births, separations, new partners, young adults leaving home, and moves.
/// </summary>
internal sealed class Demography(CityLayout layout)
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

            var yearly = FertilityByAgeBand[Math.Min(5, (age - 15) / 5)] * situation * FertilityScale;
            if (!truth.Chance(yearly / 12))
                continue;

            var motherFamily = woman.Family ?? StartFamily(lineage, household, woman, month);
            var baby = HouseholdFounder.Child(lineage, household, month, month, woman, partner);
            var born = HouseholdFounder.BirthDate(baby);
            lineage.MoveIn(baby, household, born);
            lineage.Join(baby, motherFamily, FamilyRole.Child, born);
            household.Stress += BirthShock;
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

    private void Separation(Lineage lineage, SimHousehold household, int month)
    {
        if (household.Family is not { } family || family.CountInRole(FamilyRole.Parent) != 2)
            return;
        var truth = lineage.Truth;
        var substance = false;
        foreach (var resident in household.Residents)
            substance |= resident.Substance > 0;
        var risk = Math.Exp((household.DomesticAbuse > 0 ? 1.2 : 0) + (household.Money > 0 ? 0.4 : 0) + (substance ? 0.4 : 0));
        if (!truth.Chance(SeparationHazard * risk))
            return;

        var parents = family.InRole(FamilyRole.Parent).ToArray();
        var hasChildren = family.CountInRole(FamilyRole.Child) > 0;
        SimPerson leaver;
        if (hasChildren && parents[0].Male != parents[1].Male)
        {
            var father = parents[0].Male ? parents[0] : parents[1];
            var mother = parents[0].Male ? parents[1] : parents[0];
            leaver = truth.Chance(LoneParentMotherShare) ? father : mother;
        }
        else
            leaver = parents[truth.NextInt(2)];

        var day = DayIn(truth, month);
        household.SeparatedMonth = month;
        household.Stress += SeparationShock;
        if (!hasChildren)
        {
            // A couple without children is no longer a family once they part.
            foreach (var member in family.Members.ToArray())
                lineage.Leave(member, day);
        }
        else
            lineage.Leave(leaver, day);

        if (!truth.Chance(SeparatedStayShare))
        {
            lineage.Depart(leaver, day, died: false);
            return;
        }
        lineage.MoveOut(leaver, day);
        var home = NewHome(lineage, household);
        home.Stress = SeparationShock;
        home.SeparatedMonth = month;
        lineage.MoveIn(leaver, home, day);
    }

    private void Partnering(Lineage lineage, SimHousehold household, int month)
    {
        var truth = lineage.Truth;
        if (household.Family is { } family)
        {
            if (family.CountInRole(FamilyRole.Parent) != 1 || family.CountInRole(FamilyRole.Child) == 0 || !truth.Chance(LoneParentRepartnerHazard))
                return;
            var parent = family.InRole(FamilyRole.Parent).First();
            var partner = NewPartner(lineage, household, parent, month);
            var day = DayIn(truth, month);
            lineage.MoveIn(partner, household, day);
            lineage.Join(partner, family, FamilyRole.Parent, day);
            return;
        }

        for (var r = 0; r < household.Residents.Count; r++)
        {
            var single = household.Residents[r];
            if (single.AgeIn(month) is < 20 or > 59 || !truth.Chance(SingleRepartnerHazard))
                continue;
            var partner = NewPartner(lineage, household, single, month);
            var day = DayIn(truth, month);
            var home = household;
            if (household.Residents.Count > 1)
            {
                // Someone in a shared house sets up home with their partner elsewhere.
                lineage.MoveOut(single, day);
                home = NewHome(lineage, household);
                lineage.MoveIn(single, home, day);
            }
            lineage.MoveIn(partner, home, day);
            var couple = lineage.NewFamily(home);
            lineage.Join(single, couple, FamilyRole.Parent, day);
            lineage.Join(partner, couple, FamilyRole.Parent, day);
            return;
        }
    }

    private static SimPerson NewPartner(Lineage lineage, SimHousehold household, SimPerson of, int month)
    {
        var truth = lineage.Truth;
        var male = truth.Chance(0.96) ? !of.Male : of.Male;
        var age = Math.Max(18, of.AgeIn(month) + (int)Math.Round(truth.NextGaussian(male ? 1.5 : -1.5, 4)));
        var ethnicity = HouseholdFounder.PartnerEthnicity(of.Ethnicity, household.Area, truth);
        return PersonFactory.Create(lineage, month, month - age * 12 - truth.NextInt(12), male, ethnicity, household.Area.Deprivation);
    }

    private void LeavingHome(Lineage lineage, SimHousehold household, int month)
    {
        if (household.Family is not { } family)
            return;
        var truth = lineage.Truth;
        for (var m = family.Members.Count - 1; m >= 0; m--)
        {
            var member = family.Members[m];
            if (member.Role != FamilyRole.Other || member.AgeIn(month) > 34 || !truth.Chance(LeaveHomeHazard))
                continue;
            var day = DayIn(truth, month);
            if (truth.Chance(LeaveCityShare))
            {
                lineage.Depart(member, day, died: false);
                continue;
            }
            lineage.Leave(member, day);
            lineage.MoveOut(member, day);
            lineage.MoveIn(member, NewHome(lineage, household), day);
        }
    }

    private static bool Emigrate(Lineage lineage, SimHousehold household, int month)
    {
        var eldest = 0;
        foreach (var resident in household.Residents)
            eldest = Math.Max(eldest, resident.AgeIn(month));
        var band = eldest switch { < 30 => 0, < 45 => 1, < 65 => 2, _ => 3 };
        var children = household.Family?.CountInRole(FamilyRole.Child) > 0;
        if (!lineage.Truth.Chance(EmigrationHazardByAge[band] * (children ? FamilyEmigration : 1)))
            return false;
        var day = DayIn(lineage.Truth, month);
        foreach (var person in household.Residents.ToArray())
            lineage.Depart(person, day, died: false);
        return true;
    }

    private void Move(Lineage lineage, SimHousehold household, int month)
    {
        var truth = lineage.Truth;
        var renting = household.Tenure != Tenure.Owner;
        var evicted = renting && household.Money > 2 && truth.Chance(EvictionHazard);
        var hazard = MoveHazardByTenure[(int)household.Tenure] * (household.Money > 1 ? 1.8 : 1);
        if (!evicted && !truth.Chance(hazard))
            return;

        var home = NewHome(lineage, household, keepTenure: true);
        if (evicted)
            home.Tenure = truth.Chance(0.5) ? Tenure.SocialRent : Tenure.PrivateRent;
        else if (!truth.Chance(0.85))
            home.Tenure = HouseholdFounder.DrawTenure(home.Area, HouseholdType.Couple, truth);
        home.Adversity = household.Adversity;
        home.Stress = household.Stress + (evicted ? EvictionShock : 0);
        home.Money = household.Money;
        home.DomesticAbuse = household.DomesticAbuse;
        home.Welfare = household.Welfare;
        home.Workless = household.Workless;
        home.SeparatedMonth = household.SeparatedMonth;
        home.EvictedThisMonth = evicted;

        var day = DayIn(truth, month);
        foreach (var person in household.Residents.ToArray())
        {
            lineage.MoveOut(person, day);
            lineage.MoveIn(person, home, day);
        }
        if (household.Family is { } family)
        {
            family.Household = home;
            home.Family = family;
            household.Family = null;
        }
    }

    /// <summary>A new household for people leaving <paramref name="from"/>: often the same area, otherwise one of similar deprivation or anywhere.</summary>
    private SimHousehold NewHome(Lineage lineage, SimHousehold from, bool keepTenure = false)
    {
        var truth = lineage.Truth;
        var area = from.Area;
        if (!truth.Chance(MoveWithinAreaShare))
        {
            var areas = layout.Areas;
            var similar = truth.Chance(MoveToSimilarAreaShare);
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var candidate = areas[truth.NextInt(areas.Count)];
                if (!similar || Math.Abs(candidate.ImdDecile - from.Area.ImdDecile) <= 2)
                {
                    area = candidate;
                    break;
                }
            }
        }
        var adversity = (float)(0.7 * from.Adversity + 0.7 * truth.NextGaussian() + HouseholdFounder.AdversityDeprivationSlope * (area.Deprivation - from.Area.Deprivation));
        var tenure = keepTenure ? from.Tenure : HouseholdFounder.DrawTenure(area, HouseholdType.OnePerson, truth);
        return lineage.NewHousehold(area, tenure, adversity);
    }
}
