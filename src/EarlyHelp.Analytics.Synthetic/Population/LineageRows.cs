using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Synthetic.Population;

/// <summary>Days are <see cref="DateOnly.DayNumber"/> values; this one marks a period or record that has not ended.</summary>
internal static class Days
{
    /// <summary>End day of a period still open.</summary>
    public const int Open = int.MaxValue;

    /// <summary>End day of a record that has no end (a single-day event).</summary>
    public const int None = -1;

    /// <summary>Day number of the first day of the month with ordinal <paramref name="month"/>.</summary>
    public static int FirstOf(int month) => YearMonth.FromOrdinal(month).FirstDay.DayNumber;

    /// <summary>Number of days in the month with ordinal <paramref name="month"/>.</summary>
    public static int InMonth(int month)
    {
        var yearMonth = YearMonth.FromOrdinal(month);
        return DateTime.DaysInMonth(yearMonth.Year, yearMonth.Month);
    }

    /// <summary>Month ordinal of a day number.</summary>
    public static int MonthOf(int day) => YearMonth.Of(DateOnly.FromDayNumber(day)).Ordinal;
}

/// <summary>A residence period: person and household are indices within the lineage.</summary>
/// <param name="Person">Lineage index of the person.</param>
/// <param name="Household">Lineage index of the household.</param>
/// <param name="Start">First day.</param>
/// <param name="End">Day they left, or <see cref="Days.Open"/>.</param>
internal record struct ResidenceRow(int Person, int Household, int Start, int End);

/// <summary>A family membership period, with indices within the lineage.</summary>
/// <param name="Family">Lineage index of the family.</param>
/// <param name="Person">Lineage index of the person.</param>
/// <param name="Role">Role in the family.</param>
/// <param name="Start">First day.</param>
/// <param name="End">Day membership ended, or <see cref="Days.Open"/>.</param>
internal record struct MembershipRow(int Family, int Person, FamilyRole Role, int Start, int End);

/// <summary>One agency record, as simulated.</summary>
/// <param name="Dataset">Index into <see cref="DatasetCatalogue.All"/>.</param>
/// <param name="Person">Lineage index of the person it is about.</param>
/// <param name="Household">Lineage index of the household they lived in when it was recorded (for the postcode).</param>
/// <param name="Sequence">Number of the record among the lineage's records of this dataset.</param>
/// <param name="Start">Start day.</param>
/// <param name="End">End day, <see cref="Days.Open"/> while open, or <see cref="Days.None"/> for datasets without an end.</param>
/// <param name="Value">The record's value, or NaN when the dataset has none.</param>
internal record struct EventRow(byte Dataset, int Person, int Household, int Sequence, int Start, int End, float Value);

/// <summary>A family's true need in one month: a severity from 0 (none) to 3 per headline problem.</summary>
/// <param name="Family">Lineage index of the family.</param>
/// <param name="Month">Month ordinal.</param>
/// <param name="Levels">Severity per headline problem, in <see cref="ProblemCategories.Headline"/> order.</param>
internal record struct NeedRow(int Family, int Month, NeedLevels Levels);

/// <summary>Six severities from 0 to 3, in <see cref="ProblemCategories.Headline"/> order.</summary>
[System.Runtime.CompilerServices.InlineArray(6)]
internal struct NeedLevels
{
    private byte first;
}
