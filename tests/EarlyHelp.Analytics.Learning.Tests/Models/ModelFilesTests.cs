using EarlyHelp.Analytics.Learning.Calibration;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Models;
using EarlyHelp.Analytics.Learning.Trees;

namespace EarlyHelp.Analytics.Learning.Tests.Models;

public sealed class ModelFilesTests : IDisposable
{
    private static readonly GradientBoostingOptions Options = new() { NumberOfTrees = 15, RowSubsampleFraction = 0.8, FeatureSubsampleFraction = 0.8, Seed = 2 };
    private readonly string folder = Directory.CreateTempSubdirectory("model-files-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static ScoringModel Train(DenseDataset data, GradientBoostingOptions options) =>
        new GradientBoostingTrainer(options).Fit(data).Calibrate(CalibrationMethod.Platt, RandomDatasets.Classification(800, 5, seed: 99)) with
        {
            LabelName = "y",
            Metrics = new Dictionary<string, double> { ["auc"] = 0.75 },
            Metadata = new Dictionary<string, string> { ["source"] = "test" },
        };

    [Fact]
    public void Serialize_TrainedTwice_SameFingerprint()
    {
        var data = RandomDatasets.Classification(2000, 5, seed: 1);

        var first = ModelFiles.Serialize(Train(data, Options));
        var second = ModelFiles.Serialize(Train(data, Options));

        Assert.Equal(first.Fingerprint, second.Fingerprint);
        Assert.Matches("^[0-9a-f]{64}$", first.Fingerprint);
        Assert.Equal(first.TreeExport, second.TreeExport);
    }

    [Fact]
    public void Serialize_OtherSeedOrOtherData_OtherFingerprint()
    {
        var data = RandomDatasets.Classification(2000, 5, seed: 1);

        var reference = ModelFiles.Serialize(Train(data, Options)).Fingerprint;
        var otherSeed = ModelFiles.Serialize(Train(data, Options with { Seed = 3 })).Fingerprint;
        var otherData = ModelFiles.Serialize(Train(RandomDatasets.Classification(2000, 5, seed: 7), Options)).Fingerprint;

        Assert.NotEqual(reference, otherSeed);
        Assert.NotEqual(reference, otherData);
    }

    [Fact]
    public void SaveLoad_RoundTrip_SamePredictionsAndRecords()
    {
        var data = RandomDatasets.Classification(2000, 5, seed: 1, missingShare: 0.1);
        var model = Train(data, Options);

        var fingerprint = ModelFiles.Save(model, folder);
        var loaded = ModelFiles.Load(folder);

        Assert.Equal(model.PredictProbability(data), loaded.PredictProbability(data));
        Assert.Equal(model.Ensemble.PredictRaw(data), loaded.Ensemble.PredictRaw(data));
        Assert.Equal(model.Ensemble.Trees.Select(t => t.LeafCounts.ToArray()), loaded.Ensemble.Trees.Select(t => t.LeafCounts.ToArray()));
        Assert.Equal(("y", 0.75, "test", Options), (loaded.LabelName, loaded.Metrics["auc"], loaded.Metadata["source"], loaded.TrainingOptions));
        Assert.Equal(model.Calibrator!.A, loaded.Calibrator!.A);
        Assert.Equal(fingerprint + "\n", File.ReadAllText(Path.Combine(folder, ModelFiles.Fingerprint)));
    }

    [Fact]
    public void Load_TreeExportChanged_FailsNamingTheFingerprint()
    {
        ModelFiles.Save(Train(RandomDatasets.Classification(2000, 5, seed: 1), Options), folder);
        var export = Path.Combine(folder, ModelFiles.TreeExport);
        File.WriteAllText(export, File.ReadAllText(export).Replace("\"source\": \"test\"", "\"source\": \"edited\"", StringComparison.Ordinal));

        var error = Assert.Throws<DataFileException>(() => ModelFiles.Load(folder));

        Assert.Equal(Path.Combine(folder, ModelFiles.Fingerprint), error.File);
        Assert.Contains("a file was changed after it was saved", error.Reason, StringComparison.Ordinal);
    }
}
