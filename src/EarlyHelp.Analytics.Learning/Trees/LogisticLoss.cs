using System.Runtime.Intrinsics;

namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>
/// Binary log loss on raw scores s (log-odds), p = 1/(1+e^−s): gradient p − y and hessian p(1−p)
/// per row, both times the row's weight.
/// </summary>
internal static class LogisticLoss
{
    private const int BlockSize = 8_192;

    /// <summary>A hessian never falls below this, so that a leaf of confident rows keeps a finite value.</summary>
    private const double MinimumHessian = 1e-16;

    /// <summary>The logistic function.</summary>
    public static double Sigmoid(double score) => 1 / (1 + Math.Exp(-score));

    /// <summary>The log-odds of the weighted share of positive labels: the best constant score.</summary>
    public static double PriorLogOdds(float[] labels, float[]? weights)
    {
        double positive = 0, total = 0;
        for (var row = 0; row < labels.Length; row++)
        {
            var weight = weights?[row] ?? 1f;
            positive += weight * labels[row];
            total += weight;
        }

        var share = positive / total;
        return Math.Log(share / (1 - share));
    }

    /// <summary>Fills each row's gradient and hessian at the current scores, four rows per vector operation.</summary>
    public static void Gradients(float[] labels, float[]? weights, double[] scores, GradientPair[] gradients, int threads) =>
        ParallelWork.ForBlocks(labels.Length, BlockSize, threads, (_, start, end) =>
        {
            var one = Vector256<double>.One;
            var row = start;
            for (; row + 4 <= end; row += 4)
            {
                var probability = one / (one + Vector256.Exp(-Vector256.Create<double>(scores.AsSpan(row))));
                var label = Vector256.Create(labels[row], labels[row + 1], labels[row + 2], labels[row + 3]);
                var weight = weights is null ? one : Vector256.Create(weights[row], weights[row + 1], weights[row + 2], weights[row + 3]);
                var gradient = (probability - label) * weight;
                var hessian = Vector256.Max(probability * (one - probability), Vector256.Create(MinimumHessian)) * weight;
                for (var lane = 0; lane < 4; lane++)
                    gradients[row + lane] = new GradientPair((float)gradient[lane], (float)hessian[lane]);
            }

            for (; row < end; row++)
            {
                var probability = Sigmoid(scores[row]);
                var weight = weights?[row] ?? 1f;
                gradients[row] = new GradientPair(
                    (float)((probability - labels[row]) * weight),
                    (float)(Math.Max(probability * (1 - probability), MinimumHessian) * weight));
            }
        });

    /// <summary>
    /// The weighted mean log loss of the scores, summed block by block and the blocks in order,
    /// so that it is the same whatever the thread count.
    /// </summary>
    public static double MeanLoss(float[] labels, float[]? weights, double[] scores, int threads)
    {
        var blocks = ParallelWork.BlockCount(labels.Length, BlockSize);
        var losses = new double[blocks];
        var weightSums = new double[blocks];
        ParallelWork.ForBlocks(labels.Length, BlockSize, threads, (block, start, end) =>
        {
            double loss = 0, weightSum = 0;
            for (var row = start; row < end; row++)
            {
                var weight = weights?[row] ?? 1.0;
                loss += weight * RowLoss(labels[row], scores[row]);
                weightSum += weight;
            }

            losses[block] = loss;
            weightSums[block] = weightSum;
        });
        return losses.Sum() / weightSums.Sum();
    }

    /// <summary>−[y·log p + (1−y)·log(1−p)] = softplus(s) − y·s, computed without overflow.</summary>
    private static double RowLoss(double label, double score) =>
        Math.Max(score, 0) + double.LogP1(Math.Exp(-Math.Abs(score))) - label * score;
}
