using System.Text.Json.Serialization;
using Microsoft.ML.Calibrators;

namespace EarlyHelp.Analytics.Learning.Calibration;

/// <summary>
/// What an ML.NET calibrator learned, for reports and the readable tree export:
/// <c>{ "kind": "platt", "a": …, "b": … }</c> or
/// <c>{ "kind": "isotonic", "x": [...], "x_upper": [...], "y": [...] }</c>. Fields that do not
/// belong to the kind are null and left out of the JSON. The model zip holds the calibrator itself.
/// </summary>
public sealed record CalibratorDescription
{
    /// <summary>The <see cref="Kind"/> of a Platt calibrator.</summary>
    public const string PlattKind = "platt";

    /// <summary>The <see cref="Kind"/> of an isotonic calibrator.</summary>
    public const string IsotonicKind = "isotonic";

    /// <summary>Which calibrator: <c>platt</c> or <c>isotonic</c>.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>Platt slope a in p = 1 / (1 + exp(a·s + b)) (ML.NET's <c>Slope</c>).</summary>
    [JsonPropertyName("a")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? A { get; init; }

    /// <summary>Platt offset b in p = 1 / (1 + exp(a·s + b)) (ML.NET's <c>Offset</c>).</summary>
    [JsonPropertyName("b")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? B { get; init; }

    /// <summary>Isotonic steps: the lowest raw score of each step (ML.NET's <c>Mins</c>).</summary>
    [JsonPropertyName("x")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? X { get; init; }

    /// <summary>Isotonic steps: the highest raw score of each step (ML.NET's <c>Maxes</c>).</summary>
    [JsonPropertyName("x_upper")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? XUpper { get; init; }

    /// <summary>Isotonic steps: the calibrated probability of each step (ML.NET's <c>Values</c>).</summary>
    [JsonPropertyName("y")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? Y { get; init; }

    /// <summary>The description of an ML.NET Platt or isotonic calibrator.</summary>
    /// <exception cref="NotSupportedException">Another kind of calibrator.</exception>
    public static CalibratorDescription Of(object calibrator) => calibrator switch
    {
        PlattCalibrator platt => new() { Kind = PlattKind, A = platt.Slope, B = platt.Offset },
        IsotonicCalibrator isotonic => new()
        {
            Kind = IsotonicKind,
            X = [.. isotonic.Mins.Select(v => (double)v)],
            XUpper = [.. isotonic.Maxes.Select(v => (double)v)],
            Y = [.. isotonic.Values.Select(v => (double)v)],
        },
        _ => throw new NotSupportedException($"The calibrator {calibrator.GetType().Name} is neither Platt nor isotonic."),
    };
}
