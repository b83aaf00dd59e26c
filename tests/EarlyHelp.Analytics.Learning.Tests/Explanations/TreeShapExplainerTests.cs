using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Explanations;
using EarlyHelp.Analytics.Learning.Tests.Trees;
using EarlyHelp.Analytics.Learning.Trees;

namespace EarlyHelp.Analytics.Learning.Tests.Explanations;

public sealed class TreeShapExplainerTests
{
    [Fact]
    public void Explain_ThousandRows_ContributionsAddUpToTheModelsOwnScore()
    {
        var training = RandomDatasets.Classification(5000, 10, seed: 31, missingShare: 0.1);
        var test = RandomDatasets.Classification(1000, 10, seed: 32, missingShare: 0.1);
        var model = new GradientBoostingTrainer(new GradientBoostingOptions { NumberOfTrees = 50, NumberOfLeaves = 31, LearningRate = 0.1 }).Fit(training);

        var shap = new TreeShapExplainer(model.Ensemble).Explain(test, numberOfThreads: 2);
        var score = model.PredictRaw(test);

        // Local accuracy (Lundberg et al. 2018): base value + contributions = the log-odds of ML.NET's own Score.
        for (var row = 0; row < test.RowCount; row++)
            Assert.Equal(model.Ensemble.LogOdds(score[row]), shap.ExpectedValue + shap.Row(row).ToArray().Sum(), tolerance: 1e-6);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Explain_SmallModels_MatchShapleyValuesByEnumeration(int seed)
    {
        // Five features: all 32 subsets can be enumerated, with the conditional expectation that
        // path-dependent TreeSHAP defines (a feature left out follows both branches, weighed by cover).
        var training = RandomDatasets.Classification(1500, 5, seed, missingShare: 0.1);
        var test = RandomDatasets.Classification(30, 5, seed + 50, missingShare: 0.2);
        var options = new GradientBoostingOptions { NumberOfTrees = 4, NumberOfLeaves = 8, MinimumExampleCountPerLeaf = 5, LearningRate = 0.5, Seed = seed };

        AssertMatchesEnumeration(new GradientBoostingTrainer(options).Fit(training).Ensemble, test);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Explain_SmallModelsWithMissingValuesPlacedHigh_MatchShapleyValuesByEnumeration(int seed)
    {
        // x0's missing rows are like its highest values, so the learned placement puts them high and the
        // trees route a NaN right of x0's splits; the enumeration fills NaN by the model's own placement.
        var training = TrainingData.MissingLikeOneEnd(1500, seed, missingRate: 0.9);
        var test = TrainingData.MissingLikeOneEnd(30, seed + 50, missingRate: 0.9);
        var options = new GradientBoostingOptions
        {
            NumberOfTrees = 4, NumberOfLeaves = 8, MinimumExampleCountPerLeaf = 5, LearningRate = 0.5, Seed = seed, MissingValues = MissingValuePolicy.LearnedPerFeature,
        };

        var model = new GradientBoostingTrainer(options).Fit(training).Ensemble;

        Assert.Equal(MissingValueSide.High, model.MissingValues.Sides[0]);
        AssertMatchesEnumeration(model, test);
    }

    private static void AssertMatchesEnumeration(TreeEnsemble model, DenseDataset test)
    {
        var explainer = new TreeShapExplainer(model);
        var contributions = new double[test.FeatureCount];

        for (var row = 0; row < test.RowCount; row++)
        {
            explainer.Explain(test.Row(row), contributions);

            var expected = BruteForceShapley(model, test.Row(row).ToArray());
            Assert.Equal(expected.Select(phi => phi * model.LogOddsPerScore), contributions, new ToleranceComparer(1e-9));
        }

        Assert.Equal(model.LogOdds(model.Bias + model.Trees.Sum(tree => Expectation(tree, model.MissingValues, 0, [], 0))), explainer.ExpectedValue, tolerance: 1e-12);
    }

    [Fact]
    public void MeanAbsoluteAndTop_SummariseTheContributions()
    {
        var model = new GradientBoostingTrainer(new GradientBoostingOptions { NumberOfTrees = 10 }).Fit(RandomDatasets.Classification(1000, 4, seed: 5)).Ensemble;
        var data = RandomDatasets.Classification(50, 4, seed: 6);

        var shap = new TreeShapExplainer(model).Explain(data);

        var mean = shap.MeanAbsolute();
        for (var feature = 0; feature < 4; feature++)
            Assert.Equal(Enumerable.Range(0, 50).Average(row => Math.Abs(shap[row, feature])), mean[feature], tolerance: 1e-12);
        var top = shap.Top(7, 2);
        Assert.Equal(2, top.Count);
        Assert.True(Math.Abs(top[0].Contribution) >= Math.Abs(top[1].Contribution));
        Assert.True(shap.Row(7).ToArray().Where((_, f) => f != top[0].Feature && f != top[1].Feature).All(c => Math.Abs(c) <= Math.Abs(top[1].Contribution)));
    }

    /// <summary>φ_i = Σ_{S ⊆ F∖{i}} |S|!(M−|S|−1)!/M! · (E[f | S ∪ {i}] − E[f | S]), summed over trees.</summary>
    private static double[] BruteForceShapley(TreeEnsemble model, float[] row)
    {
        var featureCount = row.Length;
        var phi = new double[featureCount];
        for (var feature = 0; feature < featureCount; feature++)
        {
            for (var subset = 0; subset < 1 << featureCount; subset++)
            {
                if ((subset & (1 << feature)) != 0)
                    continue;
                var size = System.Numerics.BitOperations.PopCount((uint)subset);
                var weight = Factorial(size) * Factorial(featureCount - size - 1) / Factorial(featureCount);
                foreach (var tree in model.Trees)
                    phi[feature] += weight * (Expectation(tree, model.MissingValues, 0, row, subset | (1 << feature)) - Expectation(tree, model.MissingValues, 0, row, subset));
            }
        }

        return phi;
    }

    /// <summary>The tree's output when only the features in <paramref name="known"/> are known: unknown splits average their branches by training rows.</summary>
    private static double Expectation(RegressionTree tree, MissingValuePlacement missingValues, int child, float[] row, int known)
    {
        if (tree.NodeCount == 0)
            return tree.LeafValues[0];
        if (child < 0)
            return tree.LeafValues[~child];
        var feature = tree.SplitFeatures[child];
        var (left, right) = (tree.LeftChildren[child], tree.RightChildren[child]);
        if ((known & (1 << feature)) != 0)
        {
            var value = row[feature];
            var goesLeft = missingValues.Fill(feature, value) <= tree.Thresholds[child];
            return Expectation(tree, missingValues, goesLeft ? left : right, row, known);
        }

        return (Cover(tree, left) * Expectation(tree, missingValues, left, row, known) + Cover(tree, right) * Expectation(tree, missingValues, right, row, known)) / tree.NodeCounts[child];
    }

    private static double Cover(RegressionTree tree, int child) => child < 0 ? tree.LeafCounts[~child] : tree.NodeCounts[child];

    private static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
}
