using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Learning.Calibration;
using EarlyHelp.Analytics.Learning.Linear;
using EarlyHelp.Analytics.Learning.Metrics;
using EarlyHelp.Analytics.Learning.Models;
using EarlyHelp.Analytics.Learning.Trees;
using EarlyHelp.Analytics.Pipelines.Baselines;
using EarlyHelp.Analytics.Pipelines.Splits;

namespace EarlyHelp.Analytics.Pipelines.Training;

internal sealed partial class TrainingRun
{
    /// <summary>The label column the model is trained on, recorded in the model file.</summary>
    public const string LabelName = "escalated";

    private TreeEnsemble ensemble = null!;
    private ScoringModel trees = null!;
    private ScoringModel calibratedTrees = null!;
    private IScoringModel model = null!;
    private LogisticBaseline logistic = null!;
    private LogisticModel logisticModel = null!;
    private TwoOfSixRule rule = null!;
    private double validationLogLoss;

    /// <summary>
    /// Grows trees on the training rows and stops when the log loss of the validation families stops
    /// falling: families the trees never saw, at every training date and the calibration date. One quarter
    /// of them alone holds a few dozen escalations in a small city, too few for a steady loss curve (it
    /// stopped a 60,000-person city's model at 34 trees); all dates give it ten times as many. They are not
    /// the calibration families, so the calibrator is fitted on scores the number of trees was not tuned on.
    /// </summary>
    private void TrainModel()
    {
        progress?.Report(new WorkProgress("Growing trees", 0, 1));
        trees = new GradientBoostingTrainer(options.BoostingWithSeed).Fit(data[RowRole.Training], data[RowRole.Validation]);
        ensemble = trees.Ensemble;
        progress?.Report(new WorkProgress("Growing trees", 1, 1));
        var validation = data[RowRole.Validation];
        validationLogLoss = BinaryMetrics.LogLoss<float, double>(validation.Labels, trees.PredictProbability(validation));
    }

    /// <summary>
    /// ML.NET's Platt scaling of the trees' raw scores on the calibration families only (Platt 1999), appended
    /// to the model's pipeline. Isotonic regression needs many more positives than the few hundred a
    /// calibration quarter holds before its steps stop following noise (Niculescu-Mizil and Caruana 2005);
    /// two parameters do not overfit them.
    /// </summary>
    private void Calibrate()
    {
        calibratedTrees = trees.Calibrate(CalibrationMethod.Platt, data[RowRole.Calibration]) with
        {
            LabelName = LabelName,
            // The thread count does not change the trees; leaving it out keeps the file the same on any machine.
            TrainingOptions = options.BoostingWithSeed with { NumberOfThreads = null },
            Metrics = new Dictionary<string, double> { ["validation_log_loss"] = validationLogLoss },
            Metadata = ModelMetadata(),
        };
        model = calibratedTrees;
    }

    /// <summary>The tuned logistic regression, ready to be saved in the trees' place, and the two-of-six rule.</summary>
    private void TrainBaselines()
    {
        logistic = LogisticBaseline.Fit(data[RowRole.Training], data[RowRole.Validation], data[RowRole.Calibration], options.Seed, options.CapRegressionInputs);
        logisticModel = logistic.Model with { LabelName = LabelName, Metadata = ModelMetadata() };
        rule = TwoOfSixRule.Fit(data[RowRole.Calibration]);
    }

    /// <summary>The run's dates and seed, recorded in whichever model is saved.</summary>
    private Dictionary<string, string> ModelMetadata() => new()
    {
        ["as_of"] = Iso(options.AsOf),
        ["test_as_of"] = Iso(schedule.TestDate),
        ["calibration_as_of"] = Iso(schedule.CalibrationDate),
        ["training_as_of"] = string.Join(' ', schedule.TrainingDates.Select(Iso)),
        ["horizon_months"] = Invariant(options.HorizonMonths),
        ["seed"] = Invariant(options.Seed),
        ["hub_extract_date"] = Iso(history.ExtractDate),
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
