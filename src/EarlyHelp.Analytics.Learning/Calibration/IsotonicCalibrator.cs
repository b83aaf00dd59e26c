using System.Numerics;
using EarlyHelp.Analytics.Learning.Metrics;

namespace EarlyHelp.Analytics.Learning.Calibration;

/// <summary>
/// Isotonic calibration: the non-decreasing step fit of label on score (pool adjacent violators),
/// predicted by linear interpolation between the fitted thresholds and clipped at both ends, as
/// scikit-learn 1.2's <c>IsotonicRegression(out_of_bounds="clip")</c> does.
/// </summary>
public sealed class IsotonicCalibrator : ICalibrator
{
    private readonly double[] thresholds;
    private readonly double[] values;

    /// <summary>A calibrator from fitted thresholds (strictly increasing) and their non-decreasing values.</summary>
    public IsotonicCalibrator(IReadOnlyList<double> thresholds, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(values);
        if (thresholds.Count == 0 || thresholds.Count != values.Count)
            throw new InvalidDataException($"An isotonic calibrator needs as many values as thresholds, at least one; got {thresholds.Count} thresholds and {values.Count} values.");
        for (var i = 1; i < thresholds.Count; i++)
        {
            if (!(thresholds[i] > thresholds[i - 1]))
                throw new InvalidDataException($"Isotonic thresholds must increase; threshold {i} ({thresholds[i]}) is not above threshold {i - 1} ({thresholds[i - 1]}).");
            if (!(values[i] >= values[i - 1]))
                throw new InvalidDataException($"Isotonic values must not decrease; value {i} ({values[i]}) is below value {i - 1} ({values[i - 1]}).");
        }

        this.thresholds = [.. thresholds];
        this.values = [.. values];
    }

    /// <summary>The fitted thresholds (raw scores), increasing.</summary>
    public IReadOnlyList<double> Thresholds => thresholds;

    /// <summary>The calibrated probability at each threshold.</summary>
    public IReadOnlyList<double> Values => values;

    /// <summary>
    /// Fits the calibrator. Rows with weight 0 are ignored; rows with equal scores are first merged
    /// into one point carrying their weighted mean label and summed weight (scikit-learn's
    /// <c>_make_unique</c>); then pool adjacent violators; then interior points whose value equals
    /// both neighbours are dropped, which leaves the interpolated function unchanged.
    /// </summary>
    public static IsotonicCalibrator Fit<TScore, TLabel>(ReadOnlySpan<TScore> scores, ReadOnlySpan<TLabel> labels, ReadOnlySpan<double> weights = default)
        where TScore : INumberBase<TScore>
        where TLabel : INumberBase<TLabel>
    {
        var data = LabelledScores.From(labels, scores, weights);
        var order = data.OrderByScoreAscending().Where(row => data.Weight(row) > 0).ToArray();
        if (order.Length == 0)
            throw new ArgumentException("An isotonic calibrator needs at least one row with positive weight.", nameof(weights));

        var (x, y, w) = MergeEqualScores(data, order);
        PoolAdjacentViolators(y, w);
        return Trimmed(x, y);
    }

    /// <inheritdoc />
    public double Calibrate(double score)
    {
        if (double.IsNaN(score))
            return double.NaN;
        if (thresholds.Length == 1)
            return values[0];
        var clipped = Math.Clamp(score, thresholds[0], thresholds[^1]);
        // scipy's interp1d: the segment whose upper end is the first threshold at or above the point.
        var upper = Array.BinarySearch(thresholds, clipped);
        upper = upper < 0 ? ~upper : upper;
        upper = Math.Clamp(upper, 1, thresholds.Length - 1);
        var lower = upper - 1;
        var slope = (values[upper] - values[lower]) / (thresholds[upper] - thresholds[lower]);
        return slope * (clipped - thresholds[lower]) + values[lower];
    }

    /// <inheritdoc />
    public CalibratorDescription Describe() =>
        new() { Kind = CalibratorDescription.IsotonicKind, X = [.. thresholds], Y = [.. values] };

    /// <summary>
    /// Merges runs of equal scores. Like scikit-learn, scores closer than 1e-15 (float64 resolution)
    /// to the first score of a run count as equal.
    /// </summary>
    private static (double[] X, double[] Y, double[] W) MergeEqualScores(LabelledScores data, int[] order)
    {
        const double resolution = 1e-15;
        var x = new List<double>();
        var y = new List<double>();
        var w = new List<double>();
        var currentScore = data.Scores[order[0]];
        double weightedLabels = 0, weight = 0;
        foreach (var row in order)
        {
            var score = data.Scores[row];
            if (score - currentScore >= resolution)
            {
                x.Add(currentScore);
                y.Add(weightedLabels / weight);
                w.Add(weight);
                currentScore = score;
                weightedLabels = 0;
                weight = 0;
            }

            weight += data.Weight(row);
            weightedLabels += data.Labels[row] * data.Weight(row);
        }

        x.Add(currentScore);
        y.Add(weightedLabels / weight);
        w.Add(weight);
        return ([.. x], [.. y], [.. w]);
    }

    /// <summary>
    /// Pool adjacent violators in place, single pass with backtracking (the scheme of scikit-learn's
    /// <c>_inplace_contiguous_isotonic_regression</c>). Blocks are runs [i..j] with
    /// <c>end[i] = j</c> and <c>end[j] = i</c>; y[i] and w[i] hold the block's mean and weight.
    /// Worked example, labels 1, 0, 0, 1 with unit weights: 1 ≥ 0 pools the first two (mean 0.5),
    /// the decreasing run continues while 0 ≤ 0, so {1, 0, 0} pools to 1/3; 1/3 &lt; 1 stops; result
    /// 1/3, 1/3, 1/3, 1.
    /// </summary>
    private static void PoolAdjacentViolators(double[] y, double[] w)
    {
        var n = y.Length;
        var end = new int[n];
        for (var i = 0; i < n; i++)
            end[i] = i;

        var start = 0;
        while (start < n)
        {
            var next = end[start] + 1;
            if (next == n)
                break;
            if (y[start] < y[next])
            {
                start = next;
                continue;
            }

            var weightedSum = w[start] * y[start];
            var weight = w[start];
            while (true)
            {
                var previousValue = y[next];
                weightedSum += w[next] * y[next];
                weight += w[next];
                next = end[next] + 1;
                if (next == n || previousValue < y[next])
                {
                    y[start] = weightedSum / weight;
                    w[start] = weight;
                    end[start] = next - 1;
                    end[next - 1] = start;
                    if (start > 0)
                        start = end[start - 1];
                    break;
                }
            }
        }

        for (var i = 0; i < n;)
        {
            var blockEnd = end[i];
            for (var k = i + 1; k <= blockEnd; k++)
                y[k] = y[i];
            i = blockEnd + 1;
        }
    }

    /// <summary>Keeps the ends and every point whose value differs from a neighbour's.</summary>
    private static IsotonicCalibrator Trimmed(double[] x, double[] y)
    {
        var keptX = new List<double>(x.Length);
        var keptY = new List<double>(y.Length);
        for (var i = 0; i < x.Length; i++)
        {
            var interior = i > 0 && i < x.Length - 1;
            if (!interior || y[i] != y[i - 1] || y[i] != y[i + 1])
            {
                keptX.Add(x[i]);
                keptY.Add(y[i]);
            }
        }

        return new IsotonicCalibrator(keptX, keptY);
    }
}
