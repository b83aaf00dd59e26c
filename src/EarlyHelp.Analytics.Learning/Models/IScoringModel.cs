using EarlyHelp.Analytics.Learning.Calibration;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Explanations;

namespace EarlyHelp.Analytics.Learning.Models;

/// <summary>
/// A trained, calibrated model as scoring, comparison and promotion use it, whatever its kind: it gives each row a
/// probability, a margin to break ties, and per-feature contributions to that margin which, with the baseline, add up
/// to it (TreeSHAP for trees, linear contributions for a regression).
/// </summary>
public interface IScoringModel
{
    /// <summary>Which kind of model it is (<see cref="ModelKind"/>).</summary>
    string Kind { get; }

    /// <summary>Feature names, in the column order the model expects.</summary>
    IReadOnlyList<string> FeatureNames { get; }

    /// <summary>What the calibrator learned, or null when the probabilities are the trainer's own.</summary>
    CalibratorDescription? Calibrator { get; }

    /// <summary>The probability of label 1 for every row: calibrated when the model has been calibrated.</summary>
    double[] PredictProbability(DenseDataset data);

    /// <summary>The model's margin for every row before calibration: it ranks as the probability does and breaks its ties.</summary>
    double[] PredictMargin(DenseDataset data, int? numberOfThreads = null);

    /// <summary>Each row's per-feature contributions to its log-odds before calibration, with the baseline they start from.</summary>
    ShapValues Explain(DenseDataset data, int? numberOfThreads = null);
}
