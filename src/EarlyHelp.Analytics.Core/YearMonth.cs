using System.Globalization;

namespace EarlyHelp.Analytics.Core;

/// <summary>A calendar month, written <c>YYYY-MM</c>: the precision the hub keeps for birth and death.</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    /// <summary>The month containing <paramref name="date"/>.</summary>
    public static YearMonth Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>Months since year 0, so that months can be subtracted and compared cheaply.</summary>
    public int Ordinal => Year * 12 + (Month - 1);

    /// <summary>The month <paramref name="ordinal"/> months after January of year 0.</summary>
    public static YearMonth FromOrdinal(int ordinal) => new(ordinal / 12, ordinal % 12 + 1);

    /// <summary>The first day of this month.</summary>
    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>The month <paramref name="months"/> later (or earlier when negative).</summary>
    public YearMonth AddMonths(int months) => FromOrdinal(Ordinal + months);

    /// <summary>Age in whole years on <paramref name="date"/> of someone born in this month.</summary>
    /// <remarks>Birth is known to the month only, so a birthday is taken to fall on the first of its month.</remarks>
    public int AgeOn(DateOnly date)
    {
        var age = date.Year - Year;
        return date.Month < Month ? age - 1 : age;
    }

    /// <summary>Parses <c>YYYY-MM</c>; returns false for anything else.</summary>
    public static bool TryParse(string? text, out YearMonth value)
    {
        value = default;
        if (text is null || text.Length != 7 || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        if (!int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)) return false;
        if (month is < 1 or > 12 || year < 1) return false;
        value = new YearMonth(year, month);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(YearMonth other) => Ordinal.CompareTo(other.Ordinal);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
