using EarlyHelp.Analytics.Pipelines.Comparison;

namespace EarlyHelp.Analytics.Pipelines.Tests.Comparison;

public sealed class PairedBootstrapTests
{
    private static (double[] Labels, double[] Good, double[] Noise, long[] Ties) Data()
    {
        var random = new Random(3);
        var labels = Enumerable.Range(0, 2000).Select(_ => random.NextDouble() < 0.1 ? 1.0 : 0.0).ToArray();
        var good = labels.Select(l => Math.Clamp(0.1 + 0.3 * l + 0.2 * (random.NextDouble() - 0.5), 0, 1)).ToArray();
        var noise = labels.Select(_ => random.NextDouble() * 0.2).ToArray();
        return (labels, good, noise, Enumerable.Range(0, 2000).Select(i => (long)i).ToArray());
    }

    [Fact]
    public void Run_SameScorerTwice_DifferencesAreExactlyZero()
    {
        var (labels, good, _, ties) = Data();

        var comparison = PairedBootstrap.Run([new Scorer("a", good), new Scorer("b", good)], labels, ties, 50, 200, 1);

        // Paired resamples score both on the same draw, so each replicate of a difference is 0.
        foreach (var estimate in comparison.Against("b").Differences.Values)
            Assert.Equal((0.0, 0.0, 0.0), (estimate.Value, estimate.Interval.Lower, estimate.Interval.Upper));
    }

    [Fact]
    public void Run_InformativeAgainstNoise_BetterBeyondChance()
    {
        var (labels, good, noise, ties) = Data();

        var comparison = PairedBootstrap.Run([new Scorer("good", good), new Scorer("noise", noise)], labels, ties, 50, 300, 1);
        var difference = comparison.Against("noise");

        Assert.True(difference.BetterBeyondChance(MetricNames.Auc));
        Assert.True(difference.BetterBeyondChance(MetricNames.PrecisionAtCapacity));
        Assert.InRange(comparison.Scorer("noise").Metrics[MetricNames.Auc].Value, 0.45, 0.55);
        var auc = comparison.Scorer("good").Metrics[MetricNames.Auc];
        Assert.True(auc.Interval.Lower <= auc.Value && auc.Value <= auc.Interval.Upper);
    }

    [Fact]
    public void Run_SameSeed_SameIntervals()
    {
        var (labels, good, noise, ties) = Data();

        var first = PairedBootstrap.Run([new Scorer("good", good), new Scorer("noise", noise)], labels, ties, 50, 200, 9);
        var second = PairedBootstrap.Run([new Scorer("good", good), new Scorer("noise", noise)], labels, ties, 50, 200, 9);

        Assert.Equal(first.Against("noise").Differences[MetricNames.Auc], second.Against("noise").Differences[MetricNames.Auc]);
        Assert.Equal(first.Scorer("good").Metrics[MetricNames.Brier], second.Scorer("good").Metrics[MetricNames.Brier]);
    }
}
