using EarlyHelp.Analytics.Synthetic.Places;

namespace EarlyHelp.Analytics.Synthetic.Tests.Places;

public sealed class CityLayoutTests
{
    [Fact]
    public void Build_BristolSize_HasOneAreaPer1800PeopleAndBristolsDecileMix()
    {
        var layout = CityLayout.Build(472_400, 1);

        // 472,400 / 1,800 = 262.4, so 262 areas (Bristol has 263 LSOAs).
        Assert.Equal(262, layout.Areas.Count);
        // 15% of Bristol's residents live in England's most deprived decile (IMD 2019); stratified
        // deciles put 39 or 40 of 262 areas (15% = 39.3) in decile 1.
        Assert.InRange(layout.Areas.Count(a => a.ImdDecile == 1), 39, 40);
        Assert.All(Enumerable.Range(1, 10), decile => Assert.Contains(layout.Areas, a => a.ImdDecile == decile));
    }

    [Fact]
    public void Build_MinorityShares_AverageTheCensusShareAndRiseWithDeprivation()
    {
        var layout = CityLayout.Build(470_000, 3);

        // 100% − 71.6% White British (Census 2021, Bristol), matched by the bisection on the intercept.
        Assert.Equal(0.284, layout.Areas.Average(a => a.MinorityShare), 6);
        var deprived = layout.Areas.Where(a => a.ImdDecile <= 2).Average(a => a.MinorityShare);
        var affluent = layout.Areas.Where(a => a.ImdDecile >= 9).Average(a => a.MinorityShare);
        Assert.True(deprived > 1.5 * affluent, $"minority share {deprived:P0} in deciles 1–2 against {affluent:P0} in 9–10");
    }

    [Fact]
    public void Build_SocialRenting_FollowsTheDecileTable()
    {
        var layout = CityLayout.Build(100_000, 3);

        foreach (var area in layout.Areas)
        {
            var social = area.TenureCumulative[2] - area.TenureCumulative[1];
            Assert.Equal(PlaceParameters.SocialRentByDecile[area.ImdDecile - 1], social, 12);
        }
    }

    [Fact]
    public void Uprn_DistinctHouseholds_NeverShareOne()
    {
        var uprns = Enumerable.Range(1, 200_000).Select(i => Postcodes.Uprn(i * 10_000L + i % 7)).ToHashSet();

        Assert.Equal(200_000, uprns.Count);
        Assert.All(uprns, u => Assert.InRange(u, 100_000_000_000L, 199_999_999_999L));
    }
}
