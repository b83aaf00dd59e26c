using System.Globalization;
using EarlyHelp.Analytics.Core.Prompts;

namespace EarlyHelp.Analytics.Web;

/// <summary>How dates, times and numbers read on the pages: UK style, times in UK local time.</summary>
public static class Display
{
    private static readonly TimeZoneInfo UkTime = FindUkTime();

    /// <summary>A date, e.g. "12 Feb 2024".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A date or a dash.</summary>
    public static string Date(DateOnly? date) => date is { } value ? Date(value) : "—";

    /// <summary>A moment's UK local date and time (GMT or BST), for rules about working hours.</summary>
    public static DateTime UkLocal(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, UkTime).DateTime;

    /// <summary>A moment in UK local time, e.g. "12 Feb 2024 14:05".</summary>
    public static string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, UkTime).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A probability as a whole percentage, e.g. "31%".</summary>
    public static string Percent(double probability) => probability.ToString("0%", CultureInfo.InvariantCulture);

    /// <summary>A probability read as a frequency, e.g. "about 31 in 100".</summary>
    public static string Frequency(double probability) =>
        string.Create(CultureInfo.InvariantCulture, $"about {Math.Round(probability * 100):0} in 100");

    /// <summary>A count with thousands separators.</summary>
    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A duration in days and hours, e.g. "2 days 3 hours".</summary>
    public static string Duration(TimeSpan span)
    {
        var hours = (int)Math.Round(span.TotalHours);
        var (days, rest) = (hours / 24, hours % 24);
        string Unit(int value, string unit) => string.Create(CultureInfo.InvariantCulture, $"{value} {unit}{(value == 1 ? "" : "s")}");
        return days == 0 ? Unit(rest, "hour") : rest == 0 ? Unit(days, "day") : $"{Unit(days, "day")} {Unit(rest, "hour")}";
    }

    /// <summary>The CSS class of a band's tag.</summary>
    public static string BandClass(RiskBand band) => $"band band-{band.Code()}";

    private static TimeZoneInfo FindUkTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
