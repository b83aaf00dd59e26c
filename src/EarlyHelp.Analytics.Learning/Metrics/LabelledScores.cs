using System.Globalization;
using System.Numerics;

namespace EarlyHelp.Analytics.Learning.Metrics;

/// <summary>
/// Labels, scores and optional weights checked once and held as doubles, so that every metric
/// validates its input the same way and reports the same messages.
/// </summary>
internal sealed class LabelledScores
{
    private LabelledScores(double[] labels, double[] scores, double[]? weights)
    {
        Labels = labels;
        Scores = scores;
        Weights = weights;
        for (var i = 0; i < labels.Length; i++)
        {
            var weight = Weight(i);
            TotalWeight += weight;
            PositiveWeight += weight * labels[i];
        }
    }

    public double[] Labels { get; }

    public double[] Scores { get; }

    public double[]? Weights { get; }

    public int Count => Labels.Length;

    public double TotalWeight { get; }

    public double PositiveWeight { get; }

    public double NegativeWeight => TotalWeight - PositiveWeight;

    public double Weight(int row) => Weights is null ? 1.0 : Weights[row];

    /// <summary>Checks lengths, 0/1 labels, finite scores and non-negative finite weights.</summary>
    public static LabelledScores From<TLabel, TScore>(ReadOnlySpan<TLabel> labels, ReadOnlySpan<TScore> scores, ReadOnlySpan<double> weights)
        where TLabel : INumberBase<TLabel>
        where TScore : INumberBase<TScore>
    {
        if (labels.Length != scores.Length)
            throw new ArgumentException($"There are {labels.Length} labels for {scores.Length} scores.", nameof(labels));
        if (!weights.IsEmpty && weights.Length != labels.Length)
            throw new ArgumentException($"There are {weights.Length} weights for {labels.Length} rows.", nameof(weights));
        if (labels.IsEmpty)
            throw new ArgumentException("A metric needs at least one row.", nameof(labels));

        var labelValues = new double[labels.Length];
        var scoreValues = new double[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var label = CheckedLabel(labels[i], i);
            var score = double.CreateTruncating(scores[i]);
            if (!double.IsFinite(score))
                throw new ArgumentException(Invariant($"The score of row {i} is {score}; scores must be finite numbers."), nameof(scores));
            labelValues[i] = label;
            scoreValues[i] = score;
        }

        double[]? weightValues = null;
        if (!weights.IsEmpty)
        {
            for (var i = 0; i < weights.Length; i++)
            {
                if (!double.IsFinite(weights[i]) || weights[i] < 0)
                    throw new ArgumentException(Invariant($"The weight of row {i} is {weights[i]}; weights must be finite and not negative."), nameof(weights));
            }

            weightValues = weights.ToArray();
        }

        return new LabelledScores(labelValues, scoreValues, weightValues);
    }

    /// <summary>The label as 0.0 or 1.0; anything else is refused with the row named.</summary>
    public static double CheckedLabel<TLabel>(TLabel value, int row)
        where TLabel : INumberBase<TLabel>
    {
        var label = double.CreateTruncating(value);
        if (label != 0.0 && label != 1.0)
            throw new ArgumentException(Invariant($"The label of row {row} is {label}; labels must be 0 or 1."), "labels");
        return label;
    }

    /// <summary>
    /// The scores ascending, with each row's label and weight moved alongside, so that sweeps over
    /// the ranking read memory in order (ties in no particular order).
    /// </summary>
    public (double[] Scores, double[] Labels, double[]? Weights) SortedByScore()
    {
        var scores = (double[])Scores.Clone();
        if (Weights is null)
        {
            var labels = (double[])Labels.Clone();
            Array.Sort(scores, labels);
            return (scores, labels, null);
        }

        var order = OrderByScoreAscending();
        var sortedLabels = new double[order.Length];
        var sortedWeights = new double[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            scores[i] = Scores[order[i]];
            sortedLabels[i] = Labels[order[i]];
            sortedWeights[i] = Weights[order[i]];
        }

        return (scores, sortedLabels, sortedWeights);
    }

    /// <summary>Row indices ordered by score ascending (ties in no particular order).</summary>
    public int[] OrderByScoreAscending()
    {
        var keys = (double[])Scores.Clone();
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        Array.Sort(keys, order);
        return order;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
