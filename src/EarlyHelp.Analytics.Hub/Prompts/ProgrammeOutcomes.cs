using EarlyHelp.Analytics.Core.Prompts;

namespace EarlyHelp.Analytics.Hub.Prompts;

/// <summary>The groups the programme view compares: what the panel's latest review of a prompt decided.</summary>
public enum ProgrammeGroup
{
    /// <summary>The panel offered early help.</summary>
    OfferedEarlyHelp,

    /// <summary>The panel decided no action was needed.</summary>
    NoActionNeeded,

    /// <summary>The family was already supported by a service.</summary>
    AlreadySupported,

    /// <summary>Nobody has reviewed the prompt.</summary>
    NotReviewed,

    /// <summary>The data looked wrong, or another outcome.</summary>
    OtherOutcome,
}

/// <summary>One prompt as the programme view counts it.</summary>
/// <param name="Group">What the panel's latest review decided.</param>
/// <param name="Steps">The "what happened next" steps recorded for it.</param>
/// <param name="FollowedUp">Whether the hub's records reach a full year past the run's as-of date.</param>
/// <param name="Escalated">Whether a child of the family started a Child in Need or Child Protection plan or became looked after in that year.</param>
public sealed record ProgrammeFact(ProgrammeGroup Group, IReadOnlySet<NextStep> Steps, bool FollowedUp, bool Escalated);

/// <summary>The counts of one group.</summary>
/// <param name="Group">The group.</param>
/// <param name="Prompts">Prompts in it (a family prompted in two runs counts twice).</param>
/// <param name="FollowedUp">Of them, those with a full year of records after the run's as-of date.</param>
/// <param name="Escalated">Of those followed up, those that escalated to statutory children's social care within the year.</param>
public sealed record ProgrammeGroupCounts(ProgrammeGroup Group, int Prompts, int FollowedUp, int Escalated);

/// <summary>
/// What happened to prompted families: per group, how many escalated to statutory children's social care within a year of
/// the run, the outcome the model predicts, as the training label counts it (a child's CIN or CP plan or looked-after
/// episode starting after the as-of date and at most 12 months later; a prompt without a full year of records is not
/// followed up yet); and for families offered early help, how many reached each step.
/// </summary>
/// <param name="Groups">Every group, in <see cref="ProgrammeGroup"/> order.</param>
/// <param name="StepsOffered">Prompts offered early help with each step recorded, in <see cref="NextSteps.All"/> order.</param>
/// <param name="KnownUntil">The newest date the hub's records reach (its newest extract), or null when it holds none.</param>
public sealed record ProgrammeOutcomes(IReadOnlyList<ProgrammeGroupCounts> Groups, IReadOnlyList<(NextStep Step, int Prompts)> StepsOffered, DateOnly? KnownUntil)
{
    /// <summary>Prompted families against the comparison set, over the runs that kept one; empty rows when none did.</summary>
    public IReadOnlyList<ComparisonCounts> Comparison { get; init; } = ProgrammeComparison.Compute([]);

    /// <summary>The months after the as-of date within which an escalation counts, as the model's label.</summary>
    public const int HorizonMonths = 12;

    /// <summary>Counts the facts.</summary>
    public static ProgrammeOutcomes Compute(IReadOnlyList<ProgrammeFact> facts, DateOnly? knownUntil)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var groups = Enum.GetValues<ProgrammeGroup>().Select(group =>
        {
            var inGroup = facts.Where(f => f.Group == group).ToList();
            return new ProgrammeGroupCounts(group, inGroup.Count, inGroup.Count(f => f.FollowedUp), inGroup.Count(f => f.FollowedUp && f.Escalated));
        }).ToList();
        var offered = facts.Where(f => f.Group == ProgrammeGroup.OfferedEarlyHelp).ToList();
        return new ProgrammeOutcomes(groups, [.. NextSteps.All.Select(step => (step, offered.Count(f => f.Steps.Contains(step))))], knownUntil);
    }

    /// <summary>The group of a prompt whose latest review has <paramref name="latest"/> (null: not reviewed).</summary>
    public static ProgrammeGroup GroupOf(ReviewOutcome? latest) => latest switch
    {
        null => ProgrammeGroup.NotReviewed,
        ReviewOutcome.OfferEarlyHelp => ProgrammeGroup.OfferedEarlyHelp,
        ReviewOutcome.NoActionNeeded => ProgrammeGroup.NoActionNeeded,
        ReviewOutcome.AlreadySupported => ProgrammeGroup.AlreadySupported,
        _ => ProgrammeGroup.OtherOutcome,
    };
}
