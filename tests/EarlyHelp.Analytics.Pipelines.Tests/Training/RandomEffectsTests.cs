using EarlyHelp.Analytics.Pipelines.Tests.Support;

namespace EarlyHelp.Analytics.Pipelines.Tests.Training;

/// <summary>The pooling the baseline tests use, against hand calculations.</summary>
public sealed class RandomEffectsTests
{
    private const double Z95 = 1.959963984540054;

    [Fact]
    public void Pool_AgreeingRuns_IsTheFixedEffectWithAStandardErrorShrunkByRootTwo()
    {
        // Two runs of 0.01 with standard error 0.01: Q = 0, so τ² = 0; pooled 0.01 with error 0.01 / √2.
        var run = new IntervalEstimate(0.01, 0.01 - Z95 * 0.01, 0.01 + Z95 * 0.01);

        var pooled = RandomEffects.Pool([run, run]);

        Assert.Equal(0.01, pooled.Value, 12);
        Assert.Equal(Z95 * 0.01 / Math.Sqrt(2), pooled.Upper - pooled.Value, 12);
    }

    [Fact]
    public void Pool_RunsThatDisagreeBeyondTheirErrors_WidensByTheSpreadBetweenThem()
    {
        // 0, 0.02 and 0.04, each with standard error 0.01: weights 10,000, fixed effect 0.02,
        // Q = 10,000 × (0.02² + 0 + 0.02²) = 8, scale 30,000 − 3 × 10⁸ / 30,000 = 20,000,
        // τ² = (8 − 2) / 20,000 = 0.0003; random weights 1 / 0.0004 = 2,500, error 1 / √7,500 = 0.011547.
        IntervalEstimate Run(double value) => new(value, value - Z95 * 0.01, value + Z95 * 0.01);

        var pooled = RandomEffects.Pool([Run(0), Run(0.02), Run(0.04)]);

        Assert.Equal(0.02, pooled.Value, 12);
        Assert.Equal(Z95 / Math.Sqrt(7500), pooled.Upper - pooled.Value, 9);
    }
}
