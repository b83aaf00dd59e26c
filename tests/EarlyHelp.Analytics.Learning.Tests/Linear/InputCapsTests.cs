using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Linear;
using EarlyHelp.Analytics.Learning.Models;
using EarlyHelp.Analytics.Learning.Tests.Support;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace EarlyHelp.Analytics.Learning.Tests.Linear;

/// <summary>The regression's input caps: the percentiles by hand, the capped values, and scoring far outside the training range.</summary>
public sealed class InputCapsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("input-caps-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>
    /// Three features over eleven rows: "count" is 1..10 and one outlier of 1,000; "months_since" is 0, 2, 4, six 3s and two
    /// missing, filled with 9; "tiny" is 1e-6 and 3e-6 with the rest missing and no fill.
    /// </summary>
    private static (DenseDataset Table, float[] Fills) SmallTable()
    {
        const float Missing = float.NaN;
        float[] count = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1000];
        float[] months = [Missing, 0, 2, Missing, 4, 3, 3, 3, 3, 3, 3];
        float[] tiny = [Missing, 3e-6f, 1e-6f, Missing, Missing, Missing, Missing, Missing, Missing, Missing, Missing];
        var values = new float[count.Length * 3];
        for (var row = 0; row < count.Length; row++)
            (values[3 * row], values[3 * row + 1], values[3 * row + 2]) = (count[row], months[row], tiny[row]);
        return (new DenseDataset(["count", "months_since", "tiny"], values), [float.NaN, 9f, float.NaN]);
    }

    [Fact]
    public void Of_SmallTable_PercentilesMatchTheHandCalculation()
    {
        var (table, fills) = SmallTable();

        var caps = InputCaps.Of(table, fills);

        // count, sorted 1..10, 1000 (n = 11): position 10 × 0.005 = 0.05 gives 1 + 0.05 × (2 − 1) = 1.05;
        // position 10 × 0.995 = 9.95 gives 10 + 0.95 × (1000 − 10) = 950.5.
        Assert.Equal(1.05f, caps.Lower[0], 5);
        Assert.Equal(950.5f, caps.Upper[0], 3);
        // months_since with its two NaN filled with 9: 0, 2, 3 ×6, 4, 9, 9 (n = 11). Position 0.05 gives 0 + 0.05 × 2 = 0.1;
        // position 9.95 lies between the two 9s, so 9.
        Assert.Equal(0.1f, caps.Lower[1], 5);
        Assert.Equal(9f, caps.Upper[1]);
        // tiny without a fill: only 1e-6 and 3e-6 (n = 2): 1e-6 + 0.005 × 2e-6 = 1.01e-6 and 1e-6 + 0.995 × 2e-6 = 2.99e-6.
        Assert.Equal(1.01e-6, caps.Lower[2], 10);
        Assert.Equal(2.99e-6, caps.Upper[2], 10);
        // The capped values: the outlier comes down to the upper cap, a value inside is kept, NaN stays NaN.
        Assert.Equal(950.5f, caps.Apply(0, 1000f), 3);
        Assert.Equal(1.05f, caps.Apply(0, -40f), 5);
        Assert.Equal(5f, caps.Apply(0, 5f));
        Assert.True(float.IsNaN(caps.Apply(2, float.NaN)));
    }

    [Fact]
    public void Percentile_NumpysDefinition_InterpolatesBetweenOrderStatistics()
    {
        // numpy.percentile([10, 20, 30, 40], 25) = 17.5: position 3 × 0.25 = 0.75 between 10 and 20.
        Assert.Equal(17.5, InputCaps.Percentile([10, 20, 30, 40], 0.25), 12);
        Assert.Equal(40, InputCaps.Percentile([10, 20, 30, 40], 1), 12);
        Assert.True(double.IsNaN(InputCaps.Percentile([], 0.5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => InputCaps.Percentile([1], 1.5));
    }

    /// <summary>The regression on <see cref="TwoFeatureTable.Rows"/> (count 0..9, "months since" 0..19), fitted with the caps of those rows.</summary>
    private static (LogisticModel Model, InputCaps Caps) FitCapped()
    {
        var training = TwoFeatureTable.Rows();
        var context = new MLContext(1);
        float[] fills = [float.NaN, 25.5f];
        var caps = InputCaps.Of(training, fills);
        var featurizer = LinearFeaturizer.Fit(context, training, fills, caps);
        var regression = PenalisedLogisticRegression.Trainer(context, 1f, FeatureFrame.LabelColumn, FeatureFrame.FeaturesColumn)
            .Fit(featurizer.Transform(FeatureFrame.From(training)));
        var model = LogisticModels.Of(context, featurizer, regression, training.FeatureNames, fills, LinearFeaturizer.StandardisedMeans(featurizer, training), 1f, caps);
        return (model.Calibrate(training), caps);
    }

    [Fact]
    public void PredictMargin_RowFarOutsideTheTrainingRange_GivesTheCappedMargin()
    {
        var (model, caps) = FitCapped();
        // Each of 0..9 forty times (n = 400): position 399 × 0.995 = 397.005 falls among the 9s, so the count's upper cap is 9;
        // its lower cap is 0 (position 1.995 among the 0s). 10,000 and −50 lie far outside.
        Assert.Equal(9f, caps.Upper[0]);
        Assert.Equal(0f, caps.Lower[0]);
        var far = new DenseDataset(["count", "months_since"], [10_000f, 3f, -50f, 3f]);
        var atCaps = new DenseDataset(["count", "months_since"], [9f, 3f, 0f, 3f]);

        var margins = model.PredictMargin(far);
        var standardised = model.Standardise(far);

        Assert.Equal(model.PredictMargin(atCaps), margins);
        Assert.Equal(model.Standardise(atCaps), standardised);
        // The margin from the weights read out and the capped z, and the contributions adding up to it less the baseline.
        var explanations = model.Explain(far);
        for (var row = 0; row < 2; row++)
        {
            Assert.Equal(LinearContributions.Margin(model.Linear.Bias, model.Linear.Weights.ToArray(), standardised[row]), margins[row], 5);
            Assert.Equal(margins[row], explanations.ExpectedValue + explanations.Row(row).ToArray().Sum(), 5);
        }
        // The capped count's probability stays that of the largest training count, far from certainty.
        Assert.Equal(model.PredictProbability(atCaps)[0], model.PredictProbability(far)[0], 12);
    }

    [Fact]
    public void PredictMargin_MissingValueWithoutAFill_TakesTheMeanOfTheCappedTrainingValues()
    {
        var (model, _) = FitCapped();
        // The count's caps (0 and 9) hold every training value, so its mean stays 4.5; a NaN passes the cap and takes it.
        var missing = new DenseDataset(["count", "months_since"], [float.NaN, 3f]);
        var atMean = new DenseDataset(["count", "months_since"], [4.5f, 3f]);

        Assert.Equal(model.PredictMargin(atMean)[0], model.PredictMargin(missing)[0], 6);
    }

    [Fact]
    public void Save_CappedModel_LinearJsonRecordsTheCapsAndLoadingScoresAlike()
    {
        var (model, caps) = FitCapped();
        var far = new DenseDataset(["count", "months_since"], [10_000f, float.NaN, 3f, 1_000f]);

        ModelFiles.Save(model, folder);
        var loaded = Assert.IsType<LogisticModel>(ModelFiles.Load(folder, ModelKind.LogisticRegression));

        Assert.Equal(caps.Lower, loaded.Linear.Caps!.Lower);
        Assert.Equal(caps.Upper, loaded.Linear.Caps.Upper);
        Assert.Equal(model.PredictProbability(far), loaded.PredictProbability(far));
        Assert.Contains("\"input_caps\"", File.ReadAllText(Path.Combine(folder, ModelFiles.LinearExport)), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CapChangedAndFingerprintRecomputed_RefusedAsNotTheZipsCaps()
    {
        var (model, _) = FitCapped();
        ModelFiles.Save(model, folder);
        LinearExportTampering.Rewrite(folder, text =>
        {
            var export = System.Text.Json.Nodes.JsonNode.Parse(text)!;
            // The count's upper cap is 9 in the zip; the export is made to say 8.
            export["input_caps"]!["upper"]![0] = 8f;
            return export.ToJsonString();
        });

        var error = Assert.Throws<DataFileException>(() => ModelFiles.Load(folder, ModelKind.LogisticRegression));

        Assert.Equal("the linear export's input caps are not those of the model zip (feature 'count').", error.Reason);
    }

    [Fact]
    public void Fit_FeatureWithTinyAndNegativeCaps_ExpressionReadsTheBoundsBack()
    {
        // Bounds such as 1.01E-06 and −2.5 must survive the trip through ML.NET's expression language.
        var values = new float[200];
        var labels = new float[100];
        for (var row = 0; row < 100; row++)
        {
            values[2 * row] = row * 1e-8f;
            values[2 * row + 1] = -2.5f + row * 0.05f;
            labels[row] = row % 3 == 0 ? 1 : 0;
        }
        var training = new DenseDataset(["tiny", "signed"], values, labels);
        var context = new MLContext(1);
        float[] fills = [float.NaN, float.NaN];
        var caps = InputCaps.Of(training, fills);
        var featurizer = LinearFeaturizer.Fit(context, training, fills, caps);
        var inside = featurizer.Transform(FeatureFrame.From(new DenseDataset(["tiny", "signed"], [caps.Upper[0], caps.Lower[1]]), withLabel: false));
        var outside = featurizer.Transform(FeatureFrame.From(new DenseDataset(["tiny", "signed"], [1f, -100f]), withLabel: false));

        Assert.True(caps.Lower[1] < 0 && caps.Upper[0] < 1e-5f, "the bounds exercise a negative and an exponent literal");
        Assert.Equal(Imputed(inside), Imputed(outside));
    }

    private static float[] Imputed(IDataView view) =>
        view.GetColumn<VBuffer<float>>(LinearFeaturizer.ImputedColumn).Single().DenseValues().ToArray();
}
