using System.Globalization;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Prompts;

public sealed partial class PromptStore
{
    // The first statutory-care record of a child (a member in the child role on the run's as-of date, as stored with the
    // family row and as the label counts them) after T: CIN and CP plans and looked-after episodes, the outcome datasets. One
    // join grouped by family row rather than a subquery per row, so that SQLite, which keeps no index on event.person_id,
    // builds its transient index once for the statement (as the context capture's query does). The family rows are aliased
    // x: prompts or comparison families; the children argument joins their stored children as m.
    private static string EscalationJoins(string children) => $"""
        JOIN scoring_run r ON r.run_id = x.run_id
        {children}
        LEFT JOIN event e ON e.person_id = m.person_id AND e.start_date > r.as_of
            AND e.dataset IN (SELECT code FROM dataset WHERE category = 'statutory_care')
        """;

    /// <summary>
    /// What happened to the prompts of every scoring run that was not a trial, hidden prompts left out (an opt-out removes a
    /// family from every view), and, over the runs that kept a comparison set, to the prompted families against the families
    /// ranked just below the cut-off. The hub's records reach its newest extract date (or, for a hub loaded without
    /// extracts, its newest record).
    /// </summary>
    public ProgrammeOutcomes Programme()
    {
        var known = connection.Scalar(null, "SELECT COALESCE((SELECT MAX(extract_date) FROM ingest_run), (SELECT MAX(start_date) FROM event))") is string text
            ? HubQueries.ParseDate(text) : (DateOnly?)null;
        var steps = new Dictionary<string, HashSet<NextStep>>(StringComparer.Ordinal);
        using (var command = connection.Command(null, "SELECT reference, step FROM prompt_next_step"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (Prompts.NextSteps.TryParse(reader.GetString(1), out var step))
                    (steps.TryGetValue(reader.GetString(0), out var set) ? set : steps[reader.GetString(0)] = []).Add(step);
            }
        }
        var compared = new HashSet<long>();
        using (var command = connection.Command(null, "SELECT DISTINCT run_id FROM comparison_family"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                compared.Add(reader.GetInt64(0));
        }
        var facts = new List<ProgrammeFact>();
        var comparison = new List<ComparisonFact>();
        using (var command = connection.Command(null, $"""
            SELECT x.reference, r.as_of, MIN(e.start_date), x.run_id, x.rank, r.capacity,
                   (SELECT outcome FROM review v WHERE v.reference = x.reference ORDER BY v.review_id DESC LIMIT 1)
            FROM prompt x
            {EscalationJoins("LEFT JOIN prompt_member m ON m.reference = x.reference AND m.role = 'child'")}
            WHERE x.hidden_at IS NULL AND r.trial = 0
            GROUP BY x.reference, r.as_of, x.run_id, x.rank, r.capacity
            """))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var (followedUp, escalated) = Outcome(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), known);
                var group = ProgrammeOutcomes.GroupOf(reader.IsDBNull(6) ? null : ParseOutcome(reader.GetString(6)));
                facts.Add(new ProgrammeFact(group, steps.GetValueOrDefault(reader.GetString(0)) ?? [], followedUp, escalated));
                if (compared.Contains(reader.GetInt64(3)))
                {
                    comparison.Add(new ComparisonFact(true, group == ProgrammeGroup.OfferedEarlyHelp,
                        ProgrammeComparison.IsNearCut(reader.GetInt32(4), reader.GetInt32(5)), followedUp, escalated));
                }
            }
        }
        using (var command = connection.Command(null, $"""
            SELECT r.as_of, MIN(e.start_date), x.rank, r.capacity
            FROM comparison_family x
            {EscalationJoins("LEFT JOIN comparison_member m ON m.run_id = x.run_id AND m.rank = x.rank AND m.role = 'child'")}
            WHERE r.trial = 0
            GROUP BY x.run_id, x.rank, r.as_of, r.capacity
            """))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var (followedUp, escalated) = Outcome(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), known);
                comparison.Add(new ComparisonFact(false, false, ProgrammeComparison.IsNearCut(reader.GetInt32(2), reader.GetInt32(3)), followedUp, escalated));
            }
        }
        return ProgrammeOutcomes.Compute(facts, known) with { Comparison = ProgrammeComparison.Compute(comparison) };
    }

    /// <summary>
    /// Whether a family of a run as of <paramref name="asOf"/> is followed up (the records reach a full year past it) and
    /// escalated (its first statutory-care record after T, <paramref name="firstEscalation"/>, is within the year).
    /// </summary>
    private static (bool FollowedUp, bool Escalated) Outcome(string asOf, string? firstEscalation, DateOnly? known)
    {
        var horizonEnd = HubQueries.ParseDate(asOf).AddMonths(ProgrammeOutcomes.HorizonMonths);
        var first = firstEscalation is null ? (DateOnly?)null : HubQueries.ParseDate(firstEscalation);
        return (known is { } until && horizonEnd <= until, first is { } start && start <= horizonEnd);
    }
}
