using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Places;
using static EarlyHelp.Analytics.Synthetic.Population.DemographyParameters;

namespace EarlyHelp.Analytics.Synthetic.Population;

/// <summary>Households leaving the city, moving house, and the new homes of people who leave a household.</summary>
internal sealed partial class Demography
{
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
