using EarlyHelp.Analytics.Hub.Prompts;

namespace EarlyHelp.Analytics.Hub.Tests.Prompts;

/// <summary>Which ranks count as nearest the cut-off: a rule on numbers alone, so it needs no hub (and no server).</summary>
public sealed class ProgrammeComparisonTests
{
    [Theory]
    // K = 25: prompts ranked 14-25 and comparison families ranked 26-37, twelve on each side.
    [InlineData(13, 25, false)]
    [InlineData(14, 25, true)]
    [InlineData(25, 25, true)]
    [InlineData(26, 25, true)]
    [InlineData(37, 25, true)]
    [InlineData(38, 25, false)]
    // K = 1: no half to compare.
    [InlineData(1, 1, false)]
    [InlineData(2, 1, false)]
    public void IsNearCut_RankAndCapacity_HalvesOfEqualSize(int rank, int capacity, bool expected) =>
        Assert.Equal(expected, ProgrammeComparison.IsNearCut(rank, capacity));
}
