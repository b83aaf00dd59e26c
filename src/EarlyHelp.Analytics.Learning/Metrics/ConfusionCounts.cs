namespace EarlyHelp.Analytics.Learning.Metrics;

/// <summary>
/// The four cells of a confusion matrix for a selection (selected = predicted positive) against
/// 0/1 labels, and the rates read from them. A rate over an empty denominator is NaN.
/// </summary>
/// <param name="TruePositives">Selected and labelled 1.</param>
/// <param name="FalsePositives">Selected and labelled 0.</param>
/// <param name="TrueNegatives">Not selected and labelled 0.</param>
/// <param name="FalseNegatives">Not selected and labelled 1.</param>
public readonly record struct ConfusionCounts(long TruePositives, long FalsePositives, long TrueNegatives, long FalseNegatives)
{
    /// <summary>All rows.</summary>
    public long Count => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    /// <summary>Rows labelled 1.</summary>
    public long Positives => TruePositives + FalseNegatives;

    /// <summary>Rows labelled 0.</summary>
    public long Negatives => FalsePositives + TrueNegatives;

    /// <summary>Rows selected.</summary>
    public long Selected => TruePositives + FalsePositives;

    /// <summary>Rows not selected.</summary>
    public long NotSelected => TrueNegatives + FalseNegatives;

    /// <summary>Positives / all.</summary>
    public double BaseRate => Ratio(Positives, Count);

    /// <summary>Selected / all.</summary>
    public double SelectionRate => Ratio(Selected, Count);

    /// <summary>TP / (TP + FN): recall, sensitivity.</summary>
    public double TruePositiveRate => Ratio(TruePositives, Positives);

    /// <summary>FP / (FP + TN).</summary>
    public double FalsePositiveRate => Ratio(FalsePositives, Negatives);

    /// <summary>FN / (FN + TP): the share of positives missed.</summary>
    public double FalseNegativeRate => Ratio(FalseNegatives, Positives);

    /// <summary>TN / (TN + FP): specificity.</summary>
    public double TrueNegativeRate => Ratio(TrueNegatives, Negatives);

    /// <summary>TP / (TP + FP): precision.</summary>
    public double PositivePredictiveValue => Ratio(TruePositives, Selected);

    /// <summary>TN / (TN + FN).</summary>
    public double NegativePredictiveValue => Ratio(TrueNegatives, NotSelected);

    /// <summary>FP / (TP + FP): the share of the selected who were negative.</summary>
    public double FalseDiscoveryRate => Ratio(FalsePositives, Selected);

    /// <summary>FN / (TN + FN): the share of the not selected who were positive.</summary>
    public double FalseOmissionRate => Ratio(FalseNegatives, NotSelected);

    /// <summary>Same as <see cref="PositivePredictiveValue"/>.</summary>
    public double Precision => PositivePredictiveValue;

    /// <summary>Same as <see cref="TruePositiveRate"/>.</summary>
    public double Recall => TruePositiveRate;

    /// <summary>Cell-wise sum, for pooling groups.</summary>
    public static ConfusionCounts operator +(ConfusionCounts left, ConfusionCounts right) => new(
        left.TruePositives + right.TruePositives,
        left.FalsePositives + right.FalsePositives,
        left.TrueNegatives + right.TrueNegatives,
        left.FalseNegatives + right.FalseNegatives);

    /// <summary>Adds one row to the matching cell.</summary>
    public ConfusionCounts Add(bool selected, bool positive) => (selected, positive) switch
    {
        (true, true) => this with { TruePositives = TruePositives + 1 },
        (true, false) => this with { FalsePositives = FalsePositives + 1 },
        (false, false) => this with { TrueNegatives = TrueNegatives + 1 },
        (false, true) => this with { FalseNegatives = FalseNegatives + 1 },
    };

    private static double Ratio(long numerator, long denominator) =>
        denominator == 0 ? double.NaN : (double)numerator / denominator;
}
