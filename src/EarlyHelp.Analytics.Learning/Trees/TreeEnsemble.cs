using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>
/// A trained gradient-boosted model for binary classification: raw score = base score + Σ tree
/// outputs (log-odds), probability = logistic(raw score). Immutable; safe to share between threads.
/// </summary>
public sealed partial class TreeEnsemble
{
    private readonly RegressionTree[] trees;
    private readonly PackedForest forest;

    /// <summary>An ensemble of <paramref name="trees"/> over the features of <paramref name="binning"/>.</summary>
    public TreeEnsemble(FeatureBinning binning, double baseScore, IReadOnlyList<RegressionTree> trees)
    {
        ArgumentNullException.ThrowIfNull(binning);
        ArgumentNullException.ThrowIfNull(trees);
        if (!double.IsFinite(baseScore))
            throw new ArgumentException($"The base score must be a finite number. Got {baseScore} instead.", nameof(baseScore));
        Binning = binning;
        BaseScore = baseScore;
        this.trees = [.. trees];
        forest = new PackedForest(this.trees);
    }

    /// <summary>The binning of the training data, which new data is binned with.</summary>
    public FeatureBinning Binning { get; }

    /// <summary>Feature names, in the column order predictions expect.</summary>
    public IReadOnlyList<string> FeatureNames => Binning.FeatureNames;

    /// <summary>The raw score before any tree: the log-odds of the training data's positive share.</summary>
    public double BaseScore { get; }

    /// <summary>The trees, in the order they were grown.</summary>
    public IReadOnlyList<RegressionTree> Trees => trees;

    /// <summary>The logistic function: the probability of a raw score.</summary>
    public static double Probability(double rawScore) => LogisticLoss.Sigmoid(rawScore);

    /// <summary>The raw score (log-odds) of one row of feature values (NaN missing).</summary>
    public double PredictRaw(ReadOnlySpan<float> row)
    {
        if (row.Length != Binning.FeatureCount)
            throw new ArgumentException($"The row has {row.Length} values; the model has {Binning.FeatureCount} features.", nameof(row));
        return forest.Predict(BaseScore, row);
    }

    /// <summary>The raw score of every row of <paramref name="data"/>, whose features must be the model's, in order.</summary>
    public double[] PredictRaw(DenseDataset data, int? numberOfThreads = null)
    {
        CheckFeatures(data);
        return forest.Predict(BaseScore, data, ParallelWork.ThreadCount(numberOfThreads));
    }

    /// <summary>The probability of the positive class for every row of <paramref name="data"/>.</summary>
    public double[] PredictProbability(DenseDataset data, int? numberOfThreads = null)
    {
        var scores = PredictRaw(data, numberOfThreads);
        for (var row = 0; row < scores.Length; row++)
            scores[row] = Probability(scores[row]);
        return scores;
    }

    /// <summary>Total split gain of each feature over all trees (gain-based importance), in feature order.</summary>
    public double[] FeatureImportance()
    {
        var importance = new double[Binning.FeatureCount];
        foreach (var tree in trees)
        {
            for (var node = 0; node < tree.NodeCount; node++)
                importance[tree.SplitFeatures[node]] += tree.Gains[node];
        }

        return importance;
    }

    /// <summary>The ensemble of the first <paramref name="numberOfTrees"/> trees.</summary>
    public TreeEnsemble Take(int numberOfTrees) => new(Binning, BaseScore, trees[..Math.Min(numberOfTrees, trees.Length)]);

    private void CheckFeatures(DenseDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureNames.SequenceEqual(FeatureNames, StringComparer.Ordinal))
            return;
        var detail = FeatureMismatch.Describe(FeatureNames, data.FeatureNames) ?? "they are in another order";
        throw new ArgumentException($"The data's features do not match the model's: {detail}.", nameof(data));
    }
}
