using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Linear;
using EarlyHelp.Analytics.Learning.Models;
using EarlyHelp.Analytics.Learning.Tests.Support;
using Microsoft.ML;

namespace EarlyHelp.Analytics.Learning.Tests.Linear;

/// <summary>A fitted two-feature regression: its explanations, its missing-value fills and its files.</summary>
public sealed class LogisticModelTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("logistic-model-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>
    /// The regression on <see cref="TwoFeatureTable.Rows"/>, uncapped; x₁ is filled with 25.5 when missing.
    /// </summary>
    private static (LogisticModel Model, DenseDataset Training) Fit()
    {
        var training = TwoFeatureTable.Rows();
        var context = new MLContext(1);
        float[] fills = [float.NaN, 25.5f];
        var featurizer = LinearFeaturizer.Fit(context, training, fills);
        var regression = PenalisedLogisticRegression.Trainer(context, 1f, FeatureFrame.LabelColumn, FeatureFrame.FeaturesColumn)
            .Fit(featurizer.Transform(FeatureFrame.From(training)));
        var model = LogisticModels.Of(context, featurizer, regression, training.FeatureNames, fills, LinearFeaturizer.StandardisedMeans(featurizer, training), 1f);
        return (model.Calibrate(training) with { LabelName = "y" }, training);
    }

    [Fact]
    public void Explain_FittedModel_ContributionsSumToMLNetMarginMinusBaseline()
    {
        var (model, training) = Fit();

        var explanations = model.Explain(training);
        var margins = model.PredictMargin(training);

        // ML.NET's Score is its own w·z + b; the contributions are computed apart from it, from the weights read out.
        for (var row = 0; row < training.RowCount; row++)
            Assert.Equal(margins[row], explanations.ExpectedValue + explanations.Row(row).ToArray().Sum(), 4);
        Assert.True(model.Linear.Weights[0] > 0 && model.Linear.Weights[1] < 0, "the count raises the odds and the months since lower them");
    }

    [Fact]
    public void Explain_BaselineIsTheTrainingMean_ContributionsAverageZero()
    {
        var (model, training) = Fit();

        var explanations = model.Explain(training);

        // w_j (z_j − z̄_j) averages to zero over the rows z̄ was taken from.
        for (var feature = 0; feature < 2; feature++)
            Assert.Equal(0, Enumerable.Range(0, training.RowCount).Average(row => explanations[row, feature]), 5);
    }

    [Fact]
    public void Explain_MissingValues_FilledFeatureAsItsFillAndOtherAsTheTrainingMean()
    {
        var (model, _) = Fit();
        // x₀'s training mean is 4.5 (each of 0..9 forty times); x₁ has no training NaN, so its fill is the stated 25.5.
        var missing = new DenseDataset(["count", "months_since"], [float.NaN, float.NaN]);
        var written = new DenseDataset(["count", "months_since"], [4.5f, 25.5f]);

        var fromMissing = model.Explain(missing);
        var fromWritten = model.Explain(written);

        Assert.Equal(0, fromMissing[0, 0], 5);
        Assert.Equal(fromWritten[0, 1], fromMissing[0, 1], 6);
        Assert.Equal(model.PredictProbability(written)[0], model.PredictProbability(missing)[0], 6);
    }

    [Fact]
    public void SaveLoad_RoundTrip_SameProbabilitiesAndContributions()
    {
        var (model, training) = Fit();

        var fingerprint = ModelFiles.Save(model, folder);
        var loaded = Assert.IsType<LogisticModel>(ModelFiles.Load(folder, ModelKind.LogisticRegression));

        Assert.Equal(ModelKind.LogisticRegression, loaded.Kind);
        Assert.Equal(model.PredictProbability(training), loaded.PredictProbability(training));
        Assert.Equal(model.Explain(training).Row(7).ToArray(), loaded.Explain(training).Row(7).ToArray());
        Assert.Equal(model.Calibrator, loaded.Calibrator);
        Assert.Equal("y", loaded.LabelName);
        Assert.Equal(fingerprint, File.ReadAllText(Path.Combine(folder, ModelFiles.Fingerprint)).Trim());
        Assert.True(File.Exists(Path.Combine(folder, ModelFiles.LinearExport)));
        Assert.False(File.Exists(Path.Combine(folder, ModelFiles.TreeExport)));
    }

    [Fact]
    public void Load_WeightChangedAndFingerprintRecomputed_RefusedAsNotTheZipsWeights()
    {
        var (model, _) = Fit();
        ModelFiles.Save(model, folder);
        var weight = model.Linear.Weights[0].ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        LinearExportTampering.Rewrite(folder, text => text.Replace(weight, "1.25"));

        var error = Assert.Throws<DataFileException>(() => ModelFiles.Load(folder, ModelKind.LogisticRegression));

        Assert.Equal("the linear export's weights are not those of the model zip.", error.Reason);
    }

    [Fact]
    public void Load_ExportChanged_FailsOnTheFingerprint()
    {
        var (model, _) = Fit();
        ModelFiles.Save(model, folder);
        File.AppendAllText(Path.Combine(folder, ModelFiles.LinearExport), " ");

        var error = Assert.Throws<DataFileException>(() => ModelFiles.Load(folder, ModelKind.LogisticRegression));

        Assert.Contains("a file was changed after it was saved", error.Reason);
    }
}
