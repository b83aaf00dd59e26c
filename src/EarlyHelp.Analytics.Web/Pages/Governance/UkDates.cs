using System.Globalization;

namespace EarlyHelp.Analytics.Web.Pages.Governance;

/// <summary>Dates as UK users type them: day, month, year (<c>2/4/2026</c> or <c>02/04/2026</c>); ISO is read too, for links and bookmarks.</summary>
public static class UkDates
{
    private static readonly string[] Formats = ["d/M/yyyy", "yyyy-MM-dd"];

    /// <summary>The day typed, or null when the text is empty or not a date in either form.</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>A day as the filter shows it and links carry it: <c>02/04/2026</c>.</summary>
    public static string Format(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
