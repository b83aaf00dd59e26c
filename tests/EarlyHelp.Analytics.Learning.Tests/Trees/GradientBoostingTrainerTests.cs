using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Trees;

namespace EarlyHelp.Analytics.Learning.Tests.Trees;

public sealed class GradientBoostingTrainerTests
{
    /// <summary>One tree, two leaves, no shrinkage and no size limits: the first split alone.</summary>
    private static readonly GradientBoostingOptions OneSplit = new()
    {
        NumberOfTrees = 1,
        NumberOfLeaves = 2,
        LearningRate = 1,
        MinimumExampleCountPerLeaf = 1,
        MinimumHessianPerLeaf = 0,
        L2Regularization = 1,
        NumberOfThreads = 1,
    };

    [Fact]
    public void Fit_TinyDataset_MakesTheHandComputedFirstSplit()
    {
        // x = 1…5, y = 0 1 0 1 1. Base score = log(0.6/0.4) = log 1.5; every p = 0.6, so
        // g = p − y = (0.6, −0.4, 0.6, −0.4, −0.4) and h = p(1−p) = 0.24; G = 0, H = 1.2, λ = 1.
        // Gain of "x ≤ t" = G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ):
        //   t = 1.5: 0.36/1.24 + 0.36/1.96 = 0.4740    t = 2.5: 0.04/1.48 + 0.04/1.72 = 0.0503
        //   t = 3.5: 0.64/1.72 + 0.64/1.48 = 16/43 + 16/37 = 1280/1591 = 0.8045 (best)
        //   t = 4.5: 0.16/1.96 + 0.16/1.24 = 0.2107
        // Leaf values −G/(H+λ): left −0.8/1.72 = −20/43, right 0.8/1.48 = 20/37.
        var data = new DenseDataset(["x"], [1, 2, 3, 4, 5], [0, 1, 0, 1, 1]);

        var model = new GradientBoostingTrainer(OneSplit).Fit(data);

        var tree = Assert.Single(model.Trees);
        Assert.Equal(Math.Log(1.5), model.BaseScore, 12);
        Assert.Equal(1, tree.NodeCount);
        Assert.Equal(3.5f, tree.Thresholds[0]);
        Assert.Equal(1280.0 / 1591, tree.Gains[0], tolerance: 1e-6);
        Assert.Equal([-20.0 / 43, 20.0 / 37], tree.LeafValues.ToArray(), new ToleranceComparer(1e-6));
        // Covers are hessian sums: 5 × 0.24 at the root, 3 × 0.24 and 2 × 0.24 at the leaves.
        Assert.Equal(1.2, tree.NodeCovers[0], tolerance: 1e-6);
        Assert.Equal([0.72, 0.48], tree.LeafCovers.ToArray(), new ToleranceComparer(1e-6));
        Assert.Equal([3, 2], tree.LeafExampleCounts.ToArray());
        // No missing value reached the split: unseen ones follow the heavier (left) side.
        Assert.True(tree.DefaultLeft[0]);
    }

    [Fact]
    public void Fit_MissingValues_GoToTheSideThatGainsMore()
    {
        // x = 1, 2, 3, 4, NaN, NaN with y = 0, 0, 1, 1, 1, 1. Base = log(4/2); p = 2/3, so
        // g = 2/3 for y = 0 and −1/3 for y = 1, h = 2/9. Missing rows: G = −2/3, H = 4/9.
        // At x ≤ 2.5: missing right gives 16/13 + 16/17 = 480/221 = 2.1719, missing left
        // (2/3)²/(17/9) + (2/3)²/(13/9) = 4/17 + 4/13 = 0.5430; no other threshold does better
        // (x ≤ 3.5 with missing right: 0.6 + 0.6 = 1.2). Leaves: −(4/3)/(13/9) = −12/13 and
        // (4/3)/(17/9) = 12/17.
        var data = new DenseDataset(["x"], [1, 2, 3, 4, float.NaN, float.NaN], [0, 0, 1, 1, 1, 1]);

        var model = new GradientBoostingTrainer(OneSplit).Fit(data);

        var tree = Assert.Single(model.Trees);
        Assert.Equal(2.5f, tree.Thresholds[0]);
        Assert.False(tree.DefaultLeft[0]);
        Assert.Equal(480.0 / 221, tree.Gains[0], tolerance: 1e-6);
        Assert.Equal(Math.Log(2) + 12.0 / 17, model.PredictRaw([float.NaN]), tolerance: 1e-6);
        Assert.Equal(Math.Log(2) - 12.0 / 13, model.PredictRaw([1.5f]), tolerance: 1e-6);
    }

    [Fact]
    public void Fit_BestSplitLeavesTooFewRows_TakesTheBestAllowedOne()
    {
        // x = 1…8, y = 1 1 0 0 0 0 0 0: base p = 0.25, g = −0.75 (y = 1) or 0.25, h = 0.1875, λ = 1.
        //   x ≤ 2.5: 2.25/1.375 + 2.25/2.125 = 2.6952, but its left side has 2 rows, under the minimum of 3;
        //   x ≤ 3.5: 1.5625/1.5625 + 1.5625/1.9375 = 1.8065, the best split with 3 rows a side;
        //   x ≤ 4.5: 1/1.75 + 1/1.75 = 1.1429;  x ≤ 5.5: 0.5625/1.9375 + 0.5625/1.5625 = 0.6503.
        // Histograms hold no counts: the 2-row side is not provably small from its hessian alone
        // (0.375 < 3 × 0.1875), so the feature is counted exactly and searched again.
        var data = new DenseDataset(["x"], [1, 2, 3, 4, 5, 6, 7, 8], [1, 1, 0, 0, 0, 0, 0, 0]);

        var model = new GradientBoostingTrainer(OneSplit with { MinimumExampleCountPerLeaf = 3 }).Fit(data);

        var tree = Assert.Single(model.Trees);
        Assert.Equal(3.5f, tree.Thresholds[0]);
        Assert.Equal(1 + 1.5625 / 1.9375, tree.Gains[0], tolerance: 1e-6);
        Assert.Equal([3, 5], tree.LeafExampleCounts.ToArray());
    }

    [Theory]
    [InlineData(1, 15)]
    [InlineData(2, 40)]
    [InlineData(3, 90)]
    [InlineData(4, 5)]
    public void Fit_RandomData_FirstSplitIsTheBestAllowedByEnumeration(int seed, int minimumRows)
    {
        // Every (feature, threshold, missing side) of the root scored directly from the rows.
        var data = RandomDatasets.Classification(400, 3, seed, missingShare: 0.15);
        var model = new GradientBoostingTrainer(OneSplit with { MinimumExampleCountPerLeaf = minimumRows }).Fit(data);
        var labels = data.Labels!;
        var p = labels.Average(y => (double)y);
        double Gain(IEnumerable<int> left)
        {
            var l = left.ToList();
            double gl = l.Sum(r => p - labels[r]), hl = l.Count * p * (1 - p);
            double g = labels.Sum(y => p - y), h = labels.Length * p * (1 - p);
            return gl * gl / (hl + 1) + (g - gl) * (g - gl) / (h - hl + 1) - g * g / (h + 1);
        }

        var best = (Gain: double.NegativeInfinity, Feature: -1, Bin: 0);
        for (var feature = 0; feature < 3; feature++)
        {
            var bins = Enumerable.Range(0, data.RowCount).Select(r => (int)model.Binning.BinOf(feature, data[r, feature])).ToArray();
            for (var bin = 1; bin <= model.Binning.ValueBinCount(feature); bin++)
            {
                foreach (var missingLeft in new[] { false, true })
                {
                    var left = Enumerable.Range(0, data.RowCount).Where(r => bins[r] == 0 ? missingLeft : bins[r] <= bin).ToList();
                    if (left.Count < minimumRows || data.RowCount - left.Count < minimumRows)
                        continue;
                    var gain = Gain(left);
                    if (gain > best.Gain + 1e-9)
                        best = (gain, feature, bin);
                }
            }
        }

        // Gradients are stored as floats: the gains agree to about seven digits.
        var tree = Assert.Single(model.Trees);
        Assert.Equal(best.Gain, tree.Gains[0], tolerance: 1e-6 * best.Gain);
        Assert.Equal(best.Feature, tree.SplitFeatures[0]);
        Assert.True(tree.LeafExampleCounts[0] >= minimumRows && tree.LeafExampleCounts[1] >= minimumRows);
    }

    [Fact]
    public void Fit_SameSeed_SameTreesWhateverTheThreadCount()
    {
        // Leaves of over 16,384 rows are counted in row chunks (smaller ones by feature groups), where the
        // order of additions could otherwise depend on the threads.
        var data = RandomDatasets.Classification(40_000, 6, seed: 11);
        var options = new GradientBoostingOptions { NumberOfTrees = 15, NumberOfLeaves = 12, RowSubsampleFraction = 0.7, FeatureSubsampleFraction = 0.6, Seed = 3 };

        var single = new GradientBoostingTrainer(options with { NumberOfThreads = 1 }).Fit(data);
        var parallel = new GradientBoostingTrainer(options with { NumberOfThreads = 2 }).Fit(data);

        Assert.Equal(single.PredictRaw(data), parallel.PredictRaw(data));
        Assert.Equal(single.Trees.SelectMany(t => t.Gains.ToArray()), parallel.Trees.SelectMany(t => t.Gains.ToArray()));
    }

    [Fact]
    public void Fit_FeatureSubsample_EachTreeSplitsOnItsShareOfFeatures()
    {
        // A quarter of 4 features is one feature per tree.
        var data = RandomDatasets.Classification(2000, 4, seed: 4);

        var model = new GradientBoostingTrainer(new GradientBoostingOptions { NumberOfTrees = 10, FeatureSubsampleFraction = 0.25 }).Fit(data);

        Assert.All(model.Trees, tree => Assert.Single(tree.SplitFeatures.ToArray().Distinct()));
        Assert.True(model.Trees.Select(t => t.SplitFeatures[0]).Distinct().Count() > 1);
    }

    [Fact]
    public void Fit_RowSubsample_EachTreeSeesAboutThatShareOfRows()
    {
        var data = RandomDatasets.Classification(10_000, 3, seed: 6);

        var model = new GradientBoostingTrainer(new GradientBoostingOptions { NumberOfTrees = 5, RowSubsampleFraction = 0.3 }).Fit(data);

        // Binomial(10000, 0.3): mean 3000, standard deviation 46; ± 300 is over six of them.
        Assert.All(model.Trees, tree => Assert.InRange(tree.NodeExampleCounts[0], 2700, 3300));
    }

    [Fact]
    public void Fit_EarlyStopping_KeepsTheRoundsUpToTheBestValidationLoss()
    {
        // Labels of pure noise: the validation loss is lowest after a few rounds and then rises.
        var random = new Random(8);
        DenseDataset Noise(int rows) => new(["a", "b"], [.. Enumerable.Range(0, rows * 2).Select(_ => (float)random.NextDouble())],
            [.. Enumerable.Range(0, rows).Select(_ => random.NextDouble() < 0.3 ? 1f : 0f)]);
        var (training, validation) = (Noise(2000), Noise(2000));
        var options = new GradientBoostingOptions { NumberOfTrees = 200, NumberOfLeaves = 31, MinimumExampleCountPerLeaf = 2, LearningRate = 0.3, EarlyStoppingRounds = 10 };
        var losses = new List<double>();

        var model = new GradientBoostingTrainer(options).Fit(training, validation, new Progress(p => losses.Add(p.ValidationLogLoss!.Value)));

        var best = losses.IndexOf(losses.Min()) + 1;
        Assert.Equal(best, model.Trees.Count);
        Assert.Equal(best + 10, losses.Count);
        Assert.Equal(losses.Min(), LogLoss(validation.Labels!, model.PredictProbability(validation)), 9);
    }

    [Fact]
    public void Fit_EarlyStoppingWithoutValidation_Throws()
    {
        var data = RandomDatasets.Classification(100, 2, seed: 1);

        var error = Assert.Throws<ArgumentException>(() => new GradientBoostingTrainer(new GradientBoostingOptions { EarlyStoppingRounds = 5 }).Fit(data));

        Assert.StartsWith("The 'EarlyStoppingRounds' option needs a validation set.", error.Message);
    }

    [Fact]
    public void Fit_OneClassOnly_Throws()
    {
        var data = new DenseDataset(["x"], [1, 2, 3], [1, 1, 1]);

        var error = Assert.Throws<ArgumentException>(() => new GradientBoostingTrainer(new GradientBoostingOptions()).Fit(data));

        Assert.StartsWith("The training labels must include both 0 and 1.", error.Message);
    }

    [Fact]
    public void Fit_UnknownMonotoneFeature_Throws()
    {
        var data = RandomDatasets.Classification(100, 2, seed: 1);
        var options = new GradientBoostingOptions { MonotoneConstraints = new Dictionary<string, int> { ["x0"] = 1, ["age"] = -1 } };

        var error = Assert.Throws<ArgumentException>(() => new GradientBoostingTrainer(options).Fit(data));

        Assert.Equal("The 'MonotoneConstraints' option names features the data does not have: 'age'.", error.Message);
    }

    [Fact]
    public void FeatureImportance_OneInformativeFeature_RanksItFirst()
    {
        // Only x0 carries the label; x1 is noise.
        var random = new Random(3);
        var values = new float[4000];
        var labels = new float[2000];
        for (var row = 0; row < 2000; row++)
        {
            values[2 * row] = (float)random.NextDouble();
            values[2 * row + 1] = (float)random.NextDouble();
            labels[row] = random.NextDouble() < (values[2 * row] > 0.5 ? 0.8 : 0.2) ? 1 : 0;
        }

        var model = new GradientBoostingTrainer(new GradientBoostingOptions { NumberOfTrees = 20 }).Fit(new DenseDataset(["x0", "x1"], values, labels));
        var importance = model.FeatureImportance();

        Assert.True(importance[0] > 5 * importance[1]);
        Assert.Equal(model.Trees.Sum(t => t.Gains.ToArray().Sum()), importance.Sum(), 9);
    }

    private static double LogLoss(float[] labels, double[] probabilities) =>
        -labels.Select((y, i) => y * Math.Log(probabilities[i]) + (1 - y) * Math.Log(1 - probabilities[i])).Average();

    /// <summary>Collects reports synchronously (the framework's Progress posts them to a thread pool).</summary>
    private sealed class Progress(Action<BoostingProgress> report) : IProgress<BoostingProgress>
    {
        public void Report(BoostingProgress value) => report(value);
    }
}
