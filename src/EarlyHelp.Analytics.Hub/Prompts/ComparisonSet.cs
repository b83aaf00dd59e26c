using System.Data.Common;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Prompts;

/// <summary>
/// A scoring run's comparison set (<c>comparison_family</c>): the families ranked just below the cut-off, after the same
/// exclusions, kept so that the programme view can count what happened to comparable families that were not prompted.
/// Only the family id, the run and the rank are stored: no score, no feature, no evidence. Nothing lists them, shows them
/// to the panel or links them to a reference; the programme view reads them in counts only. A family with a member on the
/// opt-out register is removed (never hidden: nothing about it is kept for later), and the rows of a run leave with its
/// prompts' retention.
/// </summary>
internal static class ComparisonSet
{
    /// <summary>Stores <paramref name="families"/>, ranked from <paramref name="firstRank"/> in the order given, inside the run's saving transaction.</summary>
    public static void Store(DbConnection connection, DbTransaction transaction, long runId, int firstRank, IReadOnlyList<FamilyId> families)
    {
        var rows = families.Select((family, i) => new object?[] { runId, firstRank + i, family.Value }).ToArray();
        if (rows.Length > 0)
            RowBatches.Execute(connection, transaction, "INSERT INTO comparison_family (run_id, rank, family_id)", rows);
    }

    /// <summary>
    /// Removes from run <paramref name="runId"/>'s set, inside its saving transaction, the families with a member on the
    /// register now: an objection recorded while the run was scoring keeps the family out. Returns how many.
    /// </summary>
    public static int RemoveRegisteredFamiliesOfRun(DbConnection connection, DbTransaction transaction, long runId) =>
        connection.Execute(transaction, """
            DELETE FROM comparison_family
            WHERE run_id = @p0 AND family_id IN (SELECT m.family_id FROM family_member m JOIN opt_out o ON o.person_id = m.person_id)
            """, runId);

    /// <summary>Removes every family <paramref name="person"/> has belonged to from every run's set; returns how many rows.</summary>
    public static int RemoveFamiliesOfPerson(DbConnection connection, DbTransaction transaction, PersonId person) =>
        connection.Execute(transaction,
            "DELETE FROM comparison_family WHERE family_id IN (SELECT family_id FROM family_member WHERE person_id = @p0)", person.Value);

    /// <summary>
    /// Removes the sets of runs saved before <paramref name="cutoff"/> (nothing is ever done with a comparison family, so its
    /// period runs from its run), and the rows of families the hub no longer holds (every member's records gone); returns how many.
    /// </summary>
    public static int RemoveDue(DbConnection connection, DbTransaction transaction, DateTimeOffset cutoff) =>
        connection.Execute(transaction, """
            DELETE FROM comparison_family
            WHERE run_id IN (SELECT run_id FROM scoring_run WHERE created_at < @p0)
               OR family_id NOT IN (SELECT family_id FROM family)
            """, HubQueries.FormatTime(cutoff));
}
