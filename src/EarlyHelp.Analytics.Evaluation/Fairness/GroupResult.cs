using System.Text.Json.Serialization;
using EarlyHelp.Analytics.Evaluation.Statistics;

namespace EarlyHelp.Analytics.Evaluation.Fairness;

/// <summary>One group's counts, rates and disparities.</summary>
public sealed record GroupResult
{
    /// <summary>The dimension the group belongs to (<c>all</c> for the overall row).</summary>
    [JsonPropertyName("dimension")]
    public required string Dimension { get; init; }

    /// <summary>The group's name.</summary>
    [JsonPropertyName("group")]
    public required string Group { get; init; }

    /// <summary>Whether this is its dimension's reference group.</summary>
    [JsonPropertyName("is_reference")]
    public bool IsReference { get; init; }

    /// <summary>Rows in the group.</summary>
    [JsonPropertyName("n")]
    public long Rows { get; init; }

    /// <summary>Rows with the outcome.</summary>
    [JsonPropertyName("positives")]
    public long Positives { get; init; }

    /// <summary>Positives / rows: the observed rate.</summary>
    [JsonPropertyName("base_rate")]
    public double BaseRate { get; init; }

    /// <summary>Rows selected.</summary>
    [JsonPropertyName("selected")]
    public long Selected { get; init; }

    /// <summary>Selected / rows.</summary>
    [JsonPropertyName("selection_rate")]
    public double SelectionRate { get; init; }

    /// <summary>The group's share of everyone selected: how the capacity is spent.</summary>
    [JsonPropertyName("share_of_selected")]
    public double ShareOfSelected { get; init; }

    /// <summary>The group's share of all rows, to compare with its share of the selected.</summary>
    [JsonPropertyName("share_of_population")]
    public double ShareOfPopulation { get; init; }

    /// <summary>Selected with the outcome.</summary>
    [JsonPropertyName("tp")]
    public long TruePositives { get; init; }

    /// <summary>Selected without the outcome.</summary>
    [JsonPropertyName("fp")]
    public long FalsePositives { get; init; }

    /// <summary>Not selected, without the outcome.</summary>
    [JsonPropertyName("tn")]
    public long TrueNegatives { get; init; }

    /// <summary>Not selected, with the outcome.</summary>
    [JsonPropertyName("fn")]
    public long FalseNegatives { get; init; }

    /// <summary>TP / positives.</summary>
    [JsonPropertyName("tpr")]
    public double TruePositiveRate { get; init; }

    /// <summary>FP / negatives.</summary>
    [JsonPropertyName("fpr")]
    public double FalsePositiveRate { get; init; }

    /// <summary>FN / positives.</summary>
    [JsonPropertyName("fnr")]
    public double FalseNegativeRate { get; init; }

    /// <summary>TP / selected.</summary>
    [JsonPropertyName("ppv")]
    public double PositivePredictiveValue { get; init; }

    /// <summary>TN / not selected.</summary>
    [JsonPropertyName("npv")]
    public double NegativePredictiveValue { get; init; }

    /// <summary>FP / selected.</summary>
    [JsonPropertyName("fdr")]
    public double FalseDiscoveryRate { get; init; }

    /// <summary>FN / not selected.</summary>
    [JsonPropertyName("for")]
    public double FalseOmissionRate { get; init; }

    /// <summary>ROC AUC of the score within the group.</summary>
    [JsonPropertyName("auc")]
    public double Auc { get; init; }

    /// <summary>Confidence interval of the AUC (DeLong).</summary>
    [JsonPropertyName("auc_interval")]
    public Interval AucInterval { get; init; }

    /// <summary>Brier score within the group (null when the scores are not probabilities).</summary>
    [JsonPropertyName("brier")]
    public double Brier { get; init; }

    /// <summary>Mean score, to compare with <see cref="BaseRate"/> (null when the scores are not probabilities).</summary>
    [JsonPropertyName("mean_score")]
    public double MeanScore { get; init; }

    /// <summary>Wilson interval of every rate, by key.</summary>
    [JsonPropertyName("intervals")]
    public required IReadOnlyDictionary<string, Interval> Intervals { get; init; }

    /// <summary>Whether the group is too small to flag (see <see cref="SmallGroupReason"/>).</summary>
    [JsonPropertyName("small_group")]
    public bool SmallGroup { get; init; }

    /// <summary>Why the group is small, or null.</summary>
    [JsonPropertyName("small_group_reason")]
    public string? SmallGroupReason { get; init; }

    /// <summary>Disparity against the reference group, by metric key (empty for the reference itself and the overall row).</summary>
    [JsonPropertyName("disparities")]
    public required IReadOnlyDictionary<string, Disparity> Disparities { get; init; }
}
