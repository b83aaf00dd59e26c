using System.Globalization;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Prompts;

public sealed partial class PromptStore
{
    /// <summary>
    /// What happened to the prompts of every scoring run that was not a trial, hidden prompts left out (an opt-out removes a
    /// family from every view). Children are the family's members in the child role on the run's as-of date, as the label
    /// counts them; the hub's records reach its newest extract date (or, for a hub loaded without extracts, its newest record).
    /// </summary>
    public ProgrammeOutcomes Programme()
    {
        var known = connection.Scalar(null, "SELECT COALESCE((SELECT MAX(extract_date) FROM ingest_run), (SELECT MAX(start_date) FROM event))") is string text
            ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
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
        var facts = new List<ProgrammeFact>();
        // The first statutory-care record of a child after T: CIN and CP plans and looked-after episodes, the outcome datasets.
        // One join grouped by prompt rather than a subquery per prompt, so that SQLite, which keeps no index on
        // event.person_id, builds its transient index once for the statement (as the context capture's query does).
        using (var command = connection.Command(null, """
            SELECT p.reference, r.as_of,
                   (SELECT outcome FROM review v WHERE v.reference = p.reference ORDER BY v.review_id DESC LIMIT 1),
                   MIN(e.start_date)
            FROM prompt p
            JOIN scoring_run r ON r.run_id = p.run_id
            LEFT JOIN family_member m ON m.family_id = p.family_id AND m.role = 'child'
                AND m.start_date <= r.as_of AND (m.end_date IS NULL OR m.end_date > r.as_of)
            LEFT JOIN event e ON e.person_id = m.person_id AND e.start_date > r.as_of
                AND e.dataset IN (SELECT code FROM dataset WHERE category = 'statutory_care')
            WHERE p.hidden_at IS NULL AND r.trial = 0
            GROUP BY p.reference, r.as_of
            """))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var asOf = DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var horizonEnd = asOf.AddMonths(ProgrammeOutcomes.HorizonMonths);
                var first = reader.IsDBNull(3) ? (DateOnly?)null : DateOnly.ParseExact(reader.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                facts.Add(new ProgrammeFact(
                    ProgrammeOutcomes.GroupOf(reader.IsDBNull(2) ? null : ParseOutcome(reader.GetString(2))),
                    steps.GetValueOrDefault(reader.GetString(0)) ?? [],
                    known is { } until && horizonEnd <= until,
                    first is { } start && start <= horizonEnd));
            }
        }
        return ProgrammeOutcomes.Compute(facts, known);
    }
}
