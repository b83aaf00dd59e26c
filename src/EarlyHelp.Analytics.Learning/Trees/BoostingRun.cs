using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>The state of one training run: scores, gradients, samples, and the trees grown so far.</summary>
internal sealed class BoostingRun
{
    private readonly GradientBoostingOptions options;
    private readonly BinnedDataset training;
    private readonly float[] labels;
    private readonly BinnedDataset? validation;
    private readonly int threads;
    private readonly TreeGrower grower;
    private readonly Random random;
    private readonly double[] scores;
    private readonly GradientPair[] gradients;
    private readonly bool[] sampled;

    public BoostingRun(GradientBoostingOptions options, BinnedDataset training, float[] labels, BinnedDataset? validation, int[] monotoneDirections)
    {
        this.options = options;
        this.training = training;
        this.labels = labels;
        this.validation = validation;
        threads = ParallelWork.ThreadCount(options.NumberOfThreads);
        grower = new TreeGrower(options, training, monotoneDirections, threads);
        random = new Random(options.Seed);
        scores = new double[training.RowCount];
        gradients = new GradientPair[training.RowCount];
        sampled = new bool[training.RowCount];
    }

    public TreeEnsemble Train(IProgress<BoostingProgress>? progress)
    {
        var baseScore = LogisticLoss.PriorLogOdds(labels, training.Weights);
        Array.Fill(scores, baseScore);
        var validationScores = validation is null ? null : Enumerable.Repeat(baseScore, validation.RowCount).ToArray();
        var trees = new List<RegressionTree>(options.NumberOfTrees);
        var (bestLoss, bestCount) = (double.PositiveInfinity, 0);

        for (var iteration = 0; iteration < options.NumberOfTrees; iteration++)
        {
            LogisticLoss.Gradients(labels, training.Weights, scores, gradients, threads);
            var sample = SampleRows();
            var features = SampleFeatures();
            var tree = grower.Grow(gradients, sample, features);
            trees.Add(tree);
            AddToTrainingScores(tree, sample);

            double? validationLoss = null;
            if (validation is not null && validationScores is not null)
            {
                AddToScores(tree, validation, validationScores);
                var loss = LogisticLoss.MeanLoss(validation.Labels!, validation.Weights, validationScores, threads);
                validationLoss = loss;
                if (loss < bestLoss)
                    (bestLoss, bestCount) = (loss, trees.Count);
            }

            progress?.Report(new BoostingProgress(trees.Count, options.NumberOfTrees, validationLoss));
            if (options.EarlyStoppingRounds is { } rounds && trees.Count - bestCount >= rounds)
                break;
        }

        // With early stopping the model is the best round's; otherwise every tree is kept.
        var kept = options.EarlyStoppingRounds is null ? trees.Count : bestCount;
        return new TreeEnsemble(training.Binning, baseScore, trees.GetRange(0, kept));
    }

    /// <summary>The rows the next tree is grown on (empty meaning all), each kept with the subsample fraction's probability.</summary>
    private int[] SampleRows()
    {
        if (options.RowSubsampleFraction >= 1)
            return [];
        var rows = new List<int>((int)(training.RowCount * options.RowSubsampleFraction * 1.1) + 16);
        for (var row = 0; row < training.RowCount; row++)
        {
            sampled[row] = random.NextDouble() < options.RowSubsampleFraction;
            if (sampled[row])
                rows.Add(row);
        }

        // A tree needs rows; an unlucky draw on tiny data falls back to all of them.
        return rows.Count >= 2 * options.MinimumExampleCountPerLeaf ? [.. rows] : [];
    }

    /// <summary>The features the next tree may split on, ascending.</summary>
    private int[] SampleFeatures()
    {
        var count = training.FeatureCount;
        if (options.FeatureSubsampleFraction >= 1)
            return [.. Enumerable.Range(0, count)];
        return Sampling.SortedSubset(random, count, Math.Max(1, (int)Math.Round(options.FeatureSubsampleFraction * count)));
    }

    /// <summary>Adds the new tree's output to the training scores: through the leaves' row lists, and by walking the tree for rows left out of the sample.</summary>
    private void AddToTrainingScores(RegressionTree tree, int[] sample)
    {
        ParallelWork.For(tree.LeafCount, threads, leaf =>
        {
            var value = tree.LeafValues[leaf];
            foreach (var row in grower.RowsOfLeaf(leaf))
                scores[row] += value;
        });
        if (sample.Length == 0)
            return;
        ParallelWork.ForBlocks(training.RowCount, 16_384, threads, (_, start, end) =>
        {
            for (var row = start; row < end; row++)
            {
                if (!sampled[row])
                    scores[row] += tree.LeafValues[tree.LeafIndex(training, row)];
            }
        });
    }

    private void AddToScores(RegressionTree tree, BinnedDataset data, double[] target) =>
        ParallelWork.ForBlocks(data.RowCount, 16_384, threads, (_, start, end) =>
        {
            for (var row = start; row < end; row++)
                target[row] += tree.LeafValues[tree.LeafIndex(data, row)];
        });
}
