using EarlyHelp.Analytics.Pipelines.Drift;

namespace EarlyHelp.Analytics.Pipelines.Tests.Drift;

public sealed class PopulationStabilityTests
{
    [Fact]
    public void Compute_SameValues_IsZero()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        Assert.Equal(0, PopulationStability.Compute("x", values, values).Index);
    }

    [Fact]
    public void Compute_HalfTheRowsMoveFromZeroToOne_HandCalculation()
    {
        // Expected: 80 zeros and 20 ones, so the deciles collapse to the edges {0, 1}: bins (−∞, 0] and (0, ∞).
        // Actual: 40 zeros and 60 ones. Shares e = (0.8, 0.2), a = (0.4, 0.6).
        // PSI = (0.4 − 0.8)·ln(0.4/0.8) + (0.6 − 0.2)·ln(0.6/0.2) = 0.4·ln 2 + 0.4·ln 3 = 0.4·ln 6 = 0.716704.
        var expected = Enumerable.Repeat(0.0, 80).Concat(Enumerable.Repeat(1.0, 20)).ToArray();
        var actual = Enumerable.Repeat(0.0, 40).Concat(Enumerable.Repeat(1.0, 60)).ToArray();

        var result = PopulationStability.Compute("x", expected, actual);

        Assert.Equal(0.4 * Math.Log(6), result.Index, 12);
        Assert.Equal(2, result.Bins);
        Assert.Equal("major shift", result.Level);
    }

    [Fact]
    public void Compute_MissingValuesAppear_CountInTheirOwnBin()
    {
        // Expected: 100 values of 5, none missing. Actual: 90 of 5 and 10 missing. The value bin has e = 1,
        // a = 0.9; the missing bin e = 0 (floored at 0.0001), a = 0.1.
        // PSI = (0.9 − 1)·ln(0.9) + (0.1 − 0.0001)·ln(0.1/0.0001) = 0.0105361 + 0.0999·6.9077553 = 0.700639.
        var expected = Enumerable.Repeat(5.0, 100).ToArray();
        var actual = Enumerable.Repeat(5.0, 90).Concat(Enumerable.Repeat(double.NaN, 10)).ToArray();

        var result = PopulationStability.Compute("x", expected, actual);

        Assert.Equal(-0.1 * Math.Log(0.9) + 0.0999 * Math.Log(1000), result.Index, 12);
    }

    [Fact]
    public void Compute_ValuesBeyondTheTrainingRange_FallInTheEndBins()
    {
        // Expected deciles of 1..100 are 10, 20, …, 100; actual values 0 and 1,000 fall in the first and last
        // bins, each holding half of them against 0.1 expected: 2·(0.5 − 0.1)·ln 5 + 8·(0.0001 − 0.1)·ln(0.001) = 6.8070.
        var expected = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();
        double[] actual = [0, 0, 1000, 1000];

        var result = PopulationStability.Compute("x", expected, actual);

        Assert.Equal(2 * 0.4 * Math.Log(5) + 8 * (0.0001 - 0.1) * Math.Log(0.0001 / 0.1), result.Index, 10);
    }

    [Theory]
    [InlineData(0.05, "stable")]
    [InlineData(0.1, "moderate shift")]
    [InlineData(0.25, "major shift")]
    public void LevelOf_ConventionalThresholds(double index, string level) => Assert.Equal(level, PopulationStability.LevelOf(index));
}
