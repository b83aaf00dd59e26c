using EarlyHelp.Analytics.Learning.Calibration;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Explanations;
using EarlyHelp.Analytics.Learning.Models;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace EarlyHelp.Analytics.Learning.Linear;

/// <summary>
/// What a fitted logistic regression learned, read out of its ML.NET pipeline for explanations and the readable export
/// (<c>linear.json</c>): on the standardised scale of <see cref="LinearFeaturizer"/>, the margin is
/// <see cref="Bias"/> + Σ <see cref="Weights"/>_j z_j, and <see cref="StandardisedMeans"/> is the training mean of z,
/// the baseline of the contributions.
/// </summary>
/// <param name="FeatureNames">Feature names, in column order.</param>
/// <param name="Fills">Each feature's fill for a missing value before the training mean (NaN: the mean itself).</param>
/// <param name="Bias">The intercept.</param>
/// <param name="Weights">One weight per standardised feature.</param>
/// <param name="StandardisedMeans">The training mean of each standardised feature.</param>
/// <param name="Penalty">The L2 penalty the regression was fitted with (<see cref="PenalisedLogisticRegression"/>).</param>
public sealed record LinearWeights(
    IReadOnlyList<string> FeatureNames, IReadOnlyList<float> Fills, double Bias, IReadOnlyList<double> Weights, IReadOnlyList<double> StandardisedMeans, float Penalty)
{
    /// <summary>The bounds each input was held within before scaling; null when the inputs are not capped.</summary>
    public InputCaps? Caps { get; init; }

    /// <summary>The margin at the training mean, where every contribution is zero.</summary>
    public double BaselineMargin => LinearContributions.Baseline(Bias, Weights.ToArray(), StandardisedMeans.ToArray());
}

/// <summary>
/// A calibrated logistic regression ready to score and explain: the ML.NET pipeline (fills, mean imputation,
/// standardisation, the L-BFGS regression, and a Platt calibrator) and its weights read out. A family's explanation is
/// each feature's linear contribution to the margin, w_j (z_j − z̄_j) (<see cref="LinearContributions"/>). Immutable;
/// <see cref="ModelFiles"/> saves and loads it.
/// </summary>
/// <param name="Context">The ML.NET context the pipeline belongs to (saving needs it).</param>
/// <param name="Pipeline">Feature columns in; <c>Features</c> (standardised), <c>Score</c> (the margin) and <c>Probability</c> out.</param>
/// <param name="Linear">The weights, fills and baseline, as the pipeline holds them.</param>
public sealed record LogisticModel(MLContext Context, ITransformer Pipeline, LinearWeights Linear) : IScoringModel
{
    /// <summary>Always <see cref="ModelKind.LogisticRegression"/>.</summary>
    public string Kind => ModelKind.LogisticRegression;

    /// <summary>Feature names, in the column order the model expects.</summary>
    public IReadOnlyList<string> FeatureNames => Linear.FeatureNames;

    /// <summary>The label column the model was trained on, so that scoring can skip it; null when unknown.</summary>
    public string? LabelName { get; init; }

    /// <summary>What the Platt calibrator appended to the pipeline learned; null when the probabilities are the regression's own.</summary>
    public CalibratorDescription? Calibrator { get; init; }

    /// <summary>Named measurements of the model (e.g. validation log loss), in the order they were given.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Free-form notes (e.g. training data, date).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The probability of label 1 for every row: calibrated when a calibrator was appended.</summary>
    public double[] PredictProbability(DenseDataset data) => Scored(data, view => Floats(view, "Probability"));

    /// <summary>The regression's margin, b + w·z, for every row: ML.NET's <c>Score</c> of a linear model.</summary>
    public double[] PredictMargin(DenseDataset data, int? numberOfThreads = null) => Scored(data, view => Floats(view, "Score"));

    /// <summary>Linear contributions w_j (z_j − z̄_j) to each row's margin, from the baseline <see cref="LinearWeights.BaselineMargin"/>.</summary>
    public ShapValues Explain(DenseDataset data, int? numberOfThreads = null)
    {
        var weights = Linear.Weights.ToArray();
        var means = Linear.StandardisedMeans.ToArray();
        var width = weights.Length;
        var values = new double[data.RowCount * width];
        Scored(data, view =>
        {
            var row = 0;
            foreach (var features in view.GetColumn<VBuffer<float>>(FeatureFrame.FeaturesColumn))
            {
                LinearContributions.Write(weights, means, features.DenseValues().ToArray(), values.AsSpan(row * width, width));
                row++;
            }
            return values;
        });
        return new ShapValues(FeatureNames, Linear.BaselineMargin, values);
    }

    /// <summary>The standardised features z of every row, as the saved transform gives them.</summary>
    public float[][] Standardise(DenseDataset data) =>
        Scored(data, view => view.GetColumn<VBuffer<float>>(FeatureFrame.FeaturesColumn).Select(row => row.DenseValues().ToArray()).ToArray());

    /// <summary>
    /// This model with ML.NET's Platt calibrator fitted on the margins of <paramref name="calibration"/> (rows the
    /// regression was not fitted on) appended to its pipeline.
    /// </summary>
    public LogisticModel Calibrate(DenseDataset calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        if (calibration.Labels is null)
            throw new ArgumentException("The calibration rows need labels.", nameof(calibration));
        if (Calibrator is not null)
            throw new InvalidOperationException("The model is calibrated already.");
        FeatureMismatch.Check(FeatureNames, calibration);
        ISingleFeaturePredictionTransformer<object> fitted = Context.BinaryClassification.Calibrators.Platt(FeatureFrame.LabelColumn, "Score").Fit(Pipeline.Transform(FeatureFrame.From(calibration)));
        return this with
        {
            Pipeline = new TransformerChain<ITransformer>(Pipeline, fitted),
            Calibrator = CalibratorDescription.Of(fitted.Model),
        };
    }

    private T Scored<T>(DenseDataset data, Func<IDataView, T> read)
    {
        ArgumentNullException.ThrowIfNull(data);
        FeatureMismatch.Check(FeatureNames, data);
        return read(Pipeline.Transform(FeatureFrame.From(data, withLabel: false)));
    }

    private static double[] Floats(IDataView view, string column) => [.. view.GetColumn<float>(column).Select(v => (double)v)];
}

/// <summary>Builds a <see cref="LogisticModel"/> from its fitted parts and finds the regression inside a pipeline.</summary>
public static class LogisticModels
{
    /// <summary>
    /// The uncalibrated model of a featurizer (<see cref="LinearFeaturizer.Fit"/>) and the regression fitted on its
    /// output; <paramref name="standardisedMeans"/> (<see cref="LinearFeaturizer.StandardisedMeans"/> of the training
    /// rows) baseline the contributions; <paramref name="caps"/> are the featurizer's input caps, if any.
    /// </summary>
    public static LogisticModel Of(MLContext context, ITransformer featurizer, ITransformer regression, IReadOnlyList<string> featureNames,
        IReadOnlyList<float> fills, IReadOnlyList<double> standardisedMeans, float penalty, InputCaps? caps = null)
    {
        var (bias, weights) = WeightsOf(regression)
            ?? throw new ArgumentException("The regression is not an ML.NET linear binary model.", nameof(regression));
        var linear = new LinearWeights(featureNames, fills, bias, weights, standardisedMeans, penalty) { Caps = caps };
        return new LogisticModel(context, new TransformerChain<ITransformer>(featurizer, regression), linear);
    }

    /// <summary>The intercept and weights of the linear binary model inside a (nested) transformer chain, or null when there is none.</summary>
    public static (double Bias, double[] Weights)? WeightsOf(ITransformer transformer)
    {
        if (transformer is IEnumerable<ITransformer> chain)
            return chain.Select(WeightsOf).FirstOrDefault(found => found is not null);
        if (transformer is not ISingleFeaturePredictionTransformer<object> { Model: var model })
            return null;
        var linear = model switch
        {
            LinearBinaryModelParameters plain => plain,
            CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> calibrated => calibrated.SubModel,
            _ => null,
        };
        return linear is null ? null : (linear.Bias, [.. linear.Weights.Select(w => (double)w)]);
    }
}
