using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Pipelines.Baselines;

/// <summary>
/// The Supporting Families rule of thumb the model must beat: a family with records in two or more of
/// the six headline problems in the last 12 months is flagged. As a probability, a flagged family gets
/// the escalation rate of flagged families in the calibration rows, and an unflagged one that of the
/// unflagged, so its Brier score and calibration can be set beside the model's. Among flagged families
/// the rule has no order; rankings break those ties by the shared tie key.
/// </summary>
public sealed class TwoOfSixRule
{
    /// <summary>The feature the rule reads: distinct headline problems with a record in the last 12 months.</summary>
    public const string FeatureName = "distinct_problems_12m";

    /// <summary>Fewest problems that flag a family.</summary>
    public const int Threshold = 2;

    private TwoOfSixRule(double flaggedRate, double unflaggedRate)
    {
        FlaggedRate = flaggedRate;
        UnflaggedRate = unflaggedRate;
    }

    /// <summary>Escalation rate of flagged families in the calibration rows: the probability given to a flagged family.</summary>
    public double FlaggedRate { get; }

    /// <summary>Escalation rate of unflagged families in the calibration rows.</summary>
    public double UnflaggedRate { get; }

    /// <summary>Whether the rule flags a row.</summary>
    public static bool Flags(DenseDataset data, int row) => data[row, Column(data)] >= Threshold;

    /// <summary>Fits the two rates on labelled calibration rows.</summary>
    public static TwoOfSixRule Fit(DenseDataset calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var labels = calibration.Labels ?? throw new ArgumentException("The calibration rows need labels.", nameof(calibration));
        var column = Column(calibration);
        double flagged = 0, flaggedEscalated = 0, unflagged = 0, unflaggedEscalated = 0;
        for (var row = 0; row < calibration.RowCount; row++)
        {
            if (calibration[row, column] >= Threshold)
            {
                flagged++;
                flaggedEscalated += labels[row];
            }
            else
            {
                unflagged++;
                unflaggedEscalated += labels[row];
            }
        }
        // An empty side gets the overall rate: the rule then carries no information, and says so by giving one rate.
        var overall = (flaggedEscalated + unflaggedEscalated) / Math.Max(1, flagged + unflagged);
        return new TwoOfSixRule(flagged > 0 ? flaggedEscalated / flagged : overall, unflagged > 0 ? unflaggedEscalated / unflagged : overall);
    }

    /// <summary>The rule's probability for every row.</summary>
    public double[] PredictProbability(DenseDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var column = Column(data);
        var probabilities = new double[data.RowCount];
        for (var row = 0; row < data.RowCount; row++)
            probabilities[row] = data[row, column] >= Threshold ? FlaggedRate : UnflaggedRate;
        return probabilities;
    }

    private static int Column(DenseDataset data)
    {
        for (var feature = 0; feature < data.FeatureCount; feature++)
        {
            if (data.FeatureNames[feature] == FeatureName)
                return feature;
        }
        throw new ArgumentException($"The data has no '{FeatureName}' column for the two-of-six rule.", nameof(data));
    }
}
