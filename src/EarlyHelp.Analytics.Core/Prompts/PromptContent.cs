namespace EarlyHelp.Analytics.Core.Prompts;

/// <summary>What a prompt shows about its family, apart from its rank and score. Holds no hub id and no name.</summary>
/// <param name="Evidence">The contributing factors, raising and lowering, as dated plain-language facts.</param>
/// <param name="Trajectories">Monthly counts per headline problem.</param>
/// <param name="Agencies">Agencies currently involved.</param>
/// <param name="Freshness">Freshness of each source the evidence draws on.</param>
public sealed record PromptContent(
    IReadOnlyList<EvidenceItem> Evidence, IReadOnlyList<ProblemTrajectory> Trajectories,
    IReadOnlyList<AgencyInvolvement> Agencies, IReadOnlyList<SourceFreshness> Freshness)
{
    /// <summary>The most months a trajectory may hold (ten years).</summary>
    public const int MaximumTrajectoryMonths = 120;

    /// <summary>The longest agency or dataset name accepted.</summary>
    public const int MaximumNameLength = 200;

    /// <summary>
    /// The evidence grouped by problem, headline problems in their fixed order, statutory care after them and
    /// the facts about the family as a whole last; within a group, larger contributions first so that the panel
    /// reads what mattered most first.
    /// </summary>
    public IReadOnlyList<EvidenceGroup> EvidenceByProblem() =>
        Evidence.GroupBy(item => item.Category)
            .OrderBy(group => group.Key is null)
            .ThenBy(group => group.Key)
            .Select(group => new EvidenceGroup(group.Key,
                group.Where(item => item.Direction == EvidenceDirection.Raises).OrderByDescending(item => item.Contribution).ToArray(),
                group.Where(item => item.Direction == EvidenceDirection.Lowers).OrderBy(item => item.Contribution).ToArray()))
            .ToArray();

    /// <summary>Every problem with the content, one message each; empty when the content is valid.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var item in Evidence)
        {
            if (string.IsNullOrWhiteSpace(item.Text) || item.Text.Length > EvidenceItem.MaximumTextLength)
                yield return $"An evidence text must hold 1 to {EvidenceItem.MaximumTextLength} characters. Got {item.Text?.Length ?? 0} instead.";
            if (!double.IsFinite(item.Contribution) || item.Contribution == 0)
                yield return $"An evidence contribution must be a non-zero finite number. Got {item.Contribution} instead.";
        }
        foreach (var trajectory in Trajectories)
        {
            if (trajectory.Category == ProblemCategory.StatutoryCare)
                yield return "A trajectory must be of a headline problem. Got statutory care instead.";
            if (trajectory.MonthlyCounts.Count is 0 or > MaximumTrajectoryMonths)
                yield return $"A trajectory must hold 1 to {MaximumTrajectoryMonths} months. Got {trajectory.MonthlyCounts.Count} instead.";
            if (trajectory.MonthlyCounts.Any(count => count < 0))
                yield return $"A trajectory's monthly counts must not be negative. Got {trajectory.MonthlyCounts.Min()} instead.";
        }
        if (Trajectories.Select(t => t.Category).Distinct().Count() != Trajectories.Count)
            yield return "A prompt must hold at most one trajectory per problem.";
        var names = Agencies.SelectMany(a => new[] { a.Agency, a.Dataset }).Concat(Freshness.SelectMany(f => new[] { f.Agency, f.Dataset }));
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > MaximumNameLength)
                yield return $"An agency or dataset name must hold 1 to {MaximumNameLength} characters. Got {name?.Length ?? 0} instead.";
        }
    }
}
