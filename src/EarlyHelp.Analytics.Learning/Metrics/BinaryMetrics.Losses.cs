using System.Numerics;

namespace EarlyHelp.Analytics.Learning.Metrics;

public static partial class BinaryMetrics
{
    /// <summary>
    /// The clipping bound scikit-learn 1.2's <c>log_loss(eps="auto")</c> uses for float64 input:
    /// machine epsilon, the gap between 1 and the next double (2.22e-16).
    /// </summary>
    public static readonly double LogLossEpsilon = Math.BitIncrement(1.0) - 1.0;

    /// <summary>
    /// Mean negative log-likelihood (weighted mean when weights are given). As scikit-learn does,
    /// each row's pair (1 − p, p) is clipped to [ε, 1 − ε] and renormalised to sum to 1, so a
    /// confident wrong score costs a large but finite amount.
    /// </summary>
    public static double LogLoss<TLabel, TScore>(ReadOnlySpan<TLabel> labels, ReadOnlySpan<TScore> scores, ReadOnlySpan<double> weights = default, double? epsilon = null)
        where TLabel : INumberBase<TLabel>
        where TScore : INumberBase<TScore>
    {
        var data = LabelledScores.From(labels, scores, weights);
        RequireProbabilities(data);
        var eps = epsilon ?? LogLossEpsilon;
        double sum = 0;
        for (var i = 0; i < data.Count; i++)
        {
            var positive = Math.Clamp(data.Scores[i], eps, 1 - eps);
            var negative = Math.Clamp(1 - data.Scores[i], eps, 1 - eps);
            var likelihood = (data.Labels[i] == 1.0 ? positive : negative) / (positive + negative);
            sum -= data.Weight(i) * Math.Log(likelihood);
        }

        return sum / data.TotalWeight;
    }

    /// <summary>Brier score: the (weighted) mean of (label − score)².</summary>
    public static double Brier<TLabel, TScore>(ReadOnlySpan<TLabel> labels, ReadOnlySpan<TScore> scores, ReadOnlySpan<double> weights = default)
        where TLabel : INumberBase<TLabel>
        where TScore : INumberBase<TScore>
    {
        var data = LabelledScores.From(labels, scores, weights);
        RequireProbabilities(data);
        double sum = 0;
        for (var i = 0; i < data.Count; i++)
        {
            var error = data.Labels[i] - data.Scores[i];
            sum += data.Weight(i) * error * error;
        }

        return sum / data.TotalWeight;
    }

    private static void RequireProbabilities(LabelledScores data)
    {
        for (var i = 0; i < data.Count; i++)
        {
            if (data.Scores[i] is < 0 or > 1)
                throw new ArgumentException($"The score of row {i} is {data.Scores[i]}; a probability must lie in [0, 1].", "scores");
        }
    }
}
