namespace EarlyHelp.Analytics.Features.Building;

/// <summary>
/// Why a family gets no row at T. A family with several reasons is counted under the first in
/// this order, so that the counts add up to the number of families excluded.
/// </summary>
public enum ExclusionReason
{
    /// <summary>Nobody is a member of the family at T (it had not formed yet, or has dissolved).</summary>
    NoMembers,

    /// <summary>A member at T is on the opt-out register: the family is never processed.</summary>
    OptedOut,

    /// <summary>No member is aged 0 to 17 at T: early help is for families with dependent children.</summary>
    NoDependentChild,

    /// <summary>A child at T is already on a CIN plan, a CP plan or looked after: statutory services already know the family.</summary>
    AlreadyStatutory,
}

/// <summary>Codes and plain descriptions of <see cref="ExclusionReason"/> values.</summary>
public static class ExclusionReasons
{
    /// <summary>Every reason, in priority order.</summary>
    public static IReadOnlyList<ExclusionReason> All { get; } = Enum.GetValues<ExclusionReason>();

    /// <summary>A stable snake_case code, e.g. <c>already_statutory</c>.</summary>
    public static string Code(this ExclusionReason reason) => reason switch
    {
        ExclusionReason.NoMembers => "no_members",
        ExclusionReason.OptedOut => "opted_out",
        ExclusionReason.NoDependentChild => "no_dependent_child",
        ExclusionReason.AlreadyStatutory => "already_statutory",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown exclusion reason."),
    };

    /// <summary>A plain-language description for reports.</summary>
    public static string Describe(this ExclusionReason reason) => reason switch
    {
        ExclusionReason.NoMembers => "no members at the as-of date",
        ExclusionReason.OptedOut => "a member is on the opt-out register",
        ExclusionReason.NoDependentChild => "no dependent child (aged 0 to 17)",
        ExclusionReason.AlreadyStatutory => "a child is already on a plan or looked after",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown exclusion reason."),
    };
}
