using System.Text;
using System.Text.Json.Serialization;
using EarlyHelp.Analytics.Evaluation.Fairness;

namespace EarlyHelp.Analytics.Pipelines.Fairness;

/// <summary>
/// A flagged disparity or group miscalibration, with the id a promotion note must quote to acknowledge it:
/// <c>[report/]dimension/group/metric</c> in lower case, each part's other characters turned into dashes
/// (e.g. <c>ethnicity/black/selection-rate</c>, <c>true-need/ethnicity/black/fpr</c>,
/// <c>calibration/area/north/observed-over-expected</c>).
/// </summary>
/// <param name="Id">The id.</param>
/// <param name="Report">Which audit: <c>fairness</c> (recorded escalation), <c>true_need</c> or <c>calibration</c>.</param>
/// <param name="Dimension">The group column or intersection.</param>
/// <param name="Group">The group.</param>
/// <param name="Metric">The metric key.</param>
/// <param name="Text">The finding in words.</param>
public sealed record FairnessFlag(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("report")] string Report,
    [property: JsonPropertyName("dimension")] string Dimension,
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("text")] string Text)
{
    /// <summary>The report name of the audit against recorded escalation.</summary>
    public const string EscalationReport = "fairness";

    /// <summary>The report name of the audit against true need.</summary>
    public const string TrueNeedReport = "true_need";

    /// <summary>The report name of the calibration audit's group flags.</summary>
    public const string CalibrationReport = "calibration";

    /// <summary>The flags of an audit report, from its findings.</summary>
    public static IReadOnlyList<FairnessFlag> From(FairnessReport report, string reportName)
    {
        ArgumentNullException.ThrowIfNull(report);
        return From(report.Findings, reportName);
    }

    /// <summary>The group flags of a calibration report (a group whose calibration in the large fails the gate's rules), from its findings.</summary>
    public static IReadOnlyList<FairnessFlag> From(Evaluation.Calibration.CalibrationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return From(report.Findings, CalibrationReport);
    }

    private static FairnessFlag[] From(IEnumerable<Finding> findings, string reportName)
    {
        var prefix = reportName == EscalationReport ? "" : Slug(reportName) + "/";
        return findings
            .Where(f => f.Severity == "flag" && f.Dimension is not null && f.Group is not null && f.Metric is not null)
            .Select(f => new FairnessFlag($"{prefix}{Slug(f.Dimension!)}/{Slug(f.Group!)}/{Slug(f.Metric!)}", reportName, f.Dimension!, f.Group!, f.Metric!, f.Text))
            .ToArray();
    }

    /// <summary>Lower case, letters and digits kept, every other run of characters one dash, none at the ends.</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var character in text.Replace("×", "x", StringComparison.Ordinal).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(character))
                slug.Append(character);
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }
        return slug.ToString().TrimEnd('-');
    }
}
