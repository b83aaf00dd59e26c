using System.Data.Common;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Schema;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Lifecycle;

/// <summary>What prompt retention removed, in counts only.</summary>
/// <param name="Prompts">Prompts removed.</param>
/// <param name="Reviewed">Of them, prompts the panel had reviewed.</param>
/// <param name="Reviews">Review records removed (amendments included).</param>
/// <param name="NextSteps">"What happened next" steps removed.</param>
/// <param name="DataQualityQueries">Data-quality queries raised by the removed reviews, removed with their steps.</param>
/// <param name="Held">Prompts past their period kept for now: a review of a prompt still inside its period comes after one of theirs in the review chain.</param>
public sealed record PromptRemoval(long Prompts, long Reviewed, long Reviews, long NextSteps, long DataQualityQueries, long Held)
{
    /// <summary>Rows of runs' comparison sets removed: those of runs saved before the cutoff, and those of families the hub no longer holds.</summary>
    public long ComparisonFamilies { get; init; }
}

/// <summary>
/// Removes prompts past their period with everything made from them: stored members, reviews, next steps, and the data-quality queries
/// (with their steps) the reviews raised. A prompt is due when its scoring run, every review, every next step and every
/// step of its queries are older than the cutoff: the period runs from the last thing anyone did with it. Reviews are a
/// chain and are cut from the front only, so a due prompt whose reviews are interleaved with those of a prompt still
/// inside its period waits for it (<see cref="PromptRemoval.Held"/>). A run's comparison set goes once the run is past the
/// period (<see cref="ComparisonSet.RemoveDue"/>).
/// </summary>
internal static class PromptRetention
{
    private const string Due = """
        SELECT p.reference FROM prompt p JOIN scoring_run s ON s.run_id = p.run_id
        WHERE s.created_at < @p0
          AND NOT EXISTS (SELECT 1 FROM review r WHERE r.reference = p.reference AND r.at >= @p0)
          AND NOT EXISTS (SELECT 1 FROM prompt_next_step n WHERE n.reference = p.reference AND n.recorded_at >= @p0)
          AND NOT EXISTS (SELECT 1 FROM data_quality_query q JOIN data_quality_step t ON t.query_id = q.query_id
                          WHERE q.reference = p.reference AND t.at >= @p0)
        """;

    /// <summary>Removes, inside <paramref name="transaction"/>, what is due at <paramref name="cutoff"/>; the review cut waits for the cut entry.</summary>
    public static (PromptRemoval Removal, ReviewCut? Cut) Remove(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, AuditLog auditLog, DateTimeOffset cutoff)
    {
        var due = Strings(connection, transaction, Due, HubQueries.FormatTime(cutoff)).ToHashSet(StringComparer.Ordinal);
        var reviews = Reviews(connection, transaction);
        var lastReview = reviews.GroupBy(r => r.Reference, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(r => r.Id), StringComparer.Ordinal);
        var through = ChainPrefix(reviews, due, lastReview);
        var removed = due.Where(reference => !lastReview.TryGetValue(reference, out var last) || last <= through).Order(StringComparer.Ordinal).ToList();

        long queries = 0, nextSteps = 0;
        foreach (var reference in removed)
        {
            connection.Execute(transaction, "DELETE FROM data_quality_step WHERE query_id IN (SELECT query_id FROM data_quality_query WHERE reference = @p0)", reference);
            queries += connection.Execute(transaction, "DELETE FROM data_quality_query WHERE reference = @p0", reference);
        }
        if (removed.Count > 0)
        {
            nextSteps = GuardedDelete.Run(connection, transaction, dialect, "prompt_next_step",
                () => removed.Sum(reference => (long)connection.Execute(transaction, "DELETE FROM prompt_next_step WHERE reference = @p0", reference)));
        }
        var cut = through > 0 ? auditLog.RemoveReviews(transaction, dialect, through) : null;
        foreach (var reference in removed)
        {
            connection.Execute(transaction, "DELETE FROM prompt_member WHERE reference = @p0", reference);
            connection.Execute(transaction, "DELETE FROM prompt WHERE reference = @p0", reference);
        }
        var removal = new PromptRemoval(removed.Count, removed.Count(lastReview.ContainsKey), cut?.Removed ?? 0, nextSteps, queries, due.Count - removed.Count)
        {
            ComparisonFamilies = ComparisonSet.RemoveDue(connection, transaction, cutoff),
        };
        return (removal, cut);
    }

    /// <summary>
    /// The last review of the longest front of the review chain that holds only whole prompts, all due: every review up
    /// to it belongs to a due prompt whose last review is no later. 0 when the first review left is not of a due prompt.
    /// </summary>
    internal static long ChainPrefix(IReadOnlyList<(long Id, string Reference)> reviews, IReadOnlySet<string> due, IReadOnlyDictionary<string, long> lastReview)
    {
        long through = 0, needed = 0;
        foreach (var (id, reference) in reviews)
        {
            if (!due.Contains(reference))
                break;
            needed = Math.Max(needed, lastReview[reference]);
            if (needed == id)
                through = id;
        }
        return through;
    }

    private static List<(long Id, string Reference)> Reviews(DbConnection connection, DbTransaction transaction)
    {
        var reviews = new List<(long, string)>();
        using var command = connection.Command(transaction, "SELECT review_id, reference FROM review ORDER BY review_id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            reviews.Add((reader.GetInt64(0), reader.GetString(1)));
        return reviews;
    }

    private static List<string> Strings(DbConnection connection, DbTransaction transaction, string sql, params object?[] parameters)
    {
        var values = new List<string>();
        using var command = connection.Command(transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            values.Add(reader.GetString(0));
        return values;
    }
}
