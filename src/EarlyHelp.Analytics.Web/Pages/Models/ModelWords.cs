using System.Globalization;
using EarlyHelp.Analytics.Evaluation.Statistics;
using EarlyHelp.Analytics.Hub.Models;

namespace EarlyHelp.Analytics.Web.Pages.Models;

/// <summary>How the model pages write statuses, metrics and rates.</summary>
public static class ModelWords
{
    /// <summary>A status in words.</summary>
    public static string Status(ModelStatus status) => status switch
    {
        ModelStatus.Champion => "Champion (used for scoring)",
        ModelStatus.Retired => "Retired",
        _ => "Candidate",
    };

    /// <summary>A headline metric to three places, or a dash when the run did not record it.</summary>
    public static string Metric(IReadOnlyDictionary<string, double> metrics, string name) =>
        metrics.TryGetValue(name, out var value) && double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "—";

    /// <summary>A rate with its interval as whole-number percentages, e.g. "12% (8% to 17%)"; "not defined" over no families.</summary>
    public static string Rate(double value, Interval interval) =>
        !double.IsFinite(value) ? "not defined"
        : double.IsNaN(interval.Lower) ? Display.Percent(value)
        : $"{Display.Percent(value)} ({Display.Percent(interval.Lower)} to {Display.Percent(interval.Upper)})";

    /// <summary>A value with its 95% interval in one format, e.g. "0.781 (0.752 to 0.809)"; "not defined" for no value.</summary>
    public static string Estimate(double value, Interval interval, string format) =>
        !double.IsFinite(value) ? "not defined"
        : !interval.IsDefined ? value.ToString(format, CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{value.ToString(format, CultureInfo.InvariantCulture)} ({interval.Lower.ToString(format, CultureInfo.InvariantCulture)} to {interval.Upper.ToString(format, CultureInfo.InvariantCulture)})");

    /// <summary>A stability index to three places, or "not defined".</summary>
    public static string Index(double index) => double.IsFinite(index) ? index.ToString("0.000", CultureInfo.InvariantCulture) : "not defined";
}
