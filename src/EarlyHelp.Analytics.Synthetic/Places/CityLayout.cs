using System.Globalization;
using EarlyHelp.Analytics.Synthetic.Randomness;

namespace EarlyHelp.Analytics.Synthetic.Places;

/// <summary>The city's areas: their deprivation deciles, ethnic mix, tenure mix and postcodes.</summary>
internal sealed class CityLayout
{
    private CityLayout(Area[] areas) => Areas = areas;

    /// <summary>Every area, in index order.</summary>
    public IReadOnlyList<Area> Areas { get; }

    /// <summary>Lays out a city for about <paramref name="people"/> residents from the master seed.</summary>
    public static CityLayout Build(int people, long seed)
    {
        var count = Math.Max(PlaceParameters.MinimumAreas, (int)Math.Round((double)people / PlaceParameters.PeoplePerArea));
        var random = SeedSequence.Stream(seed, 0, RandomPurpose.City);

        // Deciles by stratified quantiles, so that even ten areas hold every decile in Bristol's proportions.
        var deciles = new int[count];
        var spread = new double[count];
        for (var i = 0; i < count; i++)
        {
            deciles[i] = DecileAt((i + 0.5) / count);
            spread[i] = random.NextGaussian();
        }

        var minority = MinorityShares(deciles, spread);
        var groupWeights = MinorityGroupWeights(deciles, minority);
        var areas = new Area[count];
        for (var i = 0; i < count; i++)
        {
            var district = PlaceParameters.PostcodeDistricts[i % PlaceParameters.PostcodeDistricts.Count];
            var sector = (i / PlaceParameters.PostcodeDistricts.Count) % 10;
            areas[i] = new Area(i, string.Create(CultureInfo.InvariantCulture, $"E0{1990001 + i}"), deciles[i],
                EthnicMix(deciles[i], minority[i], groupWeights), TenureMix(deciles[i]),
                string.Create(CultureInfo.InvariantCulture, $"{district} {sector}"));
        }
        return new CityLayout(areas);
    }

    private static int DecileAt(double quantile)
    {
        var total = 0.0;
        for (var decile = 1; decile <= 10; decile++)
        {
            total += PlaceParameters.DecileShares[decile - 1];
            if (quantile < total)
                return decile;
        }
        return 10;
    }

    private static double Deprivation(int decile) => (5.5 - decile) / 4.5;

    /// <summary>Each area's minority share: logistic in deprivation and a random area effect, centred so that the city's mean is the census share.</summary>
    private static double[] MinorityShares(int[] deciles, double[] spread)
    {
        var target = 1 - PlaceParameters.EthnicityShares[0];
        double Share(int i, double intercept) =>
            1 / (1 + Math.Exp(-(intercept + PlaceParameters.MinorityDeprivationSlope * Deprivation(deciles[i]) + PlaceParameters.MinorityAreaSpread * spread[i])));

        // Bisection on the intercept: the mean share rises with it.
        double low = -10, high = 10;
        for (var step = 0; step < 60; step++)
        {
            var middle = (low + high) / 2;
            var mean = Enumerable.Range(0, deciles.Length).Average(i => Share(i, middle));
            if (mean < target) low = middle; else high = middle;
        }
        return Enumerable.Range(0, deciles.Length).Select(i => Share(i, (low + high) / 2)).ToArray();
    }

    /// <summary>Base weights of the five minority groups, raked so that the city-wide shares match the census.</summary>
    private static double[] MinorityGroupWeights(int[] deciles, double[] minority)
    {
        var groups = PlaceParameters.EthnicityShares.Count;
        var weights = PlaceParameters.EthnicityShares.ToArray();
        weights[0] = 0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var achieved = new double[groups];
            for (var i = 0; i < deciles.Length; i++)
            {
                var mix = MinorityMix(deciles[i], weights);
                for (var g = 1; g < groups; g++)
                    achieved[g] += minority[i] * mix[g] / deciles.Length;
            }
            for (var g = 1; g < groups; g++)
                weights[g] *= PlaceParameters.EthnicityShares[g] / achieved[g];
        }
        return weights;
    }

    private static double[] MinorityMix(int decile, double[] weights)
    {
        var mix = new double[weights.Length];
        var total = 0.0;
        for (var g = 1; g < weights.Length; g++)
        {
            mix[g] = weights[g] * Math.Exp(PlaceParameters.EthnicityDeprivationSlopes[g] * Deprivation(decile));
            total += mix[g];
        }
        for (var g = 1; g < weights.Length; g++)
            mix[g] /= total;
        return mix;
    }

    private static double[] EthnicMix(int decile, double minority, double[] weights)
    {
        var mix = MinorityMix(decile, weights);
        var cumulative = new double[mix.Length];
        cumulative[0] = 1 - minority;
        for (var g = 1; g < mix.Length; g++)
            cumulative[g] = cumulative[g - 1] + minority * mix[g];
        cumulative[^1] = 1;
        return cumulative;
    }

    private static double[] TenureMix(int decile)
    {
        var social = PlaceParameters.SocialRentByDecile[decile - 1];
        var privateRent = PlaceParameters.PrivateRentByDecile[decile - 1];
        return [1 - social - privateRent, 1 - social, 1];
    }
}
