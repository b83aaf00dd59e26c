namespace EarlyHelp.Analytics.Evaluation.Tests.Support;

/// <summary>Audits of populations in which nothing differs, one seed each, and how many of them may flag by chance.</summary>
internal static class NullRuns
{
    /// <summary>Seeds 1 to 40: one report each.</summary>
    public const int Reports = 40;

    /// <summary>
    /// At a 5% chance per report, 40 reports flag 2 on average and 7 or more with probability 0.003 (binomial,
    /// n = 40, p = 0.05): more than 6 means the control does not hold.
    /// </summary>
    public const int MostFlagged = 6;

    /// <summary>How many of the <see cref="Reports"/> seeds give a report that <paramref name="flags"/>.</summary>
    public static int Count(Func<int, bool> flags) => Enumerable.Range(1, Reports).Count(flags);
}
