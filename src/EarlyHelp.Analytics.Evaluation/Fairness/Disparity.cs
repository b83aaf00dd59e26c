using System.Text.Json.Serialization;
using EarlyHelp.Analytics.Evaluation.Statistics;

namespace EarlyHelp.Analytics.Evaluation.Fairness;

/// <summary>How a group's rate compares with the reference group's.</summary>
/// <param name="Value">The group's value.</param>
/// <param name="ReferenceValue">The reference group's value.</param>
/// <param name="Ratio">Value / reference value.</param>
/// <param name="RatioInterval">Bootstrap percentile interval of the ratio.</param>
/// <param name="Difference">Value − reference value.</param>
/// <param name="DifferenceInterval">Interval of the difference (bootstrap; DeLong for AUC).</param>
/// <param name="Resamples">Bootstrap resamples in which the ratio was defined (a resample can lose a small group).</param>
/// <param name="Status">flag, outside_band, within_band, small_group, no_interval or undefined.</param>
/// <remarks>
/// <see cref="PValue"/> tests "no difference" (Fisher's exact test for a rate, DeLong's standard error for the AUC); <see cref="QValue"/> is the
/// same p-value adjusted for false discoveries across the report, and a ratio outside the band is flagged only when
/// its q-value is within the report's error rate.
/// </remarks>
public sealed record Disparity(
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("reference_value")] double ReferenceValue,
    [property: JsonPropertyName("ratio")] double Ratio,
    [property: JsonPropertyName("ratio_interval")] Interval RatioInterval,
    [property: JsonPropertyName("difference")] double Difference,
    [property: JsonPropertyName("difference_interval")] Interval DifferenceInterval,
    [property: JsonPropertyName("resamples")] int Resamples,
    [property: JsonPropertyName("status")] string Status)
{
    /// <summary>Two-sided p-value of no difference; undefined (null in JSON) for a small group or denominator, or without an interval.</summary>
    [JsonPropertyName("p_value")]
    public double PValue { get; init; } = double.NaN;

    /// <summary>The p-value adjusted across every comparison in the report (Benjamini–Hochberg).</summary>
    [JsonPropertyName("q_value")]
    public double QValue { get; init; } = double.NaN;

    /// <summary>Why this rate is not judged although its group is large enough: its denominator is too small in the group or its reference.</summary>
    [JsonPropertyName("small_reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SmallReason { get; init; }

    /// <summary>Whether the disparity is flagged for IG.</summary>
    [JsonPropertyName("flagged")]
    public bool Flagged => Status == DisparityStatus.Flag;
}

/// <summary>The statuses a disparity can have.</summary>
public static class DisparityStatus
{
    /// <summary>Ratio outside the band and no difference rejected after false-discovery control: a real, material difference.</summary>
    public const string Flag = "flag";

    /// <summary>Ratio outside the band, but it could be chance: its interval includes 1, or its q-value is above the error rate.</summary>
    public const string OutsideBand = "outside_band";

    /// <summary>Ratio inside the band.</summary>
    public const string WithinBand = "within_band";

    /// <summary>Ratio outside the band in a group, or on a denominator, too small to judge: a warning, not a flag.</summary>
    public const string SmallGroup = "small_group";

    /// <summary>Ratio outside the band but no interval was computed (no bootstrap).</summary>
    public const string NoInterval = "no_interval";

    /// <summary>The ratio is not defined (a rate over nobody, or a zero reference rate).</summary>
    public const string Undefined = "undefined";

    /// <summary>
    /// How the audit reads a ratio: inside [1/<paramref name="tolerance"/>, <paramref name="tolerance"/>] it is
    /// within the band; outside it, a small group gets a warning instead of a flag whatever its interval, and
    /// otherwise the ratio is flagged when its interval excludes no difference (<paramref name="significant"/>).
    /// </summary>
    public static string Of(double ratio, double tolerance, bool small, bool hasInterval, bool significant)
    {
        if (double.IsNaN(ratio))
            return Undefined;
        if (ratio >= 1 / tolerance && ratio <= tolerance)
            return WithinBand;
        if (small)
            return SmallGroup;
        if (!hasInterval)
            return NoInterval;
        return significant ? Flag : OutsideBand;
    }
}
