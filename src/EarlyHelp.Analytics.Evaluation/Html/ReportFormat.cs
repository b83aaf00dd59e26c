using System.Globalization;
using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Statistics;

namespace EarlyHelp.Analytics.Evaluation.Html;

/// <summary>How numbers appear in the HTML reports; anything undefined shows as a dash.</summary>
internal static class ReportFormat
{
    public const string Missing = "—";

    public static string Percent(double value) => double.IsFinite(value) ? value.ToString("0.0%", CultureInfo.InvariantCulture) : Missing;

    /// <summary>A confidence level as a whole percentage, e.g. "95%".</summary>
    public static string Level(double level) => level.ToString("0.#%", CultureInfo.InvariantCulture);

    public static string Number(double value, string format = "0.000") => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : Missing;

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string PercentWithInterval(double value, Interval interval) =>
        interval.IsDefined ? $"{Percent(value)} ({Percent(interval.Lower)}–{Percent(interval.Upper)})" : Percent(value);

    public static string NumberWithInterval(double value, Interval interval, string format = "0.000") =>
        interval.IsDefined ? $"{Number(value, format)} ({Number(interval.Lower, format)}–{Number(interval.Upper, format)})" : Number(value, format);

    /// <summary>A disparity cell: the ratio, its interval, and a marker for its status.</summary>
    public static string Disparity(Disparity disparity)
    {
        var ratio = disparity.RatioInterval.IsDefined
            ? NumberWithInterval(disparity.Ratio, disparity.RatioInterval, "0.00")
            : Number(disparity.Ratio, "0.00");
        return disparity.Status switch
        {
            DisparityStatus.Flag => $"{ratio} FLAG",
            DisparityStatus.SmallGroup => $"{ratio} small group",
            DisparityStatus.OutsideBand => $"{ratio} (chance?)",
            _ => ratio,
        };
    }

    public static string Severity(string severity) => severity switch
    {
        "flag" => "FLAG",
        "warning" => "WARNING",
        _ => "NOTE",
    };

    public static string Axis(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    // Two decimals at most, none when whole: an axis of small rates ticks at 0.5% steps, which whole percents would show as 1%, 1%, 2%, 2%.
    public static string AxisPercent(double value) => value.ToString("0.##%", CultureInfo.InvariantCulture);
}
