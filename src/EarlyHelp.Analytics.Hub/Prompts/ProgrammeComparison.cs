namespace EarlyHelp.Analytics.Hub.Prompts;

/// <summary>The rows of the programme view's comparison of prompted families with the comparison set.</summary>
public enum ComparisonRow
{
    /// <summary>Prompted families the panel offered early help.</summary>
    OfferedEarlyHelp,

    /// <summary>Every prompted family, whatever the panel decided.</summary>
    Prompted,

    /// <summary>The comparison set: families ranked just below the cut-off, not prompted.</summary>
    NotPrompted,

    /// <summary>The lower half of the prompts' ranks, the prompted families nearest the cut-off.</summary>
    PromptedNearCut,

    /// <summary>The upper half of the comparison set's ranks, the families not prompted nearest the cut-off.</summary>
    NotPromptedNearCut,
}

/// <summary>One family of a run that kept a comparison set, as the comparison counts it.</summary>
/// <param name="Prompted">Whether it was prompted (above the cut-off) rather than in the comparison set.</param>
/// <param name="Offered">Whether the panel's latest review offered early help (never for a family not prompted).</param>
/// <param name="NearCut">Whether its rank is in the half of its side nearest the cut-off (<see cref="ProgrammeComparison.IsNearCut"/>).</param>
/// <param name="FollowedUp">Whether the hub's records reach a full year past the run's as-of date.</param>
/// <param name="Escalated">Whether a child of the family escalated to statutory children's social care in that year.</param>
public sealed record ComparisonFact(bool Prompted, bool Offered, bool NearCut, bool FollowedUp, bool Escalated);

/// <summary>The counts of one row of the comparison.</summary>
/// <param name="Row">The row.</param>
/// <param name="Families">Families in it (a family in two runs counts twice).</param>
/// <param name="FollowedUp">Of them, those with a full year of records after the run's as-of date.</param>
/// <param name="Escalated">Of those followed up, those that escalated within the year.</param>
public sealed record ComparisonCounts(ComparisonRow Row, int Families, int FollowedUp, int Escalated);

/// <summary>
/// Prompted families against the comparison set, over the runs that kept one: the same outcome as the programme view's
/// groups, counted for the families offered early help, every prompted family, every comparison family, and the halves
/// of each side nearest the cut-off, which are the most alike of all.
/// </summary>
public static class ProgrammeComparison
{
    /// <summary>
    /// Whether rank <paramref name="rank"/> of a run of capacity <paramref name="capacity"/> is in the half nearest the cut:
    /// prompts ranked K − ⌊K/2⌋ + 1 to K, or comparison families ranked K + 1 to K + ⌊K/2⌋, the same number on each side
    /// (K = 25: ranks 14–25 against 26–37).
    /// </summary>
    public static bool IsNearCut(int rank, int capacity) =>
        rank <= capacity ? rank > capacity - capacity / 2 : rank <= capacity + capacity / 2;

    /// <summary>Counts the facts, a row per <see cref="ComparisonRow"/> in its order.</summary>
    public static IReadOnlyList<ComparisonCounts> Compute(IReadOnlyList<ComparisonFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Enum.GetValues<ComparisonRow>().Select(row =>
        {
            var inRow = facts.Where(f => row switch
            {
                ComparisonRow.OfferedEarlyHelp => f.Prompted && f.Offered,
                ComparisonRow.Prompted => f.Prompted,
                ComparisonRow.NotPrompted => !f.Prompted,
                ComparisonRow.PromptedNearCut => f.Prompted && f.NearCut,
                _ => !f.Prompted && f.NearCut,
            }).ToList();
            return new ComparisonCounts(row, inRow.Count, inRow.Count(f => f.FollowedUp), inRow.Count(f => f.FollowedUp && f.Escalated));
        }).ToList();
    }
}
