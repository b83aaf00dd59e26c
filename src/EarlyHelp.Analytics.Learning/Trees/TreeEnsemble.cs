using EarlyHelp.Analytics.Learning.Data;
using Microsoft.ML.Trainers.FastTree;

namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>
/// The trees of a trained ML.NET model, read out through its public API, with the training rows'
/// count at every node. Raw score = <see cref="Bias"/> + Σ leaf values: ML.NET's <c>Score</c>
/// column. That score is not log-odds: ML.NET turns it into a probability with a fixed Platt
/// calibrator, p = 1 / (1 + exp(slope·score + offset)); for FastTree slope = −2 × learning rate and
/// offset = 0 (its trees fit half the log-odds, Friedman 2001 §4.5), for LightGbm slope = −0.5 by
/// default. <see cref="LogOddsPerScore"/> and <see cref="LogOddsOffset"/> hold −slope and −offset,
/// read from the trained model rather than assumed. Immutable.
/// </summary>
public sealed class TreeEnsemble
{
    private readonly RegressionTree[] trees;

    /// <summary>An ensemble of <paramref name="trees"/> over <paramref name="featureNames"/>, whose missing values go where <paramref name="missingValues"/> says (null: every feature low).</summary>
    public TreeEnsemble(IReadOnlyList<string> featureNames, double bias, IReadOnlyList<RegressionTree> trees, double logOddsPerScore, double logOddsOffset,
        MissingValuePlacement? missingValues = null)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(trees);
        if (!double.IsFinite(bias) || !double.IsFinite(logOddsPerScore) || !double.IsFinite(logOddsOffset))
            throw new ArgumentException("The bias and the score's log-odds scale must be finite numbers.");
        FeatureNames = featureNames;
        Bias = bias;
        this.trees = [.. trees];
        LogOddsPerScore = logOddsPerScore;
        LogOddsOffset = logOddsOffset;
        MissingValues = missingValues ?? MissingValuePlacement.AllLow(featureNames.Count);
        if (MissingValues.Sides.Count != featureNames.Count)
            throw new ArgumentException($"The missing-value placement has {MissingValues.Sides.Count} features; the model has {featureNames.Count}.", nameof(missingValues));
    }

    /// <summary>Feature names, in the column order the trees index.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The raw score before any tree (0 for FastTree).</summary>
    public double Bias { get; }

    /// <summary>The trees, in the order they were grown.</summary>
    public IReadOnlyList<RegressionTree> Trees => trees;

    /// <summary>Log-odds per unit of raw score: −slope of the trainer's own Platt calibrator (2 × learning rate for FastTree).</summary>
    public double LogOddsPerScore { get; }

    /// <summary>Log-odds at raw score 0: −offset of the trainer's own Platt calibrator (0 for FastTree).</summary>
    public double LogOddsOffset { get; }

    /// <summary>Where each feature's missing values were placed for training, and are placed before every tree.</summary>
    public MissingValuePlacement MissingValues { get; }

    /// <summary>
    /// Reads the trees of a trained ML.NET tree model and counts the rows of
    /// <paramref name="training"/> (NaN filled as the model fills it) at every node.
    /// </summary>
    /// <param name="featureNames">The names of the model's feature slots, in order.</param>
    /// <param name="model">FastTree's or LightGbm's model parameters (the calibrated model's <c>SubModel</c>).</param>
    /// <param name="slope">The slope of the trainer's own Platt calibrator.</param>
    /// <param name="offset">The offset of the trainer's own Platt calibrator.</param>
    /// <param name="training">The rows the model was trained on, or null to leave every count 0.</param>
    /// <param name="numberOfThreads">Threads for the routing, or null for every core.</param>
    /// <param name="missingValues">Where the model's transform places each feature's missing values (null: every feature low).</param>
    public static TreeEnsemble Read(IReadOnlyList<string> featureNames, TreeEnsembleModelParametersBasedOnRegressionTree model,
        double slope, double offset, DenseDataset? training, int? numberOfThreads = null, MissingValuePlacement? missingValues = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var source = model.TrainedTreeEnsemble;
        var trees = new RegressionTree[source.Trees.Count];
        for (var t = 0; t < trees.Length; t++)
        {
            var tree = source.Trees[t];
            if (tree.CategoricalSplitFlags.Any(flag => flag))
                throw new NotSupportedException("The model has a categorical split; the features here are all numeric.");
            var weight = source.TreeWeights[t];
            var nodes = tree.NumberOfNodes;
            trees[t] = new RegressionTree(featureNames.Count,
                [.. tree.NumericalSplitFeatureIndexes], [.. tree.NumericalSplitThresholds], [.. tree.LeftChild], [.. tree.RightChild],
                [.. tree.SplitGains], [.. tree.LeafValues.Select(v => v * weight)], new int[nodes], new int[nodes + 1]);
        }

        var ensemble = new TreeEnsemble(featureNames, source.Bias, trees, -slope, -offset, missingValues);
        return training is null ? ensemble : ensemble.WithCounts(training, numberOfThreads);
    }

    /// <summary>The logistic of the log-odds of a raw score: the trainer's own, uncalibrated probability.</summary>
    public double Probability(double rawScore) => 1.0 / (1.0 + Math.Exp(-LogOdds(rawScore)));

    /// <summary>The log-odds a raw score stands for under the trainer's own calibrator.</summary>
    public double LogOdds(double rawScore) => LogOddsPerScore * rawScore + LogOddsOffset;

    /// <summary>The raw score of one row of feature values (NaN missing): ML.NET's <c>Score</c>, to float rounding.</summary>
    public double PredictRaw(ReadOnlySpan<float> row)
    {
        if (row.Length != FeatureNames.Count)
            throw new ArgumentException($"The row has {row.Length} values; the model has {FeatureNames.Count} features.", nameof(row));
        Span<float> filled = row.Length <= 256 ? stackalloc float[row.Length] : new float[row.Length];
        MissingValues.Fill(row, filled);
        var score = Bias;
        foreach (var tree in trees)
            score += tree.LeafValues[tree.LeafIndex(filled)];
        return score;
    }

    /// <summary>The raw score of every row of <paramref name="data"/>, whose features must be the model's, in order.</summary>
    public double[] PredictRaw(DenseDataset data, int? numberOfThreads = null)
    {
        CheckFeatures(data);
        var scores = new double[data.RowCount];
        ParallelWork.ForBlocks(data.RowCount, 1024, ParallelWork.ThreadCount(numberOfThreads), (_, start, end) =>
        {
            for (var row = start; row < end; row++)
                scores[row] = PredictRaw(data.Row(row));
        });
        return scores;
    }

    /// <summary>Total split gain of each feature over all trees (gain-based importance), in feature order.</summary>
    public double[] FeatureImportance()
    {
        var importance = new double[FeatureNames.Count];
        foreach (var tree in trees)
        {
            for (var node = 0; node < tree.NodeCount; node++)
                importance[tree.SplitFeatures[node]] += tree.Gains[node];
        }

        return importance;
    }

    /// <summary>The ensemble of the first <paramref name="numberOfTrees"/> trees.</summary>
    public TreeEnsemble Take(int numberOfTrees) =>
        new(FeatureNames, Bias, trees[..Math.Min(numberOfTrees, trees.Length)], LogOddsPerScore, LogOddsOffset, MissingValues);

    /// <summary>
    /// The same trees with every node's count of <paramref name="training"/> rows: ML.NET keeps no
    /// covers, so the rows are routed through each tree, as TreeSHAP's path weights need.
    /// </summary>
    public TreeEnsemble WithCounts(DenseDataset training, int? numberOfThreads = null)
    {
        CheckFeatures(training);
        var width = FeatureNames.Count;
        var filled = MissingValues.FillRows(training.Values);
        var counted = new RegressionTree[trees.Length];
        ParallelWork.For(trees.Length, ParallelWork.ThreadCount(numberOfThreads), t =>
        {
            var tree = trees[t];
            var nodes = new int[tree.NodeCount];
            var leaves = new int[tree.LeafCount];
            for (var row = 0; row < training.RowCount; row++)
            {
                var values = filled.AsSpan(row * width, width);
                var node = 0;
                while (node >= 0 && tree.NodeCount > 0)
                {
                    nodes[node]++;
                    node = values[tree.SplitFeatures[node]] <= tree.Thresholds[node] ? tree.LeftChildren[node] : tree.RightChildren[node];
                }

                leaves[tree.NodeCount > 0 ? ~node : 0]++;
            }

            counted[t] = tree.WithCounts(width, nodes, leaves);
        });
        return new TreeEnsemble(FeatureNames, Bias, counted, LogOddsPerScore, LogOddsOffset, MissingValues);
    }

    private void CheckFeatures(DenseDataset data) => FeatureMismatch.Check(FeatureNames, data);
}
