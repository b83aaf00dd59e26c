using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Explanations;
using EarlyHelp.Analytics.Learning.Models;
using EarlyHelp.Analytics.Learning.Trees;
using Microsoft.ML.Data;

namespace EarlyHelp.Analytics.Learning.Tests.Trees;

public sealed class MissingValuePlacementTests : IDisposable
{
    private static readonly GradientBoostingOptions Learned = new()
    {
        NumberOfTrees = 20, NumberOfLeaves = 8, MinimumExampleCountPerLeaf = 20, MissingValues = MissingValuePolicy.LearnedPerFeature,
    };

    private readonly string folder = Directory.CreateTempSubdirectory("missing-placement-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Learn_MissingRowsLikeTheHighestValues_PlacesThemHigh()
    {
        // 1,000 present rows, x = 0..99 ten times each, label 1 exactly when x ≥ 90; 100 missing rows, 80 of
        // them positive. The lowest tenth of the present rows (x ≤ 9) has rate 0, the highest (x ≥ 90) rate 1;
        // the missing rows' 0.8 is 0.2 from the top and 0.8 from the bottom: high.
        var data = HandBuilt(missingPositives: 80);

        var placement = MissingValuePlacement.Learn(data);

        Assert.Equal([MissingValueSide.High, MissingValueSide.Low], placement.Sides);
        Assert.Equal(MissingValues.HighSentinel, placement.Fill(0, float.NaN));
        Assert.Equal(42f, placement.Fill(0, 42f));
    }

    [Fact]
    public void Learn_MissingRowsLikeTheLowestValues_KeepsThemLow()
    {
        // The same present rows; 10 of the 100 missing rows positive: 0.1 is 0.1 from the bottom's rate, 0.9 from the top's.
        var data = HandBuilt(missingPositives: 10);

        Assert.Equal([MissingValueSide.Low, MissingValueSide.Low], MissingValuePlacement.Learn(data).Sides);
    }

    [Fact]
    public void Learn_MissingRowsHalfwayBetweenTheEnds_KeepsThemLow()
    {
        // 50 of 100 positive: 0.5 from either end's rate. Only a strictly closer high end moves them; a tie keeps
        // the product's "never happened" side.
        Assert.Equal(MissingValueSide.Low, MissingValuePlacement.Learn(HandBuilt(missingPositives: 50)).Sides[0]);
    }

    [Fact]
    public void Featurize_HighPlacement_SameValuesAsTheSavedTransformGivesAtScoring()
    {
        // The trainer reads the filled dataset; scoring fills through the Expression transforms saved in the
        // model. A feature placed high must be filled high by both, the others low by both, bit for bit.
        var data = RandomDatasets.Classification(2000, 6, seed: 5, missingShare: 0.2);
        var placement = new MissingValuePlacement([MissingValueSide.Low, MissingValueSide.High, MissingValueSide.Low, MissingValueSide.High, MissingValueSide.Low, MissingValueSide.Low]);

        var trained = GradientBoostingTrainer.Featurize(data, placement).GetColumn<VBuffer<float>>("Features").Select(v => v.DenseValues().ToArray()).ToArray();
        var scored = GradientBoostingTrainer.FeaturizeForScoring(data, placement).GetColumn<VBuffer<float>>("Features").Select(v => v.DenseValues().ToArray()).ToArray();

        Assert.Equal(scored, trained);
        Assert.DoesNotContain(trained.SelectMany(row => row), float.IsNaN);
        var missingInX1 = Enumerable.Range(0, data.RowCount).First(row => float.IsNaN(data[row, 1]));
        var missingInX2 = Enumerable.Range(0, data.RowCount).First(row => float.IsNaN(data[row, 2]));
        Assert.Equal((MissingValues.HighSentinel, MissingValues.Sentinel), (trained[missingInX1][1], trained[missingInX2][2]));
    }

    [Fact]
    public void Fit_LearnedPlacement_SavedInTheModelAndAppliedAtScoring()
    {
        var data = TrainingData.MissingLikeOneEnd(4000, seed: 6, missingRate: 0.9);
        var model = new GradientBoostingTrainer(Learned).Fit(data);

        var fingerprint = ModelFiles.Save(model, folder);
        var loaded = ModelFiles.Load(folder);

        Assert.Equal([MissingValueSide.High, MissingValueSide.Low], model.Ensemble.MissingValues.Sides);
        Assert.Equal(model.Ensemble.MissingValues.Sides, loaded.Ensemble.MissingValues.Sides);
        Assert.Contains("\"missing_value_high_features\": [\"x0\"]", File.ReadAllText(Path.Combine(folder, ModelFiles.TreeExport)), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", fingerprint);
        // A missing x0 scores as x0 = +10⁹ through ML.NET's saved pipeline, and not as −10⁹: the trees put the
        // missing rows with the high values, whose rate (about 0.9) differs from the low values' (about 0.1).
        var missing = Rows((float.NaN, 0.5f));
        var high = loaded.PredictProbability(Rows((MissingValues.HighSentinel, 0.5f)))[0];
        var low = loaded.PredictProbability(Rows((MissingValues.Sentinel, 0.5f)))[0];
        Assert.Equal(high, loaded.PredictProbability(missing)[0]);
        Assert.Equal(model.PredictProbability(missing), loaded.PredictProbability(missing));
        Assert.True(high - low > 0.5, $"high {high}, low {low}");
        Assert.Equal(model.PredictRaw(data), model.Ensemble.PredictRaw(data), new ToleranceComparer(1e-4));
    }

    [Fact]
    public void Fit_LearnedPlacement_EveryRowReachesTheTreesAndTheNodeCountsUseThePlacement()
    {
        // The node counts are the training rows routed with the model's own fill: every row reaches each root,
        // and a leaf's count is the rows FastTree put there (ML.NET's Score and the read-out trees agree below).
        var data = TrainingData.MissingLikeOneEnd(4000, seed: 7, missingRate: 0.9);

        var model = new GradientBoostingTrainer(Learned).Fit(data);

        Assert.All(model.Ensemble.Trees.Where(t => t.NodeCount > 0), tree => Assert.Equal(data.RowCount, tree.NodeCounts[0]));
        var missingRows = data.Select([.. Enumerable.Range(0, data.RowCount).Where(row => float.IsNaN(data[row, 0]))]);
        Assert.Equal(model.PredictRaw(missingRows), model.Ensemble.PredictRaw(missingRows), new ToleranceComparer(1e-4));
    }

    [Fact]
    public void Explain_LearnedHighPlacement_ContributionsAddUpAndCreditTheMissingFeature()
    {
        var data = TrainingData.MissingLikeOneEnd(4000, seed: 8, missingRate: 0.9);
        var model = new GradientBoostingTrainer(Learned).Fit(data);
        var rows = Rows((float.NaN, 0.5f), (float.NaN, 0.1f), (2f, 0.5f), (9f, float.NaN));

        var shap = new TreeShapExplainer(model.Ensemble).Explain(rows);
        var scores = model.PredictRaw(rows);

        // Local accuracy (Lundberg et al. 2018) against ML.NET's own Score, missing cells included.
        for (var row = 0; row < rows.RowCount; row++)
            Assert.Equal(model.Ensemble.LogOdds(scores[row]), shap.ExpectedValue + shap.Row(row).ToArray().Sum(), tolerance: 1e-5);
        // A missing x0 placed high raises the risk (rate 0.9 against 0.5 overall), and the credit is x0's, not x1's.
        Assert.True(shap.Row(0)[0] > 1.0, $"x0's contribution {shap.Row(0)[0]}");
        Assert.True(Math.Abs(shap.Row(0)[1]) < 0.5 * shap.Row(0)[0], $"x1's contribution {shap.Row(0)[1]}");
    }

    [Fact]
    public void Load_TreeExportPlacementNotTheZips_FailsNamingTheExport()
    {
        // trees.json edited to say no feature goes high, with the fingerprint recomputed over the edit: the
        // fingerprint no longer catches it, so the load compares the zip's own fill of a row of NaN.
        var model = new GradientBoostingTrainer(Learned).Fit(TrainingData.MissingLikeOneEnd(2000, seed: 9, missingRate: 0.9));
        var files = ModelFiles.Serialize(model);
        var edited = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(files.TreeExport)
            .Replace("\"missing_value_high_features\": [\"x0\"]", "\"missing_value_high_features\": []", StringComparison.Ordinal));
        Assert.NotEqual(files.TreeExport, edited);

        var error = Assert.Throws<DataFileException>(() =>
            ModelFiles.Deserialize(files.ModelZip, edited, ModelFingerprint.Of(files.ModelZip, edited), folder));

        Assert.Equal(Path.Combine(folder, ModelFiles.TreeExport), error.File);
        Assert.Equal("the tree export's missing-value placement is not that of the model zip.", error.Reason);
    }

    /// <summary>1,000 present rows (x0 = 0..99 ten times each, label 1 when x0 ≥ 90) and 100 rows missing x0; x1 = 1 throughout.</summary>
    private static DenseDataset HandBuilt(int missingPositives)
    {
        var values = new List<float>();
        var labels = new List<float>();
        for (var row = 0; row < 1000; row++)
        {
            values.AddRange([row % 100, 1f]);
            labels.Add(row % 100 >= 90 ? 1 : 0);
        }

        for (var row = 0; row < 100; row++)
        {
            values.AddRange([float.NaN, 1f]);
            labels.Add(row < missingPositives ? 1 : 0);
        }

        return new DenseDataset(["x0", "x1"], [.. values], [.. labels]);
    }

    private static DenseDataset Rows(params (float X0, float X1)[] rows) =>
        new(["x0", "x1"], [.. rows.SelectMany(row => new[] { row.X0, row.X1 })]);
}
