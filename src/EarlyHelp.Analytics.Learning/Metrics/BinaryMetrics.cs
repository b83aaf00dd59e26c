using System.Numerics;

namespace EarlyHelp.Analytics.Learning.Metrics;

/// <summary>
/// Metrics of a binary classifier's scores against 0/1 labels, defined as scikit-learn 1.2 defines
/// them so that results can be checked against it. Undefined values (an AUC with one class only,
/// a rate over nobody) are <see cref="double.NaN"/> rather than exceptions.
/// </summary>
/// <remarks>This file: ranking metrics. Losses, reliability and selection live in the other parts.</remarks>
public static partial class BinaryMetrics
{
    /// <summary>
    /// Area under the ROC curve: the probability that a random positive outscores a random negative,
    /// tied pairs counting one half (the trapezoidal area scikit-learn's <c>roc_auc_score</c> returns).
    /// NaN when either class is absent.
    /// </summary>
    public static double RocAuc<TLabel, TScore>(ReadOnlySpan<TLabel> labels, ReadOnlySpan<TScore> scores, ReadOnlySpan<double> weights = default)
        where TLabel : INumberBase<TLabel>
        where TScore : INumberBase<TScore>
    {
        var data = LabelledScores.From(labels, scores, weights);
        if (data.PositiveWeight <= 0 || data.NegativeWeight <= 0)
            return double.NaN;

        double negativesBelow = 0, area = 0;
        foreach (var (positives, negatives) in TieGroups(data, ascending: true))
        {
            area += positives * (negativesBelow + 0.5 * negatives);
            negativesBelow += negatives;
        }

        return area / (data.PositiveWeight * data.NegativeWeight);
    }

    /// <summary>
    /// Average precision, scikit-learn's step definition: Σ (R_k − R_{k−1}) · P_k over the distinct
    /// score thresholds from high to low, with no interpolation. NaN when there are no positives.
    /// </summary>
    public static double AveragePrecision<TLabel, TScore>(ReadOnlySpan<TLabel> labels, ReadOnlySpan<TScore> scores, ReadOnlySpan<double> weights = default)
        where TLabel : INumberBase<TLabel>
        where TScore : INumberBase<TScore>
    {
        var data = LabelledScores.From(labels, scores, weights);
        if (data.PositiveWeight <= 0)
            return double.NaN;

        double truePositives = 0, falsePositives = 0, sum = 0;
        foreach (var (positives, negatives) in TieGroups(data, ascending: false))
        {
            truePositives += positives;
            falsePositives += negatives;
            if (truePositives + falsePositives > 0)
                sum += positives / data.PositiveWeight * (truePositives / (truePositives + falsePositives));
        }

        return sum;
    }

    /// <summary>Positive and negative weight of each run of equal scores, from the lowest score up or the highest down.</summary>
    private static List<(double Positives, double Negatives)> TieGroups(LabelledScores data, bool ascending)
    {
        var (scores, labels, weights) = data.SortedByScore();
        var groups = new List<(double, double)>();
        var n = scores.Length;
        var start = 0;
        while (start < n)
        {
            double positives = 0, negatives = 0;
            var end = start;
            while (end < n && scores[end] == scores[start])
            {
                var weight = weights?[end] ?? 1.0;
                positives += weight * labels[end];
                negatives += weight * (1.0 - labels[end]);
                end++;
            }

            groups.Add((positives, negatives));
            start = end;
        }

        if (!ascending)
            groups.Reverse();
        return groups;
    }
}
