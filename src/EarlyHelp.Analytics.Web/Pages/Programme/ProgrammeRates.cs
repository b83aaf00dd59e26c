using EarlyHelp.Analytics.Evaluation.Statistics;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Web.Pages.Governance;

namespace EarlyHelp.Analytics.Web.Pages.Programme;

/// <summary>How the programme view writes a group's counts and its share escalated, small numbers suppressed.</summary>
public static class ProgrammeRates
{
    /// <summary>Fewest followed-up prompts for a share to be read, as the review statistics' "too few to compare".</summary>
    public const int MinimumFollowedUp = 10;

    /// <summary>The normal quantile of a 95% interval.</summary>
    private const double Z95 = 1.959963984540054;

    /// <summary>The group in words.</summary>
    public static string Name(ProgrammeGroup group) => group switch
    {
        ProgrammeGroup.OfferedEarlyHelp => "Offered early help",
        ProgrammeGroup.NoActionNeeded => "Panel decided no action needed",
        ProgrammeGroup.AlreadySupported => "Already supported by a service",
        ProgrammeGroup.NotReviewed => "Not reviewed",
        _ => "Data looked wrong, or another outcome",
    };

    /// <summary>
    /// The share escalated with its 95% Wilson interval (Wilson 1927, as the fairness audit's rates); "too few to judge" under
    /// <see cref="MinimumFollowedUp"/> followed up; "not shown" when the escalated or the not-escalated count is from 1 to 4,
    /// since the share and the shown total would give a suppressed count back.
    /// </summary>
    public static string Share(ProgrammeGroupCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.FollowedUp < MinimumFollowedUp)
            return "too few to judge";
        if (SmallNumbers.IsSmall(counts.Escalated) || SmallNumbers.IsSmall(counts.FollowedUp - counts.Escalated))
            return SmallNumbers.Withheld;
        var interval = ConfidenceIntervals.Wilson(counts.Escalated, counts.FollowedUp, Z95);
        return $"{Display.Percent((double)counts.Escalated / counts.FollowedUp)} ({Display.Percent(interval.Lower)} to {Display.Percent(interval.Upper)})";
    }
}
