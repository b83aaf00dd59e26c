namespace EarlyHelp.Analytics.Linkage;

/// <summary>Dates of birth: exact, day and month transposed, one of day, month or year differs, the same year only, else.</summary>
internal sealed class BirthDateComparison : Comparison
{
    /// <summary>The "else" level: the dates conflict outright.</summary>
    public const int Conflict = 4;

    public override string Name => "birth_date";

    public override IReadOnlyList<string> Labels { get; } =
        ["exact", "day and month transposed", "one of day, month, year differs", "same year only", "else"];

    public override int Level(PreparedRecords data, int i, int j) => Compare(data.BirthDate[i], data.BirthDate[j]);

    /// <summary>The level of two encoded dates (yyyymmdd, -1 missing).</summary>
    public static int Compare(int a, int b)
    {
        if (a < 0 || b < 0)
            return -1;
        if (a == b)
            return 0;
        int ya = BirthDates.Year(a), ma = BirthDates.Month(a), da = BirthDates.Day(a);
        int yb = BirthDates.Year(b), mb = BirthDates.Month(b), db = BirthDates.Day(b);
        if (ya == yb && ma == db && da == mb)
            return 1;
        var agreeing = (ya == yb ? 1 : 0) + (ma == mb ? 1 : 0) + (da == db ? 1 : 0);
        if (agreeing == 2)
            return 2;
        return ya == yb ? 3 : Conflict;
    }

    public override int Present(PreparedRecords data) => CountPresent(data.BirthDate);
}
