using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Synthetic.Tests.Realism;

/// <summary>
/// The deprivation gradient in care fitted across all ten deciles: a Poisson regression of the number
/// of looked-after children in each decile on the decile, with the number of children as exposure,
/// fitted by Newton's method. exp(−9·slope) is the implied ratio of decile 1 to decile 10.
/// </summary>
public static class CareGradient
{
    public static double FittedRatio(ExtractFolder folder)
    {
        var day = folder.ExtractDate;
        var lookedAfter = folder.Records(DatasetCatalogue.LookedAfter).Where(r => r.OpenOn(day)).Select(r => r.Person).ToHashSet();
        var children = new double[11];
        var inCare = new double[11];
        foreach (var residence in folder.Residences)
        {
            var person = folder.People[residence.Owner];
            if (!residence.Covers(day) || person.Death is not null || person.Birth.AgeOn(day) >= 18)
                continue;
            var decile = folder.HouseholdDecile[residence.Other];
            children[decile]++;
            if (lookedAfter.Contains(residence.Owner))
                inCare[decile]++;
        }

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
