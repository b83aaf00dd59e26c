using System.Text.Json.Serialization;

namespace EarlyHelp.Analytics.Evaluation.Statistics;

/// <summary>A two-sided confidence interval; both ends NaN when it cannot be computed.</summary>
/// <param name="Lower">Lower end.</param>
/// <param name="Upper">Upper end.</param>
public readonly record struct Interval(
    [property: JsonPropertyName("lower")] double Lower,
    [property: JsonPropertyName("upper")] double Upper)
{
    /// <summary>The interval that could not be computed.</summary>
    public static Interval Undefined => new(double.NaN, double.NaN);

    /// <summary>Whether both ends are numbers.</summary>
    [JsonIgnore]
    public bool IsDefined => !double.IsNaN(Lower) && !double.IsNaN(Upper);

    /// <summary>Whether the interval is defined and lies wholly on one side of <paramref name="value"/>.</summary>
    public bool Excludes(double value) => IsDefined && (Upper < value || Lower > value);
}
