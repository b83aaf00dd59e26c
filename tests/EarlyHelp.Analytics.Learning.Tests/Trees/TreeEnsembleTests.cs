using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Trees;

namespace EarlyHelp.Analytics.Learning.Tests.Trees;

public sealed class TreeEnsembleTests
{
    [Fact]
    public void PredictRaw_RawValues_AgreesWithWalkingTheBins()
    {
        // Thresholds on raw values and bin thresholds must route every row the same way.
        var data = RandomDatasets.Classification(3000, 5, seed: 21, missingShare: 0.1);
        var model = new GradientBoostingTrainer(new GradientBoostingOptions { NumberOfTrees = 20, NumberOfLeaves = 16 }).Fit(data);
        var binned = BinnedDataset.Create(data, model.Binning);

        var scores = model.PredictRaw(data, numberOfThreads: 2);

        for (var row = 0; row < data.RowCount; row++)
        {
            var walked = model.BaseScore;
            foreach (var tree in model.Trees)
                walked += tree.LeafValues[tree.LeafIndex(binned, row)];
            Assert.Equal(walked, scores[row]);
            Assert.Equal(walked, model.PredictRaw(data.Row(row)));
        }
    }

    [Fact]
    public void PredictProbability_IsTheLogisticOfTheRawScore()
    {
        var data = RandomDatasets.Classification(500, 3, seed: 2);
        var model = new GradientBoostingTrainer(new GradientBoostingOptions { NumberOfTrees = 5 }).Fit(data);

        var raw = model.PredictRaw(data);
        var probabilities = model.PredictProbability(data);

        Assert.Equal(raw.Select(s => 1 / (1 + Math.Exp(-s))), probabilities, new ToleranceComparer(1e-15));
    }

    [Fact]
    public void PredictRaw_OtherFeatures_NamesTheDifference()
    {
        var model = new GradientBoostingTrainer(new GradientBoostingOptions { NumberOfTrees = 2 }).Fit(RandomDatasets.Classification(200, 3, seed: 1));

        var error = Assert.Throws<ArgumentException>(() => model.PredictRaw(new DenseDataset(["x0", "x1", "age"], [1, 2, 3])));

        Assert.StartsWith("The data's features do not match the model's: missing 'x2'; unexpected 'age'.", error.Message);
    }
}
