using System.Numerics;

namespace EarlyHelp.Analytics.Learning.Metrics;

public static partial class BinaryMetrics
{
    /// <summary>
    /// Reliability curve with <paramref name="numberOfBins"/> bins. A score goes to the bin whose
    /// upper edge is the first edge at or above it (numpy <c>searchsorted(edges[1:-1], score)</c>),
    /// so bins are (lower, upper] and the lowest also holds its lower edge; empty bins are dropped.
    /// Scores must be probabilities.
    /// </summary>
    public static ReliabilityCurve ReliabilityCurve<TLabel, TScore>(
        ReadOnlySpan<TLabel> labels, ReadOnlySpan<TScore> scores, int numberOfBins = 10, ReliabilityBinning binning = ReliabilityBinning.EqualWidth)
        where TLabel : INumberBase<TLabel>
        where TScore : INumberBase<TScore>
    {
        if (numberOfBins < 1)
            throw new ArgumentOutOfRangeException(nameof(numberOfBins), numberOfBins, $"The 'numberOfBins' argument must be at least 1. Got {numberOfBins} instead.");
        var data = LabelledScores.From(labels, scores, default);
        RequireProbabilities(data);

        var edges = binning == ReliabilityBinning.EqualWidth ? EqualWidthEdges(numberOfBins) : QuantileEdges(data.Scores, numberOfBins);
        var counts = new long[numberOfBins];
        var positives = new long[numberOfBins];
        var scoreSums = new double[numberOfBins];
        for (var i = 0; i < data.Count; i++)
        {
            var bin = InnerEdgesBelow(edges, data.Scores[i]);
            counts[bin]++;
            positives[bin] += (long)data.Labels[i];
            scoreSums[bin] += data.Scores[i];
        }

        var bins = new List<ReliabilityBin>(numberOfBins);
        for (var b = 0; b < numberOfBins; b++)
        {
            if (counts[b] > 0)
                bins.Add(new ReliabilityBin(b, edges[b], edges[b + 1], counts[b], positives[b], scoreSums[b] / counts[b]));
        }

        return new ReliabilityCurve(binning, edges, bins);
    }

    /// <summary>
    /// Expected calibration error over equal-width bins: Σ (share of rows in bin) · |mean label − mean score|,
    /// bin b holding scores in (b/B, (b+1)/B] and bin 0 also holding 0.
    /// </summary>
    public static double ExpectedCalibrationError<TLabel, TScore>(ReadOnlySpan<TLabel> labels, ReadOnlySpan<TScore> scores, int numberOfBins = 10)
        where TLabel : INumberBase<TLabel>
        where TScore : INumberBase<TScore> =>
        ReliabilityCurve(labels, scores, numberOfBins).ExpectedCalibrationError;

    /// <summary>The largest |mean label − mean score| over the non-empty equal-width bins.</summary>
    public static double MaximumCalibrationError<TLabel, TScore>(ReadOnlySpan<TLabel> labels, ReadOnlySpan<TScore> scores, int numberOfBins = 10)
        where TLabel : INumberBase<TLabel>
        where TScore : INumberBase<TScore> =>
        ReliabilityCurve(labels, scores, numberOfBins).MaximumCalibrationError;

    /// <summary>numpy's <c>linspace(0, 1, B + 1)</c>: i · (1/B), the last edge exactly 1.</summary>
    private static double[] EqualWidthEdges(int numberOfBins)
    {
        var step = 1.0 / numberOfBins;
        var edges = new double[numberOfBins + 1];
        for (var i = 0; i < numberOfBins; i++)
            edges[i] = i * step;
        edges[numberOfBins] = 1.0;
        return edges;
    }

    /// <summary>
    /// numpy's <c>percentile(scores, linspace(0, 1, B + 1) * 100)</c>: the default "linear" method
    /// (Hyndman and Fan's type 7), with numpy's two-sided interpolation so edges match bit for bit.
    /// </summary>
    private static double[] QuantileEdges(double[] scores, int numberOfBins)
    {
        var sorted = (double[])scores.Clone();
        Array.Sort(sorted);
        var fractions = EqualWidthEdges(numberOfBins);
        var edges = new double[fractions.Length];
        for (var i = 0; i < fractions.Length; i++)
            edges[i] = Percentile(sorted, fractions[i] * 100 / 100);
        return edges;
    }

    private static double Percentile(double[] sorted, double fraction)
    {
        var virtualIndex = (sorted.Length - 1) * fraction;
        var below = (int)Math.Floor(virtualIndex);
        var above = Math.Min(below + 1, sorted.Length - 1);
        below = Math.Clamp(below, 0, sorted.Length - 1);
        var gamma = virtualIndex - Math.Floor(virtualIndex);
        var difference = sorted[above] - sorted[below];
        // numpy._lerp: interpolate from the nearer end for accuracy.
        return gamma >= 0.5 ? sorted[above] - difference * (1 - gamma) : sorted[below] + difference * gamma;
    }

    /// <summary>How many inner edges lie strictly below <paramref name="score"/>: the bin index.</summary>
    private static int InnerEdgesBelow(double[] edges, double score)
    {
        int low = 1, high = edges.Length - 1;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (edges[middle] < score)
                low = middle + 1;
            else
                high = middle;
        }

        return low - 1;
    }
}
