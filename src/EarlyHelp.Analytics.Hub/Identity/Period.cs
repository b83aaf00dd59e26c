namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>
/// A dated period as the hub stores residence and membership: from <paramref name="Start"/> until
/// <paramref name="End"/>, the day it ended (null while it lasts). A day D lies inside when
/// <c>Start ≤ D</c> and the end is empty or after D, the rule every hub reader applies.
/// </summary>
/// <param name="Start">First day.</param>
/// <param name="End">Day it ended, or null when still open.</param>
public readonly record struct Period(DateOnly Start, DateOnly? End)
{
    /// <summary>Whether the period has no day in it (it ended on or before the day it started).</summary>
    public bool IsEmpty => End is { } end && end <= Start;

    /// <summary>The days both periods share (possibly empty).</summary>
    public Period Intersect(Period other)
    {
        var start = Start > other.Start ? Start : other.Start;
        DateOnly? end = (End, other.End) switch
        {
            (null, var right) => right,
            (var left, null) => left,
            ({ } left, { } right) => left < right ? left : right,
        };
        return new Period(start, end);
    }

    /// <summary>Whether the two periods share a day or meet end to start, so that they join into one.</summary>
    public bool Touches(Period other) =>
        (End is null || End >= other.Start) && (other.End is null || other.End >= Start);

    /// <summary>The smallest period covering both.</summary>
    public Period Union(Period other) =>
        new(Start < other.Start ? Start : other.Start, End is null || other.End is null ? null : (End > other.End ? End : other.End));

    /// <summary>Joins touching periods into the fewest periods covering the same days, in start order.</summary>
    public static IReadOnlyList<Period> Merge(IEnumerable<Period> periods)
    {
        var merged = new List<Period>();
        foreach (var period in periods.Where(period => !period.IsEmpty).OrderBy(period => period.Start))
        {
            if (merged.Count > 0 && merged[^1].Touches(period))
                merged[^1] = merged[^1].Union(period);
            else
                merged.Add(period);
        }
        return merged;
    }

    /// <summary>The days of this period that none of <paramref name="removed"/> covers, in start order.</summary>
    public IReadOnlyList<Period> Except(IEnumerable<Period> removed)
    {
        var left = new List<Period>();
        var from = Start;
        foreach (var cut in Merge(removed.Select(Intersect)))
        {
            if (cut.Start > from)
                left.Add(new Period(from, cut.Start));
            if (cut.End is not { } end)
                return left;
            if (end > from)
                from = end;
        }
        var rest = new Period(from, End);
        if (!rest.IsEmpty)
            left.Add(rest);
        return left;
    }
}
