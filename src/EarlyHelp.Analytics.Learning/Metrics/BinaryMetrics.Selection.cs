using System.Numerics;

namespace EarlyHelp.Analytics.Learning.Metrics;

public static partial class BinaryMetrics
{
    /// <summary>
    /// Row indices from highest to lowest score; equal scores in ascending <paramref name="tieKeys"/>
    /// (e.g. a row id), then ascending row index, so the order never depends on the sort algorithm.
    /// With no tie keys the row index breaks ties.
    /// </summary>
    public static int[] RankDescending<TScore>(ReadOnlySpan<TScore> scores, ReadOnlySpan<long> tieKeys = default)
        where TScore : INumberBase<TScore>
    {
        if (!tieKeys.IsEmpty && tieKeys.Length != scores.Length)
            throw new ArgumentException($"There are {tieKeys.Length} tie keys for {scores.Length} scores.", nameof(tieKeys));
        var keys = new double[scores.Length];
        var order = new int[scores.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var score = double.CreateTruncating(scores[i]);
            if (double.IsNaN(score))
                throw new ArgumentException($"The score of row {i} is NaN; scores must be numbers.", nameof(scores));
            keys[i] = -score;
            order[i] = i;
        }

        Array.Sort(keys, order);
        var ties = tieKeys.IsEmpty ? null : tieKeys.ToArray();
        Comparison<int> byTieKey = ties is null
            ? (left, right) => left.CompareTo(right)
            : (left, right) => ties[left] != ties[right] ? ties[left].CompareTo(ties[right]) : left.CompareTo(right);
        var start = 0;
        while (start < keys.Length)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
                end++;
            if (end - start > 1)
                order.AsSpan(start, end - start).Sort(byTieKey);
            start = end;
        }

        return order;
    }

    /// <summary>Marks the first <paramref name="count"/> rows of <see cref="RankDescending{TScore}"/> as selected.</summary>
    public static bool[] SelectTopK<TScore>(ReadOnlySpan<TScore> scores, int count, ReadOnlySpan<long> tieKeys = default)
        where TScore : INumberBase<TScore>
    {
        if (count < 0)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The 'count' argument must not be negative. Got {count} instead.");
        var order = RankDescending(scores, tieKeys);
        var selected = new bool[scores.Length];
        for (var i = 0; i < Math.Min(count, order.Length); i++)
            selected[order[i]] = true;
        return selected;
    }

    /// <summary>Marks rows whose score is at or above <paramref name="threshold"/> as selected.</summary>
    public static bool[] SelectAtThreshold<TScore>(ReadOnlySpan<TScore> scores, double threshold)
        where TScore : INumberBase<TScore>
    {
        var selected = new bool[scores.Length];
        for (var i = 0; i < scores.Length; i++)
            selected[i] = double.CreateTruncating(scores[i]) >= threshold;
        return selected;
    }

    /// <summary>Confusion counts of a selection against 0/1 labels.</summary>
    public static ConfusionCounts Confusion<TLabel>(ReadOnlySpan<TLabel> labels, ReadOnlySpan<bool> selected)
        where TLabel : INumberBase<TLabel>
    {
        if (labels.Length != selected.Length)
            throw new ArgumentException($"There are {labels.Length} labels for {selected.Length} selection flags.", nameof(labels));
        long truePositives = 0, falsePositives = 0, trueNegatives = 0, falseNegatives = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var positive = LabelledScores.CheckedLabel(labels[i], i) == 1.0;
            if (selected[i])
            {
                if (positive) truePositives++;
                else falsePositives++;
            }
            else if (positive)
                falseNegatives++;
            else
                trueNegatives++;
        }

        return new ConfusionCounts(truePositives, falsePositives, trueNegatives, falseNegatives);
    }

    /// <summary>Confusion counts when rows scoring at or above <paramref name="threshold"/> are selected.</summary>
    public static ConfusionCounts ConfusionAtThreshold<TLabel, TScore>(ReadOnlySpan<TLabel> labels, ReadOnlySpan<TScore> scores, double threshold)
        where TLabel : INumberBase<TLabel>
        where TScore : INumberBase<TScore> =>
        Confusion(labels, SelectAtThreshold(scores, threshold));

    /// <summary>Confusion counts when the top <paramref name="count"/> rows are selected (ties broken by <paramref name="tieKeys"/> ascending).</summary>
    public static ConfusionCounts ConfusionAtTopK<TLabel, TScore>(ReadOnlySpan<TLabel> labels, ReadOnlySpan<TScore> scores, int count, ReadOnlySpan<long> tieKeys = default)
        where TLabel : INumberBase<TLabel>
        where TScore : INumberBase<TScore> =>
        Confusion(labels, SelectTopK(scores, count, tieKeys));
}
