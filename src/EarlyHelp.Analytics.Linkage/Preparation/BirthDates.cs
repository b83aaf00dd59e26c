namespace EarlyHelp.Analytics.Linkage;

/// <summary>Dates of birth as yyyymmdd integers, with placeholder dates treated as missing.</summary>
internal static class BirthDates
{
    /// <summary>
    /// Years up to 1900 are placeholders (01/01/1900 is the usual "unknown" in UK case-management systems,
    /// and nobody born then appears in current records); such dates, like absent ones, give -1.
    /// </summary>
    public static int Encode(DateOnly? date) =>
        date is { } d && d.Year > 1900 ? d.Year * 10000 + d.Month * 100 + d.Day : -1;

    /// <summary>A bound of a range of dates of birth as yyyymmdd, with no placeholder rule (<see cref="DateOnly.MinValue"/> is 00010101).</summary>
    public static int EncodeBound(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    /// <summary>The year of an encoded date.</summary>
    public static int Year(int encoded) => encoded / 10000;

    /// <summary>The month of an encoded date.</summary>
    public static int Month(int encoded) => encoded / 100 % 100;

    /// <summary>The day of an encoded date.</summary>
    public static int Day(int encoded) => encoded % 100;
}
