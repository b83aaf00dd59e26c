namespace EarlyHelp.Analytics.Synthetic.Recording;

/// <summary>
/// The three school terms of an English school year with typical dates: autumn 4 September to
/// 20 December, spring 6 January to 28 March, summer 15 April to 22 July. Persistent absence is
/// recorded once per term, dated at the term's start, so that a record never precedes the month
/// that creates it.
/// </summary>
internal static class SchoolTerms
{
    /// <summary>The term starting in calendar month <paramref name="month"/> (1–12) of <paramref name="year"/>, if any.</summary>
    public static (DateOnly Start, DateOnly End)? StartingIn(int year, int month) => month switch
    {
        9 => (new DateOnly(year, 9, 4), new DateOnly(year, 12, 20)),
        1 => (new DateOnly(year, 1, 6), new DateOnly(year, 3, 28)),
        4 => (new DateOnly(year, 4, 15), new DateOnly(year, 7, 22)),
        _ => null,
    };
}
