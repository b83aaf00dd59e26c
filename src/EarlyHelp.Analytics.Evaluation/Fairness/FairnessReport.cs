using System.Text.Json.Serialization;
using EarlyHelp.Analytics.Evaluation.Statistics;

namespace EarlyHelp.Analytics.Evaluation.Fairness;

/// <summary>
/// The result of a fairness audit, serialised as <c>fairness.json</c>. <see cref="Groups"/> holds
/// every group of every dimension (a group column, or the intersection of two), each with its
/// counts, rates, intervals and disparities against its dimension's reference group.
/// </summary>
public sealed record FairnessReport
{
    /// <summary>What was audited: score, rule, rows.</summary>
    [JsonPropertyName("population")]
    public required PopulationSummary Population { get; init; }

    /// <summary>Which harm the flags watch, and why.</summary>
    [JsonPropertyName("harm_focus")]
    public required HarmFocus HarmFocus { get; init; }

    /// <summary>The settings the audit ran with.</summary>
    [JsonPropertyName("settings")]
    public required AuditSettings Settings { get; init; }

    /// <summary>Plain-English findings, most serious first.</summary>
    [JsonPropertyName("findings")]
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The whole population as one group (no disparities).</summary>
    [JsonPropertyName("overall")]
    public required GroupResult Overall { get; init; }

    /// <summary>Each dimension: its reference group and capacity sweep.</summary>
    [JsonPropertyName("dimensions")]
    public required IReadOnlyList<DimensionResult> Dimensions { get; init; }

    /// <summary>Every group of every dimension.</summary>
    [JsonPropertyName("groups")]
    public required IReadOnlyList<GroupResult> Groups { get; init; }

    /// <summary>Which features carry information about each group column.</summary>
    [JsonPropertyName("proxy_check")]
    public required IReadOnlyList<ProxyResult> ProxyCheck { get; init; }
}

/// <summary>What was audited.</summary>
/// <param name="ScoreName">The score's name.</param>
/// <param name="Rows">Number of rows.</param>
/// <param name="Positives">Rows with the outcome.</param>
/// <param name="SelectionRule">The rule's machine name.</param>
/// <param name="SelectionDescription">The rule in words.</param>
/// <param name="Selected">Rows selected.</param>
/// <param name="ScoresAreProbabilities">Whether the scores lie in [0, 1] (Brier score and mean score are only given then).</param>
public sealed record PopulationSummary(
    [property: JsonPropertyName("score")] string ScoreName,
    [property: JsonPropertyName("n")] long Rows,
    [property: JsonPropertyName("positives")] long Positives,
    [property: JsonPropertyName("selection_rule")] string SelectionRule,
    [property: JsonPropertyName("selection")] string SelectionDescription,
    [property: JsonPropertyName("selected")] long Selected,
    [property: JsonPropertyName("scores_are_probabilities")] bool ScoresAreProbabilities);

/// <summary>Which parity matters for this intervention, in words for IG.</summary>
/// <param name="Intervention">assistive or burdensome.</param>
/// <param name="WatchedMetrics">The metric keys whose disparities are the harm.</param>
/// <param name="Explanation">Why, in plain English.</param>
public sealed record HarmFocus(
    [property: JsonPropertyName("intervention")] string Intervention,
    [property: JsonPropertyName("watched_metrics")] IReadOnlyList<string> WatchedMetrics,
    [property: JsonPropertyName("explanation")] string Explanation);

/// <summary>The settings an audit ran with, so that it can be reproduced.</summary>
/// <param name="BootstrapResamples">Resamples for disparity intervals.</param>
/// <param name="Seed">Bootstrap seed.</param>
/// <param name="ConfidenceLevel">Level of every interval.</param>
/// <param name="DisparityBand">Ratios inside this band are not flagged.</param>
/// <param name="SmallGroupRows">Fewer rows than this: small-group warning instead of flags.</param>
/// <param name="SmallGroupPositives">Fewer positives than this: small-group warning instead of flags.</param>
/// <param name="SmallGroupExpectedSelected">Fewer expected among the selected than this: small-group warning instead of flags.</param>
/// <param name="IntervalMethods">How each kind of interval is computed.</param>
public sealed record AuditSettings(
    [property: JsonPropertyName("bootstrap_resamples")] int BootstrapResamples,
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("confidence_level")] double ConfidenceLevel,
    [property: JsonPropertyName("disparity_band")] Interval DisparityBand,
    [property: JsonPropertyName("small_group_rows")] int SmallGroupRows,
    [property: JsonPropertyName("small_group_positives")] int SmallGroupPositives,
    [property: JsonPropertyName("small_group_expected_selected")] double SmallGroupExpectedSelected,
    [property: JsonPropertyName("interval_methods")] IReadOnlyDictionary<string, string> IntervalMethods)
{
    /// <summary>Fewer than this in a rate's denominator, in the group or its reference: that rate is not judged.</summary>
    [JsonPropertyName("minimum_rate_denominator")]
    public int MinimumRateDenominator { get; init; }
}

/// <summary>A dimension of the audit: one group column, or the intersection of two.</summary>
/// <param name="Name">e.g. <c>race</c> or <c>race × sex</c>.</param>
/// <param name="Columns">The group columns it combines.</param>
/// <param name="ReferenceGroup">The group every other is compared with.</param>
/// <param name="ReferenceReason">Why that group: named, or the largest.</param>
/// <param name="CapacitySweep">Group rates as the capacity K grows.</param>
public sealed record DimensionResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("columns")] IReadOnlyList<string> Columns,
    [property: JsonPropertyName("reference_group")] string ReferenceGroup,
    [property: JsonPropertyName("reference_reason")] string ReferenceReason,
    [property: JsonPropertyName("capacity_sweep")] IReadOnlyList<CapacityPoint> CapacitySweep);

/// <summary>One plain-English finding.</summary>
/// <param name="Severity">flag, warning or note.</param>
/// <param name="Dimension">The dimension it concerns, if any.</param>
/// <param name="Group">The group it concerns, if any.</param>
/// <param name="Metric">The metric key it concerns, if any.</param>
/// <param name="Text">The finding and what it means, in words.</param>
public sealed record Finding(
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("dimension")] string? Dimension,
    [property: JsonPropertyName("group")] string? Group,
    [property: JsonPropertyName("metric")] string? Metric,
    [property: JsonPropertyName("text")] string Text);

/// <summary>Group rates at one capacity K of the sweep.</summary>
/// <param name="Capacity">K, the number selected.</param>
/// <param name="Fraction">K / n.</param>
/// <param name="Groups">Each group's rates at this K.</param>
public sealed record CapacityPoint(
    [property: JsonPropertyName("k")] long Capacity,
    [property: JsonPropertyName("fraction")] double Fraction,
    [property: JsonPropertyName("groups")] IReadOnlyList<CapacityGroup> Groups);

/// <summary>One group's rates at one capacity, and their ratios to the reference group's.</summary>
/// <param name="Group">The group.</param>
/// <param name="Selected">Selected from the group at this K.</param>
/// <param name="Rates">Rate by metric key.</param>
/// <param name="Ratios">Ratio to the reference group's rate, by metric key.</param>
public sealed record CapacityGroup(
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("selected")] long Selected,
    [property: JsonPropertyName("rates")] IReadOnlyDictionary<string, double> Rates,
    [property: JsonPropertyName("ratios")] IReadOnlyDictionary<string, double> Ratios);

/// <summary>How much one feature tells about one group column.</summary>
/// <param name="Characteristic">The group column.</param>
/// <param name="Feature">The feature.</param>
/// <param name="Strength">The largest one-group-against-the-rest AUC, folded so that 0.5 is no information and 1 is full.</param>
/// <param name="StrongestGroup">The group the feature separates best.</param>
/// <param name="Level">none, weak, moderate or strong.</param>
/// <param name="ByGroup">The folded AUC for each group against the rest.</param>
public sealed record ProxyResult(
    [property: JsonPropertyName("characteristic")] string Characteristic,
    [property: JsonPropertyName("feature")] string Feature,
    [property: JsonPropertyName("strength")] double Strength,
    [property: JsonPropertyName("strongest_group")] string StrongestGroup,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("by_group")] IReadOnlyDictionary<string, double> ByGroup);
