namespace EarlyHelp.Analytics.Core.Prompts;

/// <summary>Why a family was not scored.</summary>
public enum ExclusionReason
{
    /// <summary>A child of the family is already in statutory care (CIN plan, CP plan or looked after): the question is already answered.</summary>
    StatutoryAlready,

    /// <summary>A member of the family is on the opt-out register.</summary>
    OptedOut,

    /// <summary>The family has no dependent child on the as-of date.</summary>
    NoDependentChild,
}

/// <summary>Families excluded from a run, by reason.</summary>
/// <param name="StatutoryAlready">Excluded because a child is already in statutory care.</param>
/// <param name="OptedOut">Excluded because a member opted out.</param>
/// <param name="NoDependentChild">Excluded because there is no dependent child.</param>
public sealed record ExclusionCounts(long StatutoryAlready, long OptedOut, long NoDependentChild)
{
    /// <summary>No exclusions.</summary>
    public static ExclusionCounts None { get; } = new(0, 0, 0);

    /// <summary>Families excluded for any reason.</summary>
    public long Total => StatutoryAlready + OptedOut + NoDependentChild;

    /// <summary>The count for one reason.</summary>
    public long For(ExclusionReason reason) => reason switch
    {
        ExclusionReason.StatutoryAlready => StatutoryAlready,
        ExclusionReason.OptedOut => OptedOut,
        ExclusionReason.NoDependentChild => NoDependentChild,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown exclusion reason."),
    };

    /// <summary>Counts the reasons of a sequence of exclusions (one reason per excluded family).</summary>
    public static ExclusionCounts Of(IEnumerable<ExclusionReason> reasons)
    {
        long statutory = 0, optedOut = 0, noChild = 0;
        foreach (var reason in reasons)
        {
            _ = reason switch
            {
                ExclusionReason.StatutoryAlready => statutory++,
                ExclusionReason.OptedOut => optedOut++,
                ExclusionReason.NoDependentChild => noChild++,
                _ => throw new ArgumentOutOfRangeException(nameof(reasons), reason, "Unknown exclusion reason."),
            };
        }
        return new ExclusionCounts(statutory, optedOut, noChild);
    }

    /// <summary>A plain description of a reason, for run pages.</summary>
    public static string Describe(ExclusionReason reason) => reason switch
    {
        ExclusionReason.StatutoryAlready => "A child is already in statutory care",
        ExclusionReason.OptedOut => "A member is on the opt-out register",
        ExclusionReason.NoDependentChild => "No dependent child on the as-of date",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown exclusion reason."),
    };
}
