using System.Text.Json.Serialization;

namespace EarlyHelp.Analytics.Learning.Calibration;

/// <summary>
/// The stored form of a calibrator, one flat record whose JSON shape is fixed:
/// <c>{ "kind": "platt", "a": …, "b": … }</c> or <c>{ "kind": "isotonic", "x": [...], "y": [...] }</c>.
/// Fields that do not belong to the kind are null and left out of the JSON.
/// </summary>
public sealed record CalibratorDescription
{
    /// <summary>The <see cref="Kind"/> of a <see cref="PlattCalibrator"/>.</summary>
    public const string PlattKind = "platt";

    /// <summary>The <see cref="Kind"/> of an <see cref="IsotonicCalibrator"/>.</summary>
    public const string IsotonicKind = "isotonic";

    /// <summary>Which calibrator: <c>platt</c> or <c>isotonic</c>.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>Platt slope a in p = 1 / (1 + exp(a·s + b)).</summary>
    [JsonPropertyName("a")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? A { get; init; }

    /// <summary>Platt offset b in p = 1 / (1 + exp(a·s + b)).</summary>
    [JsonPropertyName("b")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? B { get; init; }

    /// <summary>Isotonic thresholds: increasing raw scores.</summary>
    [JsonPropertyName("x")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? X { get; init; }

    /// <summary>Isotonic values: the calibrated probability at each threshold.</summary>
    [JsonPropertyName("y")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? Y { get; init; }

    /// <summary>Rebuilds the calibrator; throws <see cref="InvalidDataException"/> when the description is incomplete.</summary>
    public ICalibrator ToCalibrator() => Kind switch
    {
        PlattKind when A is { } a && B is { } b => new PlattCalibrator(a, b),
        PlattKind => throw new InvalidDataException("A 'platt' calibrator needs both 'a' and 'b'."),
        IsotonicKind when X is not null && Y is not null => new IsotonicCalibrator(X, Y),
        IsotonicKind => throw new InvalidDataException("An 'isotonic' calibrator needs both 'x' and 'y'."),
        _ => throw new InvalidDataException($"The calibrator kind '{Kind}' is unknown; expected '{PlattKind}' or '{IsotonicKind}'."),
    };
}
