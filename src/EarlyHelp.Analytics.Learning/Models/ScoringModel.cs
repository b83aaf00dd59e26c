using EarlyHelp.Analytics.Learning.Calibration;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Explanations;
using EarlyHelp.Analytics.Learning.Trees;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace EarlyHelp.Analytics.Learning.Models;

/// <summary>
/// A trained model: the ML.NET pipeline that scores (missing-value transform, trees and, once
/// calibrated, the calibrator), the same trees read out for explanations, how they were trained and
/// what was measured. Immutable; <see cref="ModelFiles"/> saves and loads it.
/// </summary>
/// <param name="Context">The ML.NET context the pipeline belongs to (saving needs it).</param>
/// <param name="Pipeline">The ML.NET transformer chain: feature columns in, <c>Score</c> and <c>Probability</c> out.</param>
/// <param name="Ensemble">The trees of <paramref name="Pipeline"/>, with training-row counts, for TreeSHAP and the readable export.</param>
public sealed record ScoringModel(MLContext Context, ITransformer Pipeline, TreeEnsemble Ensemble) : IScoringModel
{
    /// <summary>Always <see cref="ModelKind.Trees"/>.</summary>
    public string Kind => ModelKind.Trees;

    /// <summary>The label column the model was trained on, so that scoring can skip it; null when unknown.</summary>
    public string? LabelName { get; init; }

    /// <summary>What the calibrator fitted by <see cref="Calibrate"/> learned, or null when the probabilities are the trainer's own.</summary>
    public CalibratorDescription? Calibrator { get; init; }

    /// <summary>The options the trees were trained with, or null when not recorded.</summary>
    public GradientBoostingOptions? TrainingOptions { get; init; }

    /// <summary>Named measurements of the model (e.g. validation AUC), in the order they were given.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Free-form notes (e.g. training data, date, who trained it).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Feature names, in the column order the model expects.</summary>
    public IReadOnlyList<string> FeatureNames => Ensemble.FeatureNames;

    /// <summary>ML.NET's raw <c>Score</c> for every row (not log-odds; see <see cref="TreeEnsemble.LogOdds"/>).</summary>
    public double[] PredictRaw(DenseDataset data) => Column(data, "Score");

    /// <summary>The probability of label 1 for every row: calibrated when the model has been calibrated.</summary>
    public double[] PredictProbability(DenseDataset data) => Column(data, "Probability");

    /// <summary>The trees' summed output for every row (<see cref="TreeEnsemble.PredictRaw(DenseDataset, int?)"/>), read from the exported trees.</summary>
    public double[] PredictMargin(DenseDataset data, int? numberOfThreads = null) => Ensemble.PredictRaw(data, numberOfThreads);

    /// <summary>Exact TreeSHAP contributions to each row's log-odds before calibration.</summary>
    public ShapValues Explain(DenseDataset data, int? numberOfThreads = null) => new TreeShapExplainer(Ensemble).Explain(data, numberOfThreads);

    /// <summary>
    /// This model with an ML.NET calibrator fitted on the raw scores of <paramref name="calibration"/>
    /// (rows the trees were not trained on) appended to its pipeline; the trees stay as they are.
    /// </summary>
    public ScoringModel Calibrate(CalibrationMethod method, DenseDataset calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        if (calibration.Labels is null)
            throw new ArgumentException("The calibration rows need labels.", nameof(calibration));
        if (Calibrator is not null)
            throw new InvalidOperationException("The model is calibrated already.");
        CheckFeatures(calibration);
        var scored = Pipeline.Transform(FeatureFrame.From(calibration));
        var calibrators = Context.BinaryClassification.Calibrators;
        ISingleFeaturePredictionTransformer<object> fitted = method switch
        {
            CalibrationMethod.Isotonic => calibrators.Isotonic(FeatureFrame.LabelColumn, "Score").Fit(scored),
            _ => calibrators.Platt(FeatureFrame.LabelColumn, "Score").Fit(scored),
        };
        return this with
        {
            Pipeline = new TransformerChain<ITransformer>(Pipeline, fitted),
            Calibrator = CalibratorDescription.Of(fitted.Model),
        };
    }

    private double[] Column(DenseDataset data, string name)
    {
        CheckFeatures(data);
        var scored = Pipeline.Transform(FeatureFrame.From(data, withLabel: false));
        var values = new double[data.RowCount];
        var row = 0;
        foreach (var value in scored.GetColumn<float>(name))
            values[row++] = value;
        return values;
    }

    private void CheckFeatures(DenseDataset data) => FeatureMismatch.Check(FeatureNames, data);
}
