using EarlyHelp.Analytics.Evaluation.Statistics;

namespace EarlyHelp.Analytics.Pipelines.Comparison;

/// <summary>A scorer to compare: its name and its probability for each row.</summary>
/// <param name="Name">The scorer's name.</param>
/// <param name="Probabilities">One probability per row.</param>
public sealed record Scorer(string Name, double[] Probabilities);

/// <summary>
/// Compares scorers on the same rows with a paired nonparametric bootstrap (Efron and Tibshirani 1993):
/// each resample draws the rows with replacement once and scores every scorer on that same draw, so the
/// interval of a difference reflects how the scorers vary together. Each test row is a different family
/// (one as-of date), so resampling rows resamples families. Resamples are seeded one stream each, so the
/// result does not depend on the thread count.
/// </summary>
public static class PairedBootstrap
{
    /// <summary>Runs the comparison. The first scorer is the one judged against the others.</summary>
    /// <param name="scorers">The scorers, the one judged first.</param>
    /// <param name="labels">The outcome of each row, 0 or 1.</param>
    /// <param name="tieKeys">Keys ordering rows with equal scores in a ranking, ascending.</param>
    /// <param name="capacity">K: the number of rows counted as prompted.</param>
    /// <param name="resamples">Bootstrap resamples (at least 1).</param>
    /// <param name="seed">Seed of the resamples.</param>
    /// <param name="confidenceLevel">Level of the intervals.</param>
    /// <param name="cancellation">Stops the resampling.</param>
    public static ScorerComparison Run(IReadOnlyList<Scorer> scorers, double[] labels, long[] tieKeys, int capacity, int resamples, int seed,
        double confidenceLevel = 0.95, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scorers);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (scorers.Count == 0 || scorers.Any(s => s.Probabilities.Length != labels.Length))
            throw new ArgumentException("Every scorer needs one probability per row.", nameof(scorers));
        var ranked = scorers.Select(s => new RankedScores(s.Name, s.Probabilities, tieKeys)).ToArray();
        var points = ranked.Select(r => WeightedMetrics.Compute(r, labels, null, capacity)).ToArray();
        var metricCount = MetricNames.All.Count;

        // replicates[scorer][metric][resample]
        var replicates = ranked.Select(_ => Enumerable.Range(0, metricCount).Select(_ => new double[resamples]).ToArray()).ToArray();
        Parallel.For(0, resamples, new ParallelOptions { CancellationToken = cancellation }, () => new int[labels.Length], (resample, _, copies) =>
        {
            Array.Clear(copies);
            var random = ResampleSeeds.For(seed, resample);
            for (var draw = 0; draw < labels.Length; draw++)
                copies[random.Next(labels.Length)]++;
            for (var s = 0; s < ranked.Length; s++)
            {
                var values = WeightedMetrics.Compute(ranked[s], labels, copies, capacity).ToArray();
                for (var m = 0; m < metricCount; m++)
                    replicates[s][m][resample] = values[m];
            }
            return copies;
        }, _ => { });

        var results = ranked.Select((r, s) => new ScorerResult(r.Name,
            MetricNames.All.Select((name, m) => (name, Estimate(points[s].ToArray()[m], replicates[s][m], confidenceLevel))).ToDictionary(p => p.name, p => p.Item2),
            (long)points[s].TruePositivesAtCapacity)).ToArray();
        var differences = Enumerable.Range(1, ranked.Length - 1).Select(other => new ScorerDifference(ranked[0].Name, ranked[other].Name,
            MetricNames.All.Select((name, m) => (name, Estimate(
                points[0].ToArray()[m] - points[other].ToArray()[m],
                replicates[0][m].Zip(replicates[other][m], (a, b) => a - b).ToArray(), confidenceLevel))).ToDictionary(p => p.name, p => p.Item2))).ToArray();
        return new ScorerComparison(labels.Length, (long)labels.Sum(), capacity, resamples, results, differences);
    }

    /// <summary>The point value and the percentile interval of the replicates that are defined (a resample can lose every positive).</summary>
    private static MetricEstimate Estimate(double value, double[] replicates, double level)
    {
        var defined = replicates.Where(double.IsFinite).ToArray();
        return new MetricEstimate(value, defined.Length < replicates.Length / 2 ? Interval.Undefined : ConfidenceIntervals.Percentile(defined, level));
    }
}
