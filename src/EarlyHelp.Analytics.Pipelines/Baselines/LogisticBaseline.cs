using EarlyHelp.Analytics.Learning;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Linear;
using EarlyHelp.Analytics.Learning.Metrics;
using Microsoft.ML;

namespace EarlyHelp.Analytics.Pipelines.Baselines;

/// <summary>
/// The transparent baseline: ML.NET's L-BFGS logistic regression with an L2 penalty on the same features,
/// standardised so that the penalty treats a count and a flag alike, and calibrated by ML.NET's Platt
/// scaling on the calibration rows like the model. A "months since" feature is missing when a family never
/// had such a record; a linear model given the column mean would read "never" as "a year or so ago", so
/// missing values of such features become one more than the largest value seen in training ("longer ago than
/// anything seen"); other missing values take the training mean. Both fills are part of the saved model
/// (<see cref="LinearFeaturizer"/>), so a run that recommends the regression saves <see cref="Model"/> whole.
/// </summary>
public sealed class LogisticBaseline
{
    /// <summary>
    /// Most training rows the baseline is fitted on: a seeded sample of 100,000 rows (about 2,000 escalations
    /// at a 2% rate, a dozen per coefficient) fits the coefficients to within a small fraction of their spread
    /// and keeps a Bristol-sized retrain inside its time budget.
    /// </summary>
    public const int MaximumTrainingRows = 100_000;

    /// <summary>
    /// The L2 penalties tried (on standardised features): <see cref="PenalisedLogisticRegression.Grid"/>, from
    /// almost none to very strong (scikit-learn's C from 100 down to 0.0001). The one with the lowest validation
    /// log loss is kept.
    /// </summary>
    public static IReadOnlyList<float> RegularizationGrid => PenalisedLogisticRegression.Grid;

    private LogisticBaseline(LogisticModel model, int trainingRows, float regularization, IReadOnlyList<PenaltyTrial> trials)
    {
        Model = model;
        TrainingRows = trainingRows;
        Regularization = regularization;
        Trials = trials;
    }

    /// <summary>The calibrated regression with the chosen penalty: what a run saves when it recommends the regression.</summary>
    public LogisticModel Model { get; }

    /// <summary>Rows the regression was fitted on.</summary>
    public int TrainingRows { get; }

    /// <summary>The L2 penalty chosen on the validation rows.</summary>
    public float Regularization { get; }

    /// <summary>Every penalty tried with its validation log loss and AUC, in grid order.</summary>
    public IReadOnlyList<PenaltyTrial> Trials { get; }

    /// <summary>The chosen penalty as scikit-learn's C (its reciprocal).</summary>
    public double InverseRegularization => PenalisedLogisticRegression.InverseStrength(Regularization);

    /// <summary>
    /// Fits the regression on (a sample of) <paramref name="training"/> with each penalty of
    /// <see cref="RegularizationGrid"/>, keeps the one with the lowest log loss on <paramref name="validation"/>,
    /// and fits its Platt calibrator on <paramref name="calibration"/>; with <paramref name="capInputs"/>, each input is held
    /// within its training percentiles (<see cref="InputCaps"/>) inside the model.
    /// </summary>
    public static LogisticBaseline Fit(DenseDataset training, DenseDataset validation, DenseDataset calibration, int seed, bool capInputs = false)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(calibration);
        var sample = training.RowCount <= MaximumTrainingRows
            ? training
            : training.Select(Sampling.SortedSubset(new Random(seed), training.RowCount, MaximumTrainingRows));
        var never = NeverValues(sample);
        var context = new MLContext(seed);
        var caps = capInputs ? InputCaps.Of(sample, never) : null;
        var featurizer = LinearFeaturizer.Fit(context, sample, never, caps);
        var features = context.Data.Cache(featurizer.Transform(FeatureFrame.From(sample)));
        var means = LinearFeaturizer.StandardisedMeans(featurizer, sample);
        var validationLabels = validation.Labels ?? throw new ArgumentException("The validation rows need labels.", nameof(validation));

        var (best, bestLoss, bestPenalty) = ((LogisticModel?)null, double.PositiveInfinity, 0f);
        var trials = new List<PenaltyTrial>();
        foreach (var penalty in RegularizationGrid)
        {
            var regression = PenalisedLogisticRegression.Trainer(context, penalty, FeatureFrame.LabelColumn, FeatureFrame.FeaturesColumn).Fit(features);
            var candidate = LogisticModels.Of(context, featurizer, regression, sample.FeatureNames, never, means, penalty, caps);
            var probabilities = candidate.PredictProbability(validation);
            var loss = BinaryMetrics.LogLoss<float, double>(validationLabels, probabilities);
            trials.Add(new PenaltyTrial(penalty, PenalisedLogisticRegression.InverseStrength(penalty), loss, BinaryMetrics.RocAuc<float, double>(validationLabels, probabilities)));
            if (loss < bestLoss)
                (best, bestLoss, bestPenalty) = (candidate, loss, penalty);
        }

        var calibrated = best!.Calibrate(calibration) with { Metrics = new Dictionary<string, double> { ["validation_log_loss"] = bestLoss } };
        return new LogisticBaseline(calibrated, sample.RowCount, bestPenalty, trials);
    }

    /// <summary>The calibrated probability for every row.</summary>
    public double[] PredictProbability(DenseDataset data) => Model.PredictProbability(data);

    /// <summary>For each "months since" column, one more than its largest value; NaN for other columns (left to the mean).</summary>
    private static float[] NeverValues(DenseDataset data)
    {
        var never = new float[data.FeatureCount];
        for (var feature = 0; feature < data.FeatureCount; feature++)
        {
            if (!IsMonthsSince(data.FeatureNames[feature]))
            {
                never[feature] = float.NaN;
                continue;
            }
            var largest = 0f;
            for (var row = 0; row < data.RowCount; row++)
            {
                var value = data[row, feature];
                if (value > largest)
                    largest = value;
            }
            never[feature] = largest + 1;
        }
        return never;
    }

    private static bool IsMonthsSince(string featureName) => featureName.Contains("months_since", StringComparison.Ordinal);
}
