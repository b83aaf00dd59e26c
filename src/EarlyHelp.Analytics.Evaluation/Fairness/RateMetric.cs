using EarlyHelp.Analytics.Learning.Metrics;

namespace EarlyHelp.Analytics.Evaluation.Fairness;

/// <summary>A rate read from a group's confusion counts, with the words that explain it to a reader.</summary>
/// <param name="Key">The JSON key, e.g. <c>fnr</c>.</param>
/// <param name="Name">Its name in reports, e.g. "False negative rate".</param>
/// <param name="Meaning">What it measures in plain English, completing "the share of …".</param>
/// <param name="Numerator">Count on top.</param>
/// <param name="Denominator">Count underneath.</param>
/// <param name="DenominatorName">Who the count underneath counts, e.g. "selected".</param>
public sealed record RateMetric(
    string Key, string Name, string Meaning, Func<ConfusionCounts, long> Numerator, Func<ConfusionCounts, long> Denominator, string DenominatorName)
{
    /// <summary>The share of all rows that are selected.</summary>
    public static readonly RateMetric SelectionRate = new("selection_rate", "Selection rate", "all people in the group who are selected", c => c.Selected, c => c.Count, "rows");

    /// <summary>TP / positives.</summary>
    public static readonly RateMetric TruePositiveRate = new("tpr", "True positive rate", "people with the outcome who are selected", c => c.TruePositives, c => c.Positives, "people with the outcome");

    /// <summary>FP / negatives.</summary>
    public static readonly RateMetric FalsePositiveRate = new("fpr", "False positive rate", "people without the outcome who are selected anyway", c => c.FalsePositives, c => c.Negatives, "people without the outcome");

    /// <summary>FN / positives.</summary>
    public static readonly RateMetric FalseNegativeRate = new("fnr", "False negative rate", "people with the outcome who are missed (not selected)", c => c.FalseNegatives, c => c.Positives, "people with the outcome");

    /// <summary>TP / selected.</summary>
    public static readonly RateMetric PositivePredictiveValue = new("ppv", "Positive predictive value", "selected people who have the outcome", c => c.TruePositives, c => c.Selected, "selected");

    /// <summary>TN / not selected.</summary>
    public static readonly RateMetric NegativePredictiveValue = new("npv", "Negative predictive value", "people not selected who indeed do not have the outcome", c => c.TrueNegatives, c => c.NotSelected, "not selected");

    /// <summary>FP / selected.</summary>
    public static readonly RateMetric FalseDiscoveryRate = new("fdr", "False discovery rate", "selected people who do not have the outcome", c => c.FalsePositives, c => c.Selected, "selected");

    /// <summary>FN / not selected.</summary>
    public static readonly RateMetric FalseOmissionRate = new("for", "False omission rate", "people not selected who nevertheless have the outcome", c => c.FalseNegatives, c => c.NotSelected, "not selected");

    /// <summary>Positives / all.</summary>
    public static readonly RateMetric BaseRate = new("base_rate", "Base rate", "people in the group who have the outcome", c => c.Positives, c => c.Count, "rows");

    /// <summary>The rates compared across groups, in report order.</summary>
    public static IReadOnlyList<RateMetric> Compared { get; } =
        [SelectionRate, TruePositiveRate, FalsePositiveRate, FalseNegativeRate, PositivePredictiveValue, NegativePredictiveValue, FalseDiscoveryRate, FalseOmissionRate];

    /// <summary>The rates whose disparity is the harm to watch for an intervention of this kind.</summary>
    public static IReadOnlyList<RateMetric> HarmFor(InterventionKind kind) => kind == InterventionKind.Assistive
        ? [FalseNegativeRate, FalseOmissionRate]
        : [FalsePositiveRate, FalseDiscoveryRate];

    /// <summary>The rate for the given counts (NaN when the denominator is 0).</summary>
    public double Of(ConfusionCounts counts)
    {
        var denominator = Denominator(counts);
        return denominator == 0 ? double.NaN : (double)Numerator(counts) / denominator;
    }
}
