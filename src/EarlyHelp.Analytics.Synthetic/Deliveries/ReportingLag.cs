using EarlyHelp.Analytics.Synthetic.Randomness;

namespace EarlyHelp.Analytics.Synthetic.Deliveries;

/// <summary>
/// How long after its own date an agency enters a record in its system: most records within the agency's usual
/// recording cycle (uniform over 0 to <paramref name="UsualDays"/>), a share <paramref name="LateShare"/> later still
/// (the usual cycle plus an exponential delay of mean <paramref name="LateMeanDays"/>, at most a year), as backlogs,
/// audits and corrections add records long after the event.
/// </summary>
/// <param name="UsualDays">The longest delay of a record entered within the usual cycle, in days (0: the same day).</param>
/// <param name="LateShare">The share of records entered late, 0 to 1.</param>
/// <param name="LateMeanDays">The mean extra delay of a late record, in days.</param>
public sealed record ReportingLag(int UsualDays, double LateShare, int LateMeanDays)
{
    /// <summary>The longest delay drawn: a record a year overdue is rare enough to leave out.</summary>
    public const int MaximumDays = 365;

    /// <summary>
    /// The mean delay in days: the usual cycle's mean plus the late share times the mean of a floored exponential,
    /// 1 / (e^(1/mean) − 1) (the cap at a year ignored: it moves the mean by well under a day).
    /// </summary>
    public double MeanDays => UsualDays / 2.0 + LateShare / (Math.Exp(1.0 / LateMeanDays) - 1);

    /// <summary>Draws a delay in days from <paramref name="random"/>.</summary>
    internal int Draw(RandomStream random)
    {
        var usual = random.NextInt(UsualDays + 1);
        if (!random.Chance(LateShare))
            return usual;
        // Inverse transform of the exponential; 1 − u lies in (0, 1], so the logarithm is finite.
        var extra = -LateMeanDays * Math.Log(1 - random.NextDouble());
        return (int)Math.Min(MaximumDays, usual + Math.Floor(extra));
    }
}
