using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Metrics;
using EarlyHelp.Analytics.Learning.Models;
using EarlyHelp.Analytics.Learning.Trees;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace EarlyHelp.Analytics.Learning.Tests.Trees;

public sealed class GradientBoostingTrainerTests
{
    [Fact]
    public void Featurize_RowsWithMissingValues_KeepsEveryRowAndNoNaN()
    {
        var data = RandomDatasets.Classification(2000, 6, seed: 3, missingShare: 0.2);

        var view = GradientBoostingTrainer.Featurize(data);

        // The view the trainer reads: as many rows as the data, no NaN slot, and a missing cell as the sentinel.
        var rows = view.GetColumn<VBuffer<float>>("Features").Select(v => v.DenseValues().ToArray()).ToArray();
        Assert.Equal(data.RowCount, rows.Length);
        Assert.DoesNotContain(rows.SelectMany(r => r), float.IsNaN);
        var (row, feature) = Enumerable.Range(0, data.RowCount).SelectMany(r => Enumerable.Range(0, 6).Select(f => (r, f))).First(c => float.IsNaN(data[c.r, c.f]));
        Assert.Equal(MissingValues.Sentinel, rows[row][feature]);
    }

    [Fact]
    public void Featurize_RowsWithMissingValues_SameValuesAsTheSavedTransformGivesAtScoring()
    {
        // The trainer reads the filled values straight from the dataset; scoring fills them with the
        // Concatenate and Expression transforms saved in the model. The trees were grown on the first and
        // are applied to the second, so the two must agree bit for bit, sentinel included.
        var data = RandomDatasets.Classification(2000, 6, seed: 5, missingShare: 0.2);

        var trained = GradientBoostingTrainer.Featurize(data).GetColumn<VBuffer<float>>("Features").SelectMany(v => v.DenseValues()).ToArray();
        var scored = GradientBoostingTrainer.FeaturizeForScoring(data).GetColumn<VBuffer<float>>("Features").SelectMany(v => v.DenseValues()).ToArray();

        Assert.Equal(data.RowCount * 6, trained.Length);
        Assert.Contains(MissingValues.Sentinel, trained);
        Assert.Equal(scored, trained);
    }

    [Theory]
    [InlineData(TreeTrainer.FastTree)]
    [InlineData(TreeTrainer.LightGbm)]
    public void Fit_LabelIsMissingness_NoRowDroppedAndNaNNeverReachesTheTrees(TreeTrainer trainer)
    {
        // If FastTree dropped rows with a NaN it would see no positive row and score every row alike
        // (AUC 0.5); if NaN reached it, the missing rows would share the right branch with x0's largest
        // values. With the sentinel one split separates them: AUC 1.
        var data = TrainingData.MissingnessIsTheSignal(3000, seed: 4);
        var options = new GradientBoostingOptions { Trainer = trainer, NumberOfTrees = 5, NumberOfLeaves = 4, MinimumExampleCountPerLeaf = 20 };

        var model = new GradientBoostingTrainer(options).Fit(data);

        Assert.Equal(1.0, BinaryMetrics.RocAuc<float, double>(data.Labels, model.PredictProbability(data)), 12);
        // Every training row reached the root of every tree that splits.
        Assert.All(model.Ensemble.Trees.Where(t => t.NodeCount > 0), tree => Assert.Equal(data.RowCount, tree.NodeCounts[0]));
        Assert.All(model.Ensemble.Trees, tree => Assert.Equal(data.RowCount, tree.LeafCounts.ToArray().Sum()));
    }

    [Fact]
    public void Fit_FastTree_ScoreIsHalfTheLogOddsOverTheLearningRate()
    {
        // FastTree's own Platt calibrator has slope −2 × learning rate and offset 0 (its trees fit
        // half the log-odds; ML.NET FastTreeBinaryTrainer), so p = 1 / (1 + exp(−2 · 0.15 · score)).
        var data = RandomDatasets.Classification(3000, 5, seed: 8);
        var model = new GradientBoostingTrainer(new GradientBoostingOptions { NumberOfTrees = 20, LearningRate = 0.15 }).Fit(data);

        var scores = model.PredictRaw(data);
        var probabilities = model.PredictProbability(data);

        Assert.Equal(0.3, model.Ensemble.LogOddsPerScore, 12);
        Assert.Equal(0.0, model.Ensemble.LogOddsOffset);
        for (var row = 0; row < data.RowCount; row++)
            Assert.Equal(1 / (1 + Math.Exp(-0.3 * scores[row])), probabilities[row], 1e-6);
    }

    [Fact]
    public void PredictRaw_TreesReadOut_MatchMlNetScore()
    {
        var data = RandomDatasets.Classification(3000, 8, seed: 9, missingShare: 0.1);
        var model = new GradientBoostingTrainer(new GradientBoostingOptions { NumberOfTrees = 40, NumberOfLeaves = 16 }).Fit(data);

        var mlNet = model.PredictRaw(data);
        var readOut = model.Ensemble.PredictRaw(data);

        // ML.NET sums in float; the read-out trees sum the same leaf values in double.
        for (var row = 0; row < data.RowCount; row++)
            Assert.Equal(mlNet[row], readOut[row], 1e-5 * Math.Max(1, Math.Abs(readOut[row])));
    }

    [Fact]
    public void Fit_OneOrTwoThreads_SameTrees()
    {
        var data = RandomDatasets.Classification(4000, 6, seed: 10);
        var options = new GradientBoostingOptions { NumberOfTrees = 15, RowSubsampleFraction = 0.7, FeatureSubsampleFraction = 0.5, Seed = 3 };

        var one = new GradientBoostingTrainer(options with { NumberOfThreads = 1 }).Fit(data).Ensemble.PredictRaw(data);
        var two = new GradientBoostingTrainer(options with { NumberOfThreads = 2 }).Fit(data).Ensemble.PredictRaw(data);

        Assert.Equal(one, two);
    }

    [Fact]
    public void Fit_EarlyStopping_KeepsTheRoundWithTheLowestValidationLoss()
    {
        // Noise labels past the third feature and a high learning rate: validation loss turns up early.
        var training = RandomDatasets.Classification(1500, 8, seed: 11);
        var validation = RandomDatasets.Classification(1500, 8, seed: 12);
        var options = new GradientBoostingOptions { NumberOfTrees = 200, LearningRate = 0.5, NumberOfLeaves = 31, MinimumExampleCountPerLeaf = 2 };

        var full = new GradientBoostingTrainer(options).Fit(training);
        var stopped = new GradientBoostingTrainer(options with { EarlyStoppingRounds = 10 }).Fit(training, validation);

        Assert.InRange(stopped.Ensemble.Trees.Count, 1, full.Ensemble.Trees.Count - 10);
        AssertKeptTheLowestLossWithinPatience(full, stopped, validation, patience: 10);
    }

    [Fact]
    public void Fit_EarlyStoppingPastTheFirstBudget_DoublesTheBudgetAndStillKeepsTheLowestLoss()
    {
        // A small learning rate keeps the validation loss falling past the first budget of 256 trees.
        var training = RandomDatasets.Classification(1500, 8, seed: 11);
        var validation = RandomDatasets.Classification(1500, 8, seed: 12);
        var options = new GradientBoostingOptions { NumberOfTrees = 2000, LearningRate = 0.01, NumberOfLeaves = 4 };
        const int patience = 20;

        var stopped = new GradientBoostingTrainer(options with { EarlyStoppingRounds = patience }).Fit(training, validation);
        var kept = stopped.Ensemble.Trees.Count;
        var full = new GradientBoostingTrainer(options with { NumberOfTrees = kept + patience }).Fit(training);

        Assert.InRange(kept, GradientBoostingTrainer.FirstSearchBudget(patience) - patience + 1, options.NumberOfTrees - patience);
        AssertKeptTheLowestLossWithinPatience(full, stopped, validation, patience);
    }

    /// <summary>
    /// The loss at the kept round is the lowest of the rounds before it and of the
    /// <paramref name="patience"/> after it, computed from a model grown without stopping (whose first
    /// trees the refit repeats).
    /// </summary>
    private static void AssertKeptTheLowestLossWithinPatience(ScoringModel full, ScoringModel stopped, DenseDataset validation, int patience)
    {
        var kept = stopped.Ensemble.Trees.Count;
        double Loss(int trees) => BinaryMetrics.LogLoss<float, double>(validation.Labels,
            full.Ensemble.Take(trees).PredictRaw(validation).Select(full.Ensemble.Probability).ToArray());
        var losses = Enumerable.Range(1, kept + patience).Select(Loss).ToArray();
        Assert.Equal(losses.Min(), losses[kept - 1]);
        Assert.Equal(full.Ensemble.Take(kept).PredictRaw(validation), stopped.Ensemble.PredictRaw(validation));
    }

    [Fact]
    public void Fit_LightGbmSameSeed_SameTrees()
    {
        var data = RandomDatasets.Classification(3000, 6, seed: 13);
        var options = new GradientBoostingOptions { Trainer = TreeTrainer.LightGbm, NumberOfTrees = 20, Seed = 5 };

        var first = new GradientBoostingTrainer(options).Fit(data).Ensemble.PredictRaw(data);
        var second = new GradientBoostingTrainer(options).Fit(data).Ensemble.PredictRaw(data);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Fit_NoLabels_Throws()
    {
        var data = RandomDatasets.Classification(10, 2, seed: 1);
        var unlabelled = new DenseDataset(data.FeatureNames, data.Values.ToArray());

        var error = Assert.Throws<ArgumentException>(() => new GradientBoostingTrainer(new GradientBoostingOptions()).Fit(unlabelled));

        Assert.StartsWith("The training data needs labels.", error.Message);
    }
}
