using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Synthetic.Tests.Realism;

/// <summary>
/// The deprivation gradient in care fitted across all ten deciles, over what a hub holds: a Poisson
/// regression of the number of looked-after children in each decile on the decile, with the number of
/// children as exposure, fitted by Newton's method; exp(−9·slope) is the implied ratio of decile 1 to
/// decile 10. Children and care are counted at the extract date, with residents and ages as the hub's
/// realism figures define them.
/// </summary>
public static class CareGradient
{
    public static double FittedRatio(IHubReader reader)
    {
        var day = reader.ExtractDate;
        var people = reader.People().ToDictionary(p => p.Id);
        var deciles = reader.Households().ToDictionary(h => h.Id, h => h.ImdDecile);
        var lookedAfter = reader.Events().Where(e => e.Dataset == DatasetCatalogue.LookedAfter && e.Start <= day && (e.End is null || e.End > day))
            .Select(e => e.Person).ToHashSet();
        var children = new double[11];
        var inCare = new double[11];
        foreach (var (person, household) in Homes(reader.Residences(), day))
        {
            var who = people[person];
            if ((who.DeathMonth is { } death && death.FirstDay <= day) || who.BirthMonth.AgeOn(day) >= 18)
                continue;
            var decile = deciles[household];
            children[decile]++;
            if (lookedAfter.Contains(person))
                inCare[decile]++;
        }
        return FitRatio(children, inCare);
    }

    /// <summary>Where each person lived on <paramref name="day"/> (the latest residence covering it).</summary>
    private static Dictionary<PersonId, HouseholdId> Homes(IEnumerable<Residence> residences, DateOnly day)
    {
        var homes = new Dictionary<PersonId, Residence>();
        foreach (var residence in residences)
        {
            if (residence.Start <= day && (residence.End is null || residence.End > day)
                && (!homes.TryGetValue(residence.Person, out var current) || residence.Start > current.Start))
                homes[residence.Person] = residence;
        }
        return homes.ToDictionary(h => h.Key, h => h.Value.Household);
    }

    private static double FitRatio(double[] children, double[] inCare)
    {
        double intercept = Math.Log(inCare.Sum() / children.Sum()), slope = 0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            double gradientIntercept = 0, gradientSlope = 0, h00 = 0, h01 = 0, h11 = 0;
            for (var d = 1; d <= 10; d++)
            {
                var expected = children[d] * Math.Exp(intercept + slope * d);
                gradientIntercept += inCare[d] - expected;
                gradientSlope += (inCare[d] - expected) * d;
                h00 += expected;
                h01 += expected * d;
                h11 += expected * d * d;
            }
            var determinant = h00 * h11 - h01 * h01;
            intercept += (h11 * gradientIntercept - h01 * gradientSlope) / determinant;
            slope += (h00 * gradientSlope - h01 * gradientIntercept) / determinant;
        }
        return Math.Exp(-9 * slope);
    }
}
