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

        var order = data.OrderByScoreAscending();
        double negativesBelow = 0, area = 0;
        foreach (var (positives, negatives) in TieGroups(data, order, ascending: true))
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

        var order = data.OrderByScoreAscending();
        double truePositives = 0, falsePositives = 0, sum = 0;
        foreach (var (positives, negatives) in TieGroups(data, order, ascending: false))
        {
            truePositives += positives;
            falsePositives += negatives;
            if (truePositives + falsePositives > 0)
                sum += positives / data.PositiveWeight * (truePositives / (truePositives + falsePositives));
        }

        return sum;
    }

    /// <summary>Positive and negative weight of each run of equal scores, walking the sorted order.</summary>
    private static IEnumerable<(double Positives, double Negatives)> TieGroups(LabelledScores data, int[] order, bool ascending)
    {
        var n = order.Length;
        var position = 0;
        while (position < n)
        {
            var score = data.Scores[order[ascending ? position : n - 1 - position]];
            double positives = 0, negatives = 0;
            while (position < n)
            {
                var row = order[ascending ? position : n - 1 - position];
                if (data.Scores[row] != score)
                    break;
                var weight = data.Weight(row);
                positives += weight * data.Labels[row];
                negatives += weight * (1.0 - data.Labels[row]);
                position++;
            }

            yield return (positives, negatives);
        }
    }
}
