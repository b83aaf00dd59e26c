using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Pipelines.Splits;

namespace EarlyHelp.Analytics.Pipelines.Tests.Splits;

public sealed class FamilyPartitionTests
{
    [Fact]
    public void Of_HundredThousandFamilies_MatchesTheShares()
    {
        // Each share p over n = 100,000 families has binomial standard deviation √(p(1−p)/n): 0.0015 for 0.4,
        // 0.00095 for 0.1. Five standard deviations: 0.008 and 0.005.
        var shares = new PartitionShares();
        var counts = Enumerable.Range(1, 100_000).GroupBy(id => FamilyPartition.Of(new FamilyId(id), 1, shares)).ToDictionary(g => g.Key, g => g.Count() / 100_000.0);

        Assert.InRange(counts[Partition.Training], 0.392, 0.408);
        Assert.InRange(counts[Partition.Test], 0.392, 0.408);
        Assert.InRange(counts[Partition.Validation], 0.095, 0.105);
        Assert.InRange(counts[Partition.Calibration], 0.095, 0.105);
    }

    [Fact]
    public void Of_SameSeed_SamePartition_OtherSeed_Reshuffles()
    {
        var shares = new PartitionShares();
        var first = Enumerable.Range(1, 1000).Select(id => FamilyPartition.Of(new FamilyId(id), 7, shares)).ToArray();
        var again = Enumerable.Range(1, 1000).Select(id => FamilyPartition.Of(new FamilyId(id), 7, shares)).ToArray();
        var other = Enumerable.Range(1, 1000).Select(id => FamilyPartition.Of(new FamilyId(id), 8, shares)).ToArray();

        Assert.Equal(first, again);
        // Independent seeds agree on a family with probability 0.4² + 0.1² + 0.1² + 0.4² = 0.34.
        Assert.InRange(first.Zip(other).Count(p => p.First == p.Second), 280, 400);
    }

    [Fact]
    public void Validate_SharesNotAddingUp_NamesTheProblem()
    {
        var problems = new PartitionShares { Training = 0.5, Test = 0.5 }.Validate().ToArray();

        Assert.Equal(["The partition shares must add up to 1. Got 1.2 instead."], problems);
    }

    [Fact]
    public void Validate_ShareOutOfRange_NamesTheShare()
    {
        var problems = new PartitionShares { Training = 0, Test = 0.8 }.Validate().ToArray();

        Assert.Equal("The 'Training' share must lie between 0 and 1. Got 0 instead.", problems[0]);
    }
}
