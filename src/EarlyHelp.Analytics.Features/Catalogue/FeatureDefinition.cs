using System.Globalization;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Features.Catalogue;

/// <summary>
/// One feature: its stable column name, a plain-language description template, its category, unit
/// and kind, and the dataset or headline problem it is about. The builders, the CSV header and the
/// documentation all come from these declarations.
/// </summary>
public sealed record FeatureDefinition
{
    /// <summary>The text in <see cref="Description"/> that a value replaces.</summary>
    public const string ValuePlaceholder = "{value}";

    /// <summary>Stable snake_case column name, e.g. <c>domestic_abuse_6m</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Plain-language template with <see cref="ValuePlaceholder"/>, e.g. "Domestic abuse: {value} records in the last 6 months".</summary>
    public required string Description { get; init; }

    /// <summary>Category code: a headline problem code, or one of <see cref="FeatureCategories"/>.</summary>
    public required string Category { get; init; }

    /// <summary>Unit of the value.</summary>
    public required FeatureUnit Unit { get; init; }

    /// <summary>What the feature measures.</summary>
    public required FeatureKind Kind { get; init; }

    /// <summary>The headline problem whose records are counted, or null.</summary>
    public ProblemCategory? Problem { get; init; }

    /// <summary>The dataset code whose records are counted, or null.</summary>
    public string? Dataset { get; init; }

    /// <summary>Length of the window in months for windowed kinds; 0 otherwise.</summary>
    public int Months { get; init; }

    /// <summary>
    /// The description with <paramref name="value"/> written in: counts as whole numbers, trends
    /// signed with two decimals, flags as "yes" or "no". Null for a missing (NaN) value, which
    /// describes nothing.
    /// </summary>
    public string? Describe(float value)
    {
        if (float.IsNaN(value))
            return null;
        var text = Unit switch
        {
            FeatureUnit.Flag => value != 0 ? "yes" : "no",
            FeatureUnit.RecordsPerMonth => value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture),
            _ when Kind == FeatureKind.Acceleration => value.ToString("+0;-0;0", CultureInfo.InvariantCulture),
            _ => value.ToString("0", CultureInfo.InvariantCulture),
        };
        // "1 record", "+1 record", "-1 record": a count of one reads in the singular.
        var template = text.TrimStart('+', '-') == "1" ? SingularAfterOne.Apply(Description, ValuePlaceholder) : Description;
        return template.Replace(ValuePlaceholder, text, StringComparison.Ordinal);
    }
}

/// <summary>Category codes of features that are not about one headline problem.</summary>
public static class FeatureCategories
{
    /// <summary>Who is in the family at T.</summary>
    public const string Composition = "composition";

    /// <summary>Records across all six headline problems: volume, trend, breadth.</summary>
    public const string Trajectory = "trajectory";

    /// <summary>Earlier early help and statutory involvement that has ended.</summary>
    public const string History = "history";
}
