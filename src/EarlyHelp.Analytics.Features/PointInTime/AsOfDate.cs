using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;

namespace EarlyHelp.Analytics.Features.PointInTime;

/// <summary>
/// The point-in-time rules, all in one place. Scoring at as-of date T runs at the start of day T,
/// so only what is dated strictly before T is known:
/// <list type="bullet">
/// <item>a record is known at T when it starts before T; a record dated on T is not; a record that a later load
/// first brought (<see cref="HistoryEvent.LoadedOn"/>) is known only when that load's extract date is before T;</item>
/// <item>a record contributes at T when it is known and started no more than its dataset's
/// retention period before T (start ≥ T − <see cref="DatasetDefinition.RetentionMonths"/> months), or its
/// dataset's look-back cap when one is set and shorter (<see cref="LookBackCaps"/>);</item>
/// <item>an end date is known only when it is before T, so a known record whose end is missing or
/// on or after T is open at T, and one whose end is before T has ended;</item>
/// <item>a membership or residence is in force at T on the same terms: it started before T and
/// has not ended before T;</item>
/// <item>a person has died before T only when their month of death is before T's month (death is
/// kept to the month);</item>
/// <item>the window "last k months" is [T − k months, T), and a record's month offset is the k for
/// which it falls in [T − (k + 1) months, T − k months): offset 0 is the last month.</item>
/// </list>
/// </summary>
public sealed class AsOfDate
{
    /// <summary>How far back month offsets are tabulated; older records use the slower calendar arithmetic.</summary>
    private const int TabulatedMonths = 120;

    private readonly int[] retentionCutoffDays;
    private readonly int[] monthOffsetByDaysBefore;

    /// <summary>The rules at <paramref name="date"/>, with each dataset's look-back capped by <paramref name="caps"/> (default none).</summary>
    public AsOfDate(DateOnly date, LookBackCaps? caps = null)
    {
        Date = date;
        Day = date.DayNumber;
        Caps = caps ?? LookBackCaps.None;
        retentionCutoffDays = Enumerable.Range(0, DatasetIndex.Count).Select(d => date.AddMonths(-Caps.ReachOf(d)).DayNumber).ToArray();
        monthOffsetByDaysBefore = new int[Day - date.AddMonths(-TabulatedMonths).DayNumber + 1];
        for (var month = 0; month < TabulatedMonths; month++)
        {
            for (var day = date.AddMonths(-(month + 1)).DayNumber; day < date.AddMonths(-month).DayNumber; day++)
                monthOffsetByDaysBefore[Day - day] = month;
        }
    }

    /// <summary>The as-of date T.</summary>
    public DateOnly Date { get; }

    /// <summary>The look-back caps in force.</summary>
    public LookBackCaps Caps { get; }

    /// <summary>T as a day number.</summary>
    internal int Day { get; }

    /// <summary>True when something dated <paramref name="date"/> is known at T (it is before T).</summary>
    public bool IsKnown(DateOnly date) => date.DayNumber < Day;

    /// <summary>True when a day number is before T.</summary>
    internal bool IsKnownDay(int day) => day < Day;

    /// <summary>The earliest start date of a record of <paramref name="dataset"/> that may still be used at T (retention or cap).</summary>
    public DateOnly RetentionCutoff(int dataset) => DateOnly.FromDayNumber(retentionCutoffDays[dataset]);

    /// <summary>
    /// True when the record was known at T — it starts before T and, when a later load first brought it, that load's
    /// extract date is before T — and is still within its dataset's retention period or look-back cap.
    /// </summary>
    public bool Contributes(in HistoryEvent record) =>
        record.KnownDay < Day && record.StartDay >= retentionCutoffDays[record.Dataset];

    /// <summary>True when a contributing record of a dataset with durations has no end known before T.</summary>
    public bool IsOpen(in HistoryEvent record) =>
        DatasetIndex.HasDuration(record.Dataset) && record.EndDay >= Day && Contributes(record);

    /// <summary>True when a contributing record has an end before T.</summary>
    public bool HasEnded(in HistoryEvent record) => record.EndDay < Day && Contributes(record);

    /// <summary>True when a period (a membership, a residence) started before T and has not ended before T.</summary>
    public bool InForce(DateOnly start, DateOnly? end) => start.DayNumber < Day && (end is null || end.Value.DayNumber >= Day);

    /// <summary>True unless the person's death is known before T.</summary>
    public bool IsAlive(YearMonth? deathMonth) => deathMonth is null || deathMonth.Value.CompareTo(YearMonth.Of(Date)) >= 0;

    /// <summary>The start of the window "last <paramref name="months"/> months": T − months.</summary>
    public DateOnly MonthsEarlier(int months) => Date.AddMonths(-months);

    /// <summary>The month offset of a date before T: 0 when it is in the last month, 1 in the month before, and so on.</summary>
    public int MonthOffset(DateOnly date)
    {
        if (!IsKnown(date))
            throw new ArgumentOutOfRangeException(nameof(date), date, "Only a date before the as-of date has a month offset.");
        return MonthOffset(date.DayNumber);
    }

    /// <summary>The month offset of a day number before T.</summary>
    internal int MonthOffset(int day)
    {
        var daysBefore = Day - day;
        if (daysBefore < monthOffsetByDaysBefore.Length)
            return monthOffsetByDaysBefore[daysBefore];
        // Past the table: the date lies in the calendar month `months` before T's month; it is in
        // offset months − 1 unless it falls before T's day of the month in that month.
        var date = DateOnly.FromDayNumber(day);
        var months = Date.Year * 12 + Date.Month - (date.Year * 12 + date.Month);
        return months - 1 + (day < Date.AddMonths(-months).DayNumber ? 1 : 0);
    }
}
