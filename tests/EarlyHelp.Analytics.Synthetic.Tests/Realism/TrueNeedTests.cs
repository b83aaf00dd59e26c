using System.Globalization;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Synthetic.Tests.Realism;

/// <summary>The latent need in the ground truth has the structure the sources describe.</summary>
public sealed class TrueNeedTests
{
    private const int Abuse = 4, Health = 5;

    private static readonly Lazy<List<int[]>> LastMonth = new(() =>
    {
        var table = CsvTable.Read(Path.Combine(RealismCity.Result.TruthDirectory, "family_need.csv"));
        var month = YearMonth.Of(RealismCity.Result.Manifest.ExtractDate).ToString();
        return table.Rows.Where(r => r[1] == month).Select(r => r.Skip(2).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
    });

    [Fact]
    public void FamilyNeed_DomesticAbuseAndHealthNeeds_Cluster()
    {
        var needs = LastMonth.Value;

        // The "toxic trio": parental mental ill health and substance misuse are far commoner where there
        // is domestic abuse (Children's Commissioner 2018: all three for 0.85% of children, against 0.02%
        // if they were independent).
        var withAbuse = needs.Where(n => n[Abuse] > 0).ToList();
        var withoutAbuse = needs.Where(n => n[Abuse] == 0).ToList();
        // Moderate or severe health need, since mild need is common in any family with several adults and teenagers.
        var healthWithAbuse = withAbuse.Count(n => n[Health] >= 2) / (double)withAbuse.Count;
        var healthWithoutAbuse = withoutAbuse.Count(n => n[Health] >= 2) / (double)withoutAbuse.Count;
        Assert.True(healthWithAbuse > 2 * healthWithoutAbuse, $"health need {healthWithAbuse:P0} with abuse, {healthWithoutAbuse:P0} without");
    }

    [Fact]
    public void FamilyNeed_ThreeOrMoreProblems_AreAMinority()
    {
        var needs = LastMonth.Value;

        // Supporting Families eligibility is three or more headline problems: a minority of families with a need.
        var threeOrMore = needs.Count(n => n.Count(level => level > 0) >= 3) / (double)needs.Count;
        Assert.InRange(threeOrMore, 0.03, 0.4);
    }
}
