using EarlyHelp.Analytics.Evaluation.Statistics;
using EarlyHelp.Analytics.Learning.Metrics;

namespace EarlyHelp.Analytics.Evaluation.Fairness;

/// <summary>
/// Bootstrap replicates of every compared rate's ratio and difference to the reference group, for
/// every group of every dimension. A replicate in which a ratio is undefined (the resample lost the
/// group, or a rate's denominator is 0) is left out of that ratio's interval and counted as missing.
/// </summary>
internal sealed class DisparityBootstrap
{
    private readonly double[][][] ratios;
    private readonly double[][][] differences;

    private DisparityBootstrap(double[][][] ratios, double[][][] differences, int resamples)
    {
        this.ratios = ratios;
        this.differences = differences;
        Resamples = resamples;
    }

    public int Resamples { get; }

    /// <summary>Runs <paramref name="resamples"/> resamples in parallel; each has its own seeded stream, so results do not depend on threads.</summary>
    public static DisparityBootstrap Run(
        ICountResampler resampler, IReadOnlyList<AuditDimension> dimensions, int[][] groupOfCell, int cellCount,
        int resamples, int seed, IProgress<AuditProgress>? progress)
    {
        var metrics = RateMetric.Compared;
        var ratios = dimensions.Select(d => Enumerable.Range(0, d.GroupCount * metrics.Count).Select(_ => new double[resamples]).ToArray()).ToArray();
        var differences = dimensions.Select(d => Enumerable.Range(0, d.GroupCount * metrics.Count).Select(_ => new double[resamples]).ToArray()).ToArray();
        var done = 0;
        const string stage = "Bootstrap resamples";
        progress?.Report(new AuditProgress(stage, 0, resamples));

        Parallel.For(0, resamples,
            () => (Cells: new CellCounts(cellCount), Groups: dimensions.Select(d => new ConfusionCounts[d.GroupCount]).ToArray()),
            (resample, _, state) =>
            {
                resampler.Resample(ResampleSeeds.For(seed, resample), state.Cells);
                for (var d = 0; d < dimensions.Count; d++)
                {
                    var groups = state.Groups[d];
                    state.Cells.SumInto(groupOfCell[d], groups);
                    var reference = groups[dimensions[d].ReferenceIndex];
                    for (var m = 0; m < metrics.Count; m++)
                    {
                        var referenceRate = metrics[m].Of(reference);
                        for (var g = 0; g < groups.Length; g++)
                        {
                            var rate = metrics[m].Of(groups[g]);
                            ratios[d][g * metrics.Count + m][resample] = RatioOf(rate, referenceRate);
                            differences[d][g * metrics.Count + m][resample] = rate - referenceRate;
                        }
                    }
                }

                var finished = Interlocked.Increment(ref done);
                if (finished % 25 == 0 || finished == resamples)
                    progress?.Report(new AuditProgress(stage, finished, resamples));
                return state;
            },
            _ => { });

        return new DisparityBootstrap(ratios, differences, resamples);
    }

    /// <summary>Value / reference, NaN when either is undefined or the reference is 0.</summary>
    public static double RatioOf(double value, double reference) =>
        double.IsNaN(value) || double.IsNaN(reference) || reference == 0 ? double.NaN : value / reference;

    /// <summary>
    /// Percentile intervals of the ratio and the difference, and how many replicates defined them. They are shown,
    /// not tested: at a rate of 0% or 100% on a few families nearly every replicate agrees, so their spread says
    /// nothing about chance; the p-value comes from <see cref="FisherExactTest"/>.
    /// </summary>
    public (Interval Ratio, Interval Difference, int Defined) Intervals(int dimension, int group, int metric, double level)
    {
        var index = group * RateMetric.Compared.Count + metric;
        var ratio = Defined(ratios[dimension][index]);
        var difference = Defined(differences[dimension][index]);
        // Fewer than half the resamples defining the ratio means the group is mostly absent from
        // resamples: no interval is better than one from the few resamples that kept it.
        if (ratio.Length * 2 < Resamples)
            return (Interval.Undefined, Interval.Undefined, ratio.Length);
        return (ConfidenceIntervals.Percentile(ratio, level), ConfidenceIntervals.Percentile(difference, level), ratio.Length);
    }

    private static double[] Defined(double[] replicates) => replicates.Where(double.IsFinite).ToArray();
}
