using EarlyHelp.Analytics.Synthetic.Places;
using EarlyHelp.Analytics.Synthetic.Randomness;

namespace EarlyHelp.Analytics.Synthetic.Population;

/// <summary>The composition of one founding household of a lineage, drawn before the lineage is simulated.</summary>
/// <param name="Area">Index of its area.</param>
/// <param name="Type">Kind of household.</param>
/// <param name="Adults">Adults who head it (parents, the couple, the sharers).</param>
/// <param name="Children">Children: dependent for families with children, adult children for <see cref="HouseholdType.ParentsWithAdultChildren"/>.</param>
/// <param name="Month">Month (ordinal) it is founded: the first simulated month, or the month it moves into the city.</param>
/// <param name="Arriving">True for a household moving into the city (young adults and young families).</param>
internal readonly record struct HouseholdPlan(int Area, HouseholdType Type, int Adults, int Children, int Month, bool Arriving)
{
    /// <summary>People in the household.</summary>
    public int Size => Adults + Children;
}

/// <summary>
/// Draws the founding household of every lineage from one sequential stream: first the starting
/// households, until they hold the requested number of people, then month by month the households
/// moving into the city. Because arrivals are drawn in month order after the starting households, a
/// longer run keeps a shorter run's lineages and adds its later arrivals after them. Lineage
/// <c>n</c> lives in area <c>(n − 1) mod areas</c>, so every area gets the same number of households;
/// composition depends on the area's deprivation.
/// </summary>
internal static class StartingHouseholds
{
    /// <summary>The founding plans of every lineage of a city of <paramref name="people"/> people simulated from <paramref name="firstMonth"/> to <paramref name="lastMonth"/>.</summary>
    public static HouseholdPlan[] Draw(CityLayout layout, int people, long seed, int firstMonth, int lastMonth)
    {
        var random = SeedSequence.Stream(seed, 0, RandomPurpose.Census);
        var cumulativeByDecile = new double[11][];
        for (var decile = 1; decile <= 10; decile++)
            cumulativeByDecile[decile] = TypeCumulative((5.5 - decile) / 4.5);

        var plans = new List<HouseholdPlan>(people / 2);
        var total = 0;
        while (total < people)
        {
            var area = layout.Areas[plans.Count % layout.Areas.Count];
            var plan = Compose(random, area.Index, (HouseholdType)random.Pick(cumulativeByDecile[area.ImdDecile]), firstMonth, arriving: false);
            plans.Add(plan);
            total += plan.Size;
        }

        // Arrivals: a normal approximation to a Poisson count of households a month.
        var perMonth = people * DemographyParameters.ArrivalsPerPersonYear / 12 / DemographyParameters.ArrivingHouseholdSize;
        for (var month = firstMonth + 1; month <= lastMonth; month++)
        {
            var arrivals = Math.Max(0, (int)Math.Round(perMonth + Math.Sqrt(perMonth) * random.NextGaussian()));
            for (var i = 0; i < arrivals; i++)
            {
                var area = layout.Areas[plans.Count % layout.Areas.Count];
                plans.Add(Compose(random, area.Index, (HouseholdType)random.Pick(DemographyParameters.ArrivingTypeCumulative), month, arriving: true));
            }
        }
        return plans.ToArray();
    }

    private static HouseholdPlan Compose(RandomStream random, int area, HouseholdType type, int month, bool arriving) => type switch
    {
        HouseholdType.OnePerson => new HouseholdPlan(area, type, 1, 0, month, arriving),
        HouseholdType.Couple => new HouseholdPlan(area, type, 2, 0, month, arriving),
        HouseholdType.CoupleWithChildren => new HouseholdPlan(area, type, 2, 1 + random.Pick(DemographyParameters.CoupleChildrenCumulative), month, arriving),
        HouseholdType.LoneParent => new HouseholdPlan(area, type, 1, 1 + random.Pick(DemographyParameters.LoneParentChildrenCumulative), month, arriving),
        HouseholdType.Shared => new HouseholdPlan(area, type, 2 + random.Pick(DemographyParameters.SharedAdultsCumulative), 0, month, arriving),
        _ => new HouseholdPlan(area, type, random.Chance(0.7) ? 2 : 1, random.Chance(0.7) ? 1 : 2, month, arriving),
    };

    private static double[] TypeCumulative(double deprivation)
    {
        var weights = DemographyParameters.HouseholdTypeShares
            .Select((share, i) => share * Math.Exp(DemographyParameters.HouseholdTypeDeprivationSlopes[i] * deprivation))
            .ToArray();
        var sum = weights.Sum();
        var cumulative = new double[weights.Length];
        var running = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            running += weights[i] / sum;
            cumulative[i] = running;
        }
        cumulative[^1] = 1;
        return cumulative;
    }
}
