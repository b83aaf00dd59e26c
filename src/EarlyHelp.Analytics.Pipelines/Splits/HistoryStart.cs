using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;

namespace EarlyHelp.Analytics.Pipelines.Splits;

/// <summary>
/// Where the hub's recorded history starts in earnest. The first record is not the answer: an extract
/// carries records still open when its history begins (a child in care for years, a claim running
/// since before), dated long before the agencies' steady recording starts.
/// </summary>
public static class HistoryStart
{
    /// <summary>
    /// The first day of the first month in which at least half as many records start as in the median
    /// month (from that of the first record to the extract's). Each person's records are counted once,
    /// however many families they belong to.
    /// </summary>
    public static DateOnly Of(HubHistory hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var counts = new SortedDictionary<int, long>();
        var seen = new HashSet<PersonId>();
        foreach (var family in hub.Families)
        {
            foreach (var member in family.Members)
            {
                if (!seen.Add(member.Person))
                    continue;
                foreach (var record in member.Events.Span)
                {
                    var month = YearMonth.Of(record.Start).Ordinal;
                    counts[month] = counts.GetValueOrDefault(month) + 1;
                }
            }
        }
        return FirstSteadyMonth(counts, YearMonth.Of(hub.ExtractDate).Ordinal);
    }

    /// <summary>
    /// The first day of the first month whose count reaches half the median monthly count, over every month
    /// from the first with a record to <paramref name="lastMonth"/> (months without records count as 0).
    /// </summary>
    /// <param name="recordsByMonth">Records starting in each month, keyed by <see cref="YearMonth.Ordinal"/>.</param>
    /// <param name="lastMonth">Ordinal of the extract's month.</param>
    public static DateOnly FirstSteadyMonth(IReadOnlyDictionary<int, long> recordsByMonth, int lastMonth)
    {
        ArgumentNullException.ThrowIfNull(recordsByMonth);
        if (recordsByMonth.Count == 0)
            return YearMonth.FromOrdinal(lastMonth).FirstDay;
        var first = recordsByMonth.Keys.Min();
        var months = Enumerable.Range(first, Math.Max(1, lastMonth - first + 1)).Select(m => recordsByMonth.GetValueOrDefault(m)).ToArray();
        var sorted = months.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2.0;
        var steady = Array.FindIndex(months, count => count >= median / 2);
        return YearMonth.FromOrdinal(first + steady).FirstDay;
    }
}
