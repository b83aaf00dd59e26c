using System.Text;
using EarlyHelp.Analytics.Learning.Calibration;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Models;
using EarlyHelp.Analytics.Learning.Trees;

namespace EarlyHelp.Analytics.Learning.Tests.Models;

public sealed class ModelFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("model-file-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void SaveThenLoad_AnyModel_PredictsBitForBitTheSame()
    {
        var training = RandomDatasets.Classification(3000, 6, seed: 12, missingShare: 0.1);
        var test = RandomDatasets.Classification(1000, 6, seed: 13, missingShare: 0.2);
        var options = new GradientBoostingOptions { NumberOfTrees = 25, NumberOfLeaves = 15, MonotoneConstraints = new Dictionary<string, int> { ["x0"] = 1 } };
        var model = new ScoringModel(new GradientBoostingTrainer(options).Fit(training))
        {
            LabelName = "y",
            TrainingOptions = options,
            Metrics = new Dictionary<string, double> { ["validation_auc"] = 0.8125 },
            Metadata = new Dictionary<string, string> { ["trained_on"] = "a sample" },
        };
        var path = Path.Combine(folder, "model.json");

        ModelFile.Save(model, path);
        var loaded = ModelFile.Load(path);

        Assert.Equal(model.Ensemble.PredictRaw(test), loaded.Ensemble.PredictRaw(test));
        Assert.Equal("y", loaded.LabelName);
        Assert.Equal(options.NumberOfTrees, loaded.TrainingOptions!.NumberOfTrees);
        Assert.Equal(1, loaded.TrainingOptions.MonotoneConstraints["x0"]);
        Assert.Equal(0.8125, loaded.Metrics["validation_auc"]);
        Assert.Equal("a sample", loaded.Metadata["trained_on"]);
        Assert.Equal(File.ReadAllBytes(path), ModelFile.Serialize(loaded));
    }

    public static TheoryData<ICalibrator> Calibrators => new()
    {
        new PlattCalibrator(-1.25, 0.5),
        new IsotonicCalibrator([-3.0, -1.0, 0.5, 2.0], [0.01, 0.1, 0.4, 0.9]),
    };

    [Theory]
    [MemberData(nameof(Calibrators))]
    public void SaveThenLoad_WithCalibrator_PredictsCalibratedProbabilitiesBitForBit(ICalibrator calibrator)
    {
        var training = RandomDatasets.Classification(1000, 4, seed: 15);
        var model = new ScoringModel(new GradientBoostingTrainer(new GradientBoostingOptions { NumberOfTrees = 10 }).Fit(training)) { Calibrator = calibrator };
        var path = Path.Combine(folder, "calibrated.json");

        ModelFile.Save(model, path);
        var loaded = ModelFile.Load(path);

        var raw = model.Ensemble.PredictRaw(training);
        Assert.Equal(raw.Select(calibrator.Calibrate), loaded.PredictProbability(training));
        Assert.Equal(calibrator.Describe().Kind, loaded.Calibrator!.Describe().Kind);
        Assert.Contains($"\"kind\": \"{calibrator.Describe().Kind}\"", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_SameSeed_SameBytesWhateverTheThreadCount()
    {
        var data = RandomDatasets.Classification(4000, 8, seed: 14);
        var options = new GradientBoostingOptions { NumberOfTrees = 20, RowSubsampleFraction = 0.8, FeatureSubsampleFraction = 0.7, Seed = 5 };

        // The trees, bins and base score; the options are left out because they name the thread count.
        var one = ModelFile.Serialize(new ScoringModel(new GradientBoostingTrainer(options with { NumberOfThreads = 1 }).Fit(data)));
        var two = ModelFile.Serialize(new ScoringModel(new GradientBoostingTrainer(options with { NumberOfThreads = 2 }).Fit(data)));

        Assert.Equal(Encoding.UTF8.GetString(one), Encoding.UTF8.GetString(two));
    }

    [Fact]
    public void Load_UnknownFormatVersion_IsRefused()
    {
        var path = SaveSmallModel();
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"format_version\": 1,", "\"format_version\": 2,", StringComparison.Ordinal));

        var error = Assert.Throws<DataFileException>(() => ModelFile.Load(path));

        Assert.Equal($"{path}: the model file has format version 2; this program reads format version 1 only.", error.Message);
    }

    [Fact]
    public void Load_ChangedLeafValue_IsRefused()
    {
        var path = SaveSmallModel();
        var text = File.ReadAllText(path);
        var leafValues = text.IndexOf("\"leaf_value\": [", StringComparison.Ordinal) + "\"leaf_value\": [".Length;
        var digit = text.IndexOfAny("123456789".ToCharArray(), leafValues);
        File.WriteAllText(path, text[..digit] + (text[digit] == '9' ? '8' : (char)(text[digit] + 1)) + text[(digit + 1)..]);

        var error = Assert.Throws<DataFileException>(() => ModelFile.Load(path));

        Assert.Equal($"{path}: the model's sha256 does not match its content: the file was changed after it was saved.", error.Message);
    }

    [Fact]
    public void Load_NotAModel_IsRefused()
    {
        var path = Path.Combine(folder, "other.json");
        File.WriteAllText(path, "[1, 2, 3]");

        var error = Assert.Throws<DataFileException>(() => ModelFile.Load(path));

        Assert.Equal($"{path}: the model file is not a JSON object.", error.Message);
    }

    private string SaveSmallModel()
    {
        var model = new GradientBoostingTrainer(new GradientBoostingOptions { NumberOfTrees = 3 }).Fit(RandomDatasets.Classification(500, 3, seed: 1));
        var path = Path.Combine(folder, "small.json");
        ModelFile.Save(new ScoringModel(model), path);
        return path;
    }
}
