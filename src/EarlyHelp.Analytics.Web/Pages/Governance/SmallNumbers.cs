using System.Globalization;

namespace EarlyHelp.Analytics.Web.Pages.Governance;

/// <summary>
/// Small-number suppression for the review statistics: a count of 1 to 4 could point to a family, so it is shown as
/// "fewer than 5" (the threshold NHS England's and many councils' disclosure rules use for published counts). Zero is
/// shown: it says no family of the group had that outcome, which names nobody.
/// </summary>
public static class SmallNumbers
{
    /// <summary>The smallest count shown as a number (besides zero).</summary>
    public const int Threshold = 5;

    /// <summary>What a suppressed cell says.</summary>
    public const string Suppressed = "fewer than 5";

    /// <summary>What a cell hidden only to protect a small one in its row says: it is not itself small, so it must not read "fewer than 5".</summary>
    public const string Withheld = "not shown";

    /// <summary>Whether <paramref name="count"/> is shown only as <see cref="Suppressed"/>.</summary>
    public static bool IsSmall(int count) => count is > 0 and < Threshold;

    /// <summary>One count as shown.</summary>
    public static string Cell(int count) => IsSmall(count) ? Suppressed : count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// The cells of one row whose total is shown: small cells suppressed, and when exactly one is, the next smallest
    /// non-zero cell withheld too (secondary suppression), since the total minus the shown cells would give the hidden one back.
    /// </summary>
    public static IReadOnlyList<string> Row(IReadOnlyList<int> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var shown = cells.Select(Cell).ToArray();
        if (cells.Count(IsSmall) == 1)
        {
            var next = Enumerable.Range(0, cells.Count).Where(i => cells[i] >= Threshold).OrderBy(i => cells[i]).Cast<int?>().FirstOrDefault();
            if (next is { } index)
                shown[index] = Withheld;
        }
        return shown;
    }
}
