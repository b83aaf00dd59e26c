using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Tests.Realism;

namespace EarlyHelp.Analytics.Synthetic.Tests.Population;

/// <summary>Protected characteristics of residents follow the sources and are correlated with the area as they say.</summary>
public sealed class ProtectedCharacteristicsTests
{
    private static readonly Lazy<Residents> City = new(() => new Residents(RealismCity.Result));

    [Fact]
    public void Generate_Residents_MatchBristolsSexAndEthnicMix()
    {
        var city = City.Value;

        // 49.6% male and 71.6% White British (Census 2021, Bristol); the White British share drifts down a
        // little as children of mixed couples are born Mixed.
        Assert.InRange(city.Share(p => p.Sex == "M"), 0.48, 0.51);
        Assert.InRange(city.Share(p => p.Ethnicity == "white_british"), 0.68, 0.75);
        Assert.InRange(city.Share(p => p.Ethnicity == "black"), 0.04, 0.08);
    }

    [Fact]
    public void Generate_EthnicMinorities_LiveMostlyInTheMoreDeprivedAreas()
    {
        var city = City.Value;

        var deprived = city.Share(p => p.Ethnicity != "white_british", p => p.Decile <= 2);
        var affluent = city.Share(p => p.Ethnicity != "white_british", p => p.Decile >= 9);

        Assert.True(deprived > 1.4 * affluent, $"minority share {deprived:P1} in deciles 1–2 against {affluent:P1} in deciles 9–10");
    }

    [Fact]
    public void Generate_Disability_IsAboutTheCensusRateAndRisesWithDeprivation()
    {
        var city = City.Value;

        // ONS Census 2021: 17.7% age-standardised; at ages 40–44, 21.6% in the most deprived decile against
        // 8.1% in the least, a ratio of 2.67. Ages 25–64 give enough people for a stable ratio.
        Assert.InRange(city.Share(p => p.Disabled), 0.13, 0.22);
        var working = (Func<Resident, bool>)(p => p.Age is >= 25 and <= 64);
        var ratio = city.Share(p => p.Disabled, p => working(p) && p.Decile == 1) / city.Share(p => p.Disabled, p => working(p) && p.Decile == 10);
        Assert.InRange(ratio, 1.9, 3.6);
    }

    private sealed record Resident(string Sex, string Ethnicity, bool Disabled, int Age, int Decile);

    private sealed class Residents
    {
        private readonly List<Resident> residents;

        public Residents(GenerationResult city)
        {
            var folder = new ExtractFolder(city);
            var day = folder.ExtractDate;
            var protectedRows = folder.Table(RegisterFiles.PeopleProtected).Rows.ToDictionary(r => long.Parse(r[0]));
            residents = folder.Residences
                .Where(r => r.Covers(day) && folder.People[r.Owner].Death is null)
                .Select(r => new Resident(protectedRows[r.Owner][1], protectedRows[r.Owner][2], protectedRows[r.Owner][3] == "Y",
                    folder.People[r.Owner].Birth.AgeOn(day), folder.HouseholdDecile[r.Other]))
                .ToList();
        }

        public double Share(Func<Resident, bool> test, Func<Resident, bool>? among = null)
        {
            var group = residents.Where(among ?? (_ => true)).ToList();
            return (double)group.Count(test) / group.Count;
        }
    }
}
