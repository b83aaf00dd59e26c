using System.Globalization;

namespace EarlyHelp.Analytics.Synthetic.Deliveries;

/// <summary>The dates of a city's monthly deliveries and the folders they are written to.</summary>
public static class DeliverySchedule
{
    /// <summary>
    /// The extract dates of <paramref name="deliveries"/> monthly deliveries ending at <paramref name="extractDate"/>
    /// (the last day of a month): the last days of the months before it, oldest first.
    /// </summary>
    public static IReadOnlyList<DateOnly> Dates(DateOnly extractDate, int deliveries)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(deliveries, 1);
        var firstOfNextMonth = extractDate.AddDays(1);
        return Enumerable.Range(0, deliveries).Select(k => firstOfNextMonth.AddMonths(k - deliveries + 1).AddDays(-1)).ToArray();
    }

    /// <summary>The folder of the delivery dated <paramref name="date"/> under <paramref name="directory"/>: named by its date, <c>yyyy-MM-dd</c>.</summary>
    public static string Folder(string directory, DateOnly date) =>
        Path.Combine(directory, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
