using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Prompts;

public sealed partial class PromptStore
{
    /// <summary>
    /// Review statistics over the prompts not hidden, of one run or of every run. The children's protected
    /// characteristics come through <paramref name="protectedCharacteristics"/>, which only this IG view and the
    /// fairness audit read; children are the family's members in the child role on the run's as-of date, as stored with the prompt.
    /// </summary>
    public ReviewStatistics Statistics(ScoringRunId? run, IProtectedCharacteristicsReader protectedCharacteristics)
    {
        var runFilter = run is null ? "" : "AND p.run_id = @p0";
        var children = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        using (var command = connection.Command(null, $"""
            SELECT p.reference, m.person_id
            FROM prompt p
            JOIN prompt_member m ON m.reference = p.reference AND m.role = 'child'
            WHERE p.hidden_at IS NULL {runFilter}
            """, run?.Value))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                AddToList(children, reader.GetString(0), reader.GetInt64(1));
        }
        var wanted = children.Values.SelectMany(ids => ids).ToHashSet();
        var characteristics = protectedCharacteristics.ProtectedCharacteristics()
            .Where(c => wanted.Contains(c.Person.Value)).ToDictionary(c => c.Person.Value);

        var facts = new List<PromptReviewFacts>();
        using (var command = connection.Command(null, $"""
            SELECT p.reference, p.band, r.created_at,
                   (SELECT at FROM review v WHERE v.reference = p.reference ORDER BY v.review_id LIMIT 1),
                   (SELECT outcome FROM review v WHERE v.reference = p.reference ORDER BY v.review_id DESC LIMIT 1)
            FROM prompt p JOIN scoring_run r ON r.run_id = p.run_id
            WHERE p.hidden_at IS NULL {runFilter}
            ORDER BY p.run_id, p.rank
            """, run?.Value))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var familyChildren = children.GetValueOrDefault(reader.GetString(0)) ?? [];
                var recorded = familyChildren.Where(characteristics.ContainsKey).Select(id => characteristics[id]).ToArray();
                facts.Add(new PromptReviewFacts(ParseBand(reader.GetString(1)), HubQueries.ParseTime(reader.GetString(2)),
                    reader.IsDBNull(3) ? null : HubQueries.ParseTime(reader.GetString(3)),
                    reader.IsDBNull(4) ? null : ParseOutcome(reader.GetString(4)),
                    ProtectedGroups.ChildrenEthnicity(recorded), ProtectedGroups.ChildDisability(recorded)));
            }
        }
        return ReviewStatistics.Compute(facts);
    }

    private static void AddToList(Dictionary<string, List<long>> lists, string key, long value)
    {
        if (!lists.TryGetValue(key, out var list))
            lists[key] = list = [];
        list.Add(value);
    }
}
