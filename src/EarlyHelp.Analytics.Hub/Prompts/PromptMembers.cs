using System.Data.Common;
using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Prompts;

/// <summary>
/// Who a prompt, or a comparison family, is about: the members of its family on its run's as-of date T, by person id and
/// role (<c>prompt_member</c>, <c>comparison_member</c>), stored when the run is saved. Family ids are formed afresh at
/// every load and may pass to another family, so nothing finds a prompt's people through its family id after saving.
/// Person ids are kept across loads; when linkage merges or splits a person, the rows follow as opt-outs do
/// (<see cref="FollowPeople"/>).
/// </summary>
internal static class PromptMembers
{
    // The members on T of the family rows aliased x: prompts or comparison families.
    private const string MembersOnTheAsOfDate = """
        JOIN scoring_run r ON r.run_id = x.run_id
        JOIN family_member m ON m.family_id = x.family_id AND m.start_date <= r.as_of AND (m.end_date IS NULL OR m.end_date > r.as_of)
        """;

    /// <summary>Stores the members of run <paramref name="runId"/>'s prompts and comparison families, or of every run's when null.</summary>
    public static void Store(DbConnection connection, DbTransaction transaction, long? runId)
    {
        var (filter, parameters) = runId is { } run ? ("WHERE x.run_id = @p0", new object?[] { run }) : ("", []);
        connection.Execute(transaction, $"""
            INSERT INTO prompt_member (reference, person_id, role)
            SELECT DISTINCT x.reference, m.person_id, m.role FROM prompt x {MembersOnTheAsOfDate} {filter}
            """, parameters);
        connection.Execute(transaction, $"""
            INSERT INTO comparison_member (run_id, rank, person_id, role)
            SELECT DISTINCT x.run_id, x.rank, m.person_id, m.role FROM comparison_family x {MembersOnTheAsOfDate} {filter}
            """, parameters);
    }

    /// <summary>
    /// Carries stored members over a load's person changes, as opt-outs are carried: the person who now holds records of a
    /// member is a member too, and a merged-away id (no longer used) is replaced. Every change reads the rows as they were
    /// before the load, so that a person's rows pass only to those who took their records.
    /// </summary>
    public static void FollowPeople(DbConnection connection, DbTransaction transaction, IReadOnlyList<IdHistory> history)
    {
        var prompts = new List<object?[]>();
        var comparisons = new List<object?[]>();
        foreach (var change in history)
        {
            if (change.OtherId is not { } other)
                continue;
            prompts.AddRange(Rows(connection, transaction, "SELECT reference, role FROM prompt_member WHERE person_id = @p0", other,
                reader => [reader.GetString(0), change.Id, reader.GetString(1)]));
            comparisons.AddRange(Rows(connection, transaction, "SELECT run_id, rank, role FROM comparison_member WHERE person_id = @p0", other,
                reader => [reader.GetInt64(0), reader.GetInt32(1), change.Id, reader.GetString(2)]));
        }
        foreach (var merged in history.Where(h => h.Change == IdChange.Merged && h.OtherId is not null))
        {
            connection.Execute(transaction, "DELETE FROM prompt_member WHERE person_id = @p0", merged.OtherId);
            connection.Execute(transaction, "DELETE FROM comparison_member WHERE person_id = @p0", merged.OtherId);
        }
        // A person who takes records of two old ids, both members, is stored once.
        if (prompts.Count > 0)
            RowBatches.Execute(connection, transaction, "INSERT INTO prompt_member (reference, person_id, role)", prompts, "ON CONFLICT DO NOTHING");
        if (comparisons.Count > 0)
            RowBatches.Execute(connection, transaction, "INSERT INTO comparison_member (run_id, rank, person_id, role)", comparisons, "ON CONFLICT DO NOTHING");
    }

    /// <summary>Removes the members of comparison families no longer in any run's set.</summary>
    public static void RemoveLeftComparisonMembers(DbConnection connection, DbTransaction transaction) =>
        connection.Execute(transaction, """
            DELETE FROM comparison_member
            WHERE NOT EXISTS (SELECT 1 FROM comparison_family c WHERE c.run_id = comparison_member.run_id AND c.rank = comparison_member.rank)
            """);

    private static List<object?[]> Rows(DbConnection connection, DbTransaction transaction, string sql, long person, Func<DbDataReader, object?[]> read)
    {
        using var command = connection.Command(transaction, sql, person);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }
}
