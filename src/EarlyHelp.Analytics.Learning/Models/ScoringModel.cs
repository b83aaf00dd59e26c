using EarlyHelp.Analytics.Learning.Calibration;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Trees;

namespace EarlyHelp.Analytics.Learning.Models;

/// <summary>
/// What a model file holds: the trees, an optional calibrator fitted apart from them on held-out
/// scores, how they were trained, how well they did, and free-form notes about where they came
/// from. Immutable; <see cref="ModelFile"/> saves and loads it.
/// </summary>
/// <param name="Ensemble">The trained trees with the bins of their training data.</param>
public sealed record ScoringModel(TreeEnsemble Ensemble)
{
    /// <summary>The label column the model was trained on, so that scoring can skip it; null when unknown.</summary>
    public string? LabelName { get; init; }

    /// <summary>Maps raw scores to calibrated probabilities, or null to use the trees' own logistic probabilities.</summary>
    public ICalibrator? Calibrator { get; init; }

    /// <summary>The options the trees were trained with, or null when not recorded.</summary>
    public GradientBoostingOptions? TrainingOptions { get; init; }

    /// <summary>Named measurements of the model (e.g. validation AUC), in the order they were given.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Free-form notes (e.g. training data, date, who trained it).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The model's probability for every row: calibrated when there is a calibrator.</summary>
    public double[] PredictProbability(DenseDataset data, int? numberOfThreads = null)
    {
        if (Calibrator is null)
            return Ensemble.PredictProbability(data, numberOfThreads);
        var scores = Ensemble.PredictRaw(data, numberOfThreads);
        for (var row = 0; row < scores.Length; row++)
            scores[row] = Calibrator.Calibrate(scores[row]);
        return scores;
    }
}
