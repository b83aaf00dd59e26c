using EarlyHelp.Analytics.Learning.Calibration;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Models;
using EarlyHelp.Analytics.Learning.Trees;
using EarlyHelp.Analytics.Pipelines.Baselines;

namespace EarlyHelp.Analytics.Pipelines.Training;

/// <summary>A model a backtest quarter fitted, with the L2 penalty chosen for it when it is a regression.</summary>
/// <param name="Model">The calibrated model.</param>
/// <param name="Penalty">The regression's penalty, tuned on the quarter's validation families; null for trees.</param>
public sealed record BacktestFit(IScoringModel Model, float? Penalty);

/// <summary>The rows a backtest quarter fitted and tested on, with what it fitted: handed to tests that check the fit.</summary>
/// <param name="TestDate">The quarter's test date.</param>
/// <param name="Fit">What was fitted.</param>
/// <param name="Training">Its training rows.</param>
/// <param name="Validation">Its validation rows.</param>
/// <param name="Calibration">Its calibration rows.</param>
/// <param name="Test">Its test rows.</param>
internal sealed record BacktestQuarterFit(DateOnly TestDate, BacktestFit Fit, DenseDataset Training, DenseDataset Validation, DenseDataset Calibration, DenseDataset Test);

/// <summary>
/// Refits at a backtest origin the kind of model the run saves, as the run fits it: the trees grown with the run's
/// settings and stopped on the validation families, or the logistic regression with its penalty tuned on the validation
/// families; either Platt-calibrated on the calibration families. So the backtest measures the model a retrain would save.
/// </summary>
public static class BacktestModels
{
    /// <summary>Fits a model of <paramref name="kind"/> (<see cref="ModelKind"/>) on one quarter's rows.</summary>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not a known model kind.</exception>
    public static BacktestFit Fit(string kind, DenseDataset training, DenseDataset validation, DenseDataset calibration, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (kind)
        {
            case ModelKind.Trees:
                return new BacktestFit(new GradientBoostingTrainer(options.BoostingWithSeed).Fit(training, validation).Calibrate(CalibrationMethod.Platt, calibration), null);
            case ModelKind.LogisticRegression:
                var regression = LogisticBaseline.Fit(training, validation, calibration, options.Seed, options.CapRegressionInputs);
                return new BacktestFit(regression.Model, regression.Regularization);
            default:
                throw new ArgumentException($"The model kind must be '{ModelKind.Trees}' or '{ModelKind.LogisticRegression}'. Got '{kind}' instead.", nameof(kind));
        }
    }

    /// <summary>The kind in words, for the method and the card.</summary>
    public static string Describe(string kind) => kind == ModelKind.LogisticRegression
        ? "the logistic regression, its L2 penalty tuned on the quarter's validation families by log loss as the run tunes it, Platt-calibrated on the calibration families"
        : "the gradient-boosted trees, grown with the run's settings, stopped on the validation families and Platt-calibrated on the calibration families";
}
