using EarlyHelp.Analytics.Learning.Calibration;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Linear;

namespace EarlyHelp.Analytics.Pipelines.Baselines;

/// <summary>
/// The transparent baseline: an L2-penalised logistic regression on the same features, standardised so
/// that the penalty treats a count and a flag alike, and calibrated on the calibration rows like the
/// model. A "months since" feature is missing when a family never had such a record; a linear model
/// given the column mean would read "never" as "a year or so ago", so before fitting, missing values
/// of such features become one more than the largest value seen in training ("longer ago than anything seen").
/// </summary>
public sealed class LogisticBaseline
{
    /// <summary>
    /// Most training rows the baseline is fitted on. Newton's method costs rows × features² per step; a
    /// seeded sample of 100,000 rows (about 2,000 escalations at a 2% rate, a dozen per coefficient) fits
    /// 164 parameters to within a small fraction of their spread, and keeps a Bristol-sized retrain inside its time budget.
    /// </summary>
    public const int MaximumTrainingRows = 100_000;

    /// <summary>
    /// Newton's stopping rule: no coefficient (on the standardised scale) moves by more than a millionth.
    /// Probabilities then agree with the exact optimum to far below anything the metrics resolve, and the
    /// last few steps that the trainer's default of 1e-10 adds for reference-grade fits are saved.
    /// </summary>
    public const double Tolerance = 1e-6;

    private readonly LogisticRegressionModel model;
    private readonly float[] neverValues;
    private readonly ICalibrator calibrator;

    private LogisticBaseline(LogisticRegressionModel model, float[] neverValues, ICalibrator calibrator, int trainingRows)
    {
        this.model = model;
        this.neverValues = neverValues;
        this.calibrator = calibrator;
        TrainingRows = trainingRows;
    }

    /// <summary>Rows the regression was fitted on.</summary>
    public int TrainingRows { get; }

    /// <summary>The fitted regression (on the filled-in features).</summary>
    public LogisticRegressionModel Regression => model;

    /// <summary>Fits the regression on (a sample of) <paramref name="training"/> and its Platt calibrator on <paramref name="calibration"/>.</summary>
    public static LogisticBaseline Fit(DenseDataset training, DenseDataset calibration, int seed)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(calibration);
        var sample = training.RowCount <= MaximumTrainingRows
            ? training
            : training.Select(SortedSample(new Random(seed), training.RowCount, MaximumTrainingRows));
        var never = NeverValues(sample);
        var filled = Filled(sample, never);
        var regression = new LogisticRegressionTrainer(new LogisticRegressionOptions { Standardise = true, Tolerance = Tolerance }).Fit(filled);
        var raw = LogOdds(regression, Filled(calibration, never));
        var calibrator = PlattCalibrator.Fit<double, float>(raw, calibration.Labels ?? throw new ArgumentException("The calibration rows need labels.", nameof(calibration)));
        return new LogisticBaseline(regression, never, calibrator, sample.RowCount);
    }

    /// <summary>The calibrated probability for every row.</summary>
    public double[] PredictProbability(DenseDataset data)
    {
        var raw = LogOdds(model, Filled(data, neverValues));
        for (var row = 0; row < raw.Length; row++)
            raw[row] = calibrator.Calibrate(raw[row]);
        return raw;
    }

    private static double[] LogOdds(LogisticRegressionModel model, DenseDataset data)
    {
        var scores = new double[data.RowCount];
        for (var row = 0; row < data.RowCount; row++)
            scores[row] = model.LogOdds(data.Row(row));
        return scores;
    }

    /// <summary>For each "months since" column, one more than its largest value; NaN for other columns (left to the trainer's mean).</summary>
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

    /// <summary><paramref name="count"/> distinct rows of <c>[0, population)</c> chosen uniformly (a partial Fisher–Yates shuffle), ascending.</summary>
    private static int[] SortedSample(Random random, int population, int count)
    {
        var rows = Enumerable.Range(0, population).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, population);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
        var sample = rows[..count];
        Array.Sort(sample);
        return sample;
    }

    private static bool IsMonthsSince(string featureName) => featureName.Contains("months_since", StringComparison.Ordinal);

    private static DenseDataset Filled(DenseDataset data, float[] never)
    {
        var values = data.Values.ToArray();
        var width = data.FeatureCount;
        for (var i = 0; i < values.Length; i++)
        {
            if (float.IsNaN(values[i]) && !float.IsNaN(never[i % width]))
                values[i] = never[i % width];
        }
        return new DenseDataset(data.FeatureNames, values, data.Labels, data.Weights);
    }
}
