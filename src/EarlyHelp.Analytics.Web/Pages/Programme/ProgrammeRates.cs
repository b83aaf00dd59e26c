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
        return Share(counts.FollowedUp, counts.Escalated);
    }

    /// <summary>The share escalated of a row of the comparison with the families not prompted, as <see cref="Share(ProgrammeGroupCounts)"/>.</summary>
    public static string Share(ComparisonCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return Share(counts.FollowedUp, counts.Escalated);
    }

    /// <summary>The comparison's row in words.</summary>
    public static string Name(ComparisonRow row) => row switch
    {
        ComparisonRow.OfferedEarlyHelp => "Prompted and offered early help",
        ComparisonRow.Prompted => "All prompted families",
        ComparisonRow.NotPrompted => "Comparison families: ranked just below the cut-off, not prompted",
        ComparisonRow.PromptedNearCut => "Prompted, the half ranked nearest the cut-off",
        _ => "Not prompted, the half ranked nearest the cut-off",
    };

    private static string Share(int followedUp, int escalated)
    {
        if (followedUp < MinimumFollowedUp)
            return "too few to judge";
        if (SmallNumbers.IsSmall(escalated) || SmallNumbers.IsSmall(followedUp - escalated))
            return SmallNumbers.Withheld;
        var interval = ConfidenceIntervals.Wilson(escalated, followedUp, Z95);
        return $"{Display.Percent((double)escalated / followedUp)} ({Display.Percent(interval.Lower)} to {Display.Percent(interval.Upper)})";
    }
}
