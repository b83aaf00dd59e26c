using EarlyHelp.Analytics.Hub.Statistics;

namespace EarlyHelp.Analytics.Synthetic.Tests.Realism;

/// <summary>
/// The slow realism test: generate a 200,000-person city, read it as a perfectly linked hub from its truth,
/// and check its realism figures, computed by the code <c>hub stats</c> runs, against the published targets
/// and the tolerances of <see cref="RealismTarget"/>.
/// </summary>
public sealed class RealismTests
{
    public static TheoryData<string> Figures() => [.. RealismTarget.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Figures))]
    public void HubFigure_IsWithinTheTargetsTolerance(string name)
    {
        var figure = RealismCity.Report[name];

        Assert.True(figure.IsWithin, $"{name} = {figure.Value:G4}, target {figure.Target.Target} accepted in [{figure.Target.Low}, {figure.Target.High}] ({figure.Target.Source})");
    }

    [Fact]
    public void CareDeprivationGradient_IsAboutTenfold()
    {
        // CWIP: children in the most deprived decile are about ten times likelier to be in care than those
        // in the least (1 in 60 against 1 in 660; each decile step about +1/3, and (4/3)^9 = 13.3). Accept [6, 16].
        // The hub's figure (tested above) divides two decile rates, and the least deprived decile holds only a
        // handful of looked-after sibling groups (about 5,000 children at 15 per 10,000 here), so it swings
        // between about 5 and 30 from seed to seed even at this size. The gradient fitted across all ten
        // deciles estimates the same ratio from every child and must agree.
        var fitted = CareGradient.FittedRatio(RealismCity.Hub);

        Assert.True(fitted is >= 6 and <= 16,
            $"fitted ratio {fitted:F1}; the hub's end-decile ratio {RealismCity.Report["care_deprivation_ratio"].Value:F1}");
    }
}
