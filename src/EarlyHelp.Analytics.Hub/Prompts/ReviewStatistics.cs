using EarlyHelp.Analytics.Core.Prompts;

namespace EarlyHelp.Analytics.Hub.Prompts;

/// <summary>Review outcomes of one group of prompts.</summary>
/// <param name="Group">The group's plain name.</param>
/// <param name="Prompts">Prompts in the group (not hidden).</param>
/// <param name="Reviewed">Prompts with at least one review.</param>
/// <param name="Outcomes">Reviewed prompts by the outcome of their latest review, in <see cref="ReviewOutcomes.All"/> order.</param>
public sealed record OutcomeBreakdown(string Group, int Prompts, int Reviewed, IReadOnlyList<int> Outcomes)
{
    /// <summary>Reviewed prompts whose latest outcome is <paramref name="outcome"/>.</summary>
    public int Count(ReviewOutcome outcome) => Outcomes[ReviewOutcomes.All.ToList().IndexOf(outcome)];

    /// <summary>The override rate: the share of reviewed prompts the panel decided needed no action; null before any review.</summary>
    public double? OverrideRate => Reviewed == 0 ? null : (double)Count(ReviewOutcome.NoActionNeeded) / Reviewed;

    /// <summary>
    /// Whether the group has too few reviews for its rate to be compared with others: below
    /// <see cref="ReviewStatistics.MinimumReviewsToCompare"/>, one decision moves the rate by more than ten points.
    /// </summary>
    public bool TooFewToCompare => Reviewed < ReviewStatistics.MinimumReviewsToCompare;
}

/// <summary>
/// How the panel's reviews came out, for information governance: the override rate, outcomes by group and the
/// time from a run to each prompt's first review. Groups are the risk band, and two family-level groups read from
/// the children's protected characteristics: their ethnic group, and whether any child has a disability. Sex is
/// left out on purpose: most families with two or more children have children of both sexes, so a family-level
/// group by sex would say little; the fairness audit compares sexes per child at the model level instead.
/// </summary>
/// <param name="Overall">All prompts.</param>
/// <param name="ByBand">By risk band, lowest first.</param>
/// <param name="ByChildrenEthnicity">By the ethnic group of the family's children.</param>
/// <param name="ByChildDisability">By whether a child of the family has a disability.</param>
/// <param name="MedianTimeToFirstReview">Median time from the run to a prompt's first review; null before any review.</param>
public sealed record ReviewStatistics(
    OutcomeBreakdown Overall, IReadOnlyList<OutcomeBreakdown> ByBand, IReadOnlyList<OutcomeBreakdown> ByChildrenEthnicity,
    IReadOnlyList<OutcomeBreakdown> ByChildDisability, TimeSpan? MedianTimeToFirstReview)
{
    /// <summary>Reviews a group needs before its rate is compared with others.</summary>
    public const int MinimumReviewsToCompare = 10;

    /// <summary>The group of a family whose children are of more than one ethnic group.</summary>
    public const string SeveralEthnicGroups = "Children of more than one ethnic group";

    /// <summary>The group of a family with no child's characteristic recorded.</summary>
    public const string NotRecorded = "Not recorded";

    /// <summary>The group of a family with a disabled child.</summary>
    public const string ChildWithDisability = "A child with a disability";

    /// <summary>The group of a family with no child recorded as disabled.</summary>
    public const string NoChildWithDisability = "No child recorded with a disability";

    /// <summary>Computes the statistics from one fact per prompt.</summary>
    public static ReviewStatistics Compute(IReadOnlyList<PromptReviewFacts> prompts)
    {
        var byBand = RiskBands.All.Select(band => Breakdown(band.PlainName(), prompts.Where(p => p.Band == band))).ToArray();
        var byEthnicity = prompts.GroupBy(p => p.ChildrenEthnicity)
            .OrderBy(g => EthnicityOrder(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Breakdown(g.Key, g)).ToArray();
        var byDisability = prompts.GroupBy(p => p.ChildDisability)
            .OrderBy(g => g.Key == ChildWithDisability ? 0 : g.Key == NoChildWithDisability ? 1 : 2)
            .Select(g => Breakdown(g.Key, g)).ToArray();
        var waits = prompts.Where(p => p.FirstReviewAt is not null).Select(p => p.FirstReviewAt!.Value - p.RunCreatedAt).Order().ToArray();
        TimeSpan? median = waits.Length == 0 ? null
            : waits.Length % 2 == 1 ? waits[waits.Length / 2]
            : waits[waits.Length / 2 - 1] + (waits[waits.Length / 2] - waits[waits.Length / 2 - 1]) / 2;
        return new ReviewStatistics(Breakdown("All prompts", prompts), byBand, byEthnicity, byDisability, median);
    }

    private static OutcomeBreakdown Breakdown(string group, IEnumerable<PromptReviewFacts> prompts)
    {
        var list = prompts.ToArray();
        var outcomes = ReviewOutcomes.All.Select(outcome => list.Count(p => p.LatestOutcome == outcome)).ToArray();
        return new OutcomeBreakdown(group, list.Length, list.Count(p => p.LatestOutcome is not null), outcomes);
    }

    private static int EthnicityOrder(string group) =>
        group == SeveralEthnicGroups ? 100 : group == NotRecorded ? 101 : ProtectedGroups.EthnicityOrder(group);
}

/// <summary>What the statistics need to know about one prompt.</summary>
/// <param name="Band">Its risk band.</param>
/// <param name="RunCreatedAt">When its run was stored.</param>
/// <param name="FirstReviewAt">When it was first reviewed, or null.</param>
/// <param name="LatestOutcome">Its latest review's outcome, or null.</param>
/// <param name="ChildrenEthnicity">The ethnic group of the family's children (see <see cref="ProtectedGroups"/>).</param>
/// <param name="ChildDisability">Whether a child has a disability (see <see cref="ProtectedGroups"/>).</param>
public sealed record PromptReviewFacts(
    RiskBand Band, DateTimeOffset RunCreatedAt, DateTimeOffset? FirstReviewAt, ReviewOutcome? LatestOutcome,
    string ChildrenEthnicity, string ChildDisability);
