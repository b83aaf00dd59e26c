using System.Data.Common;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Prompts;

/// <summary>
/// A scoring run's comparison set (<c>comparison_family</c>): the families ranked just below the cut-off, after the same
/// exclusions, kept so that the programme view can count what happened to comparable families that were not prompted.
/// Only the family id, the run and the rank are stored, with the family's members on the as-of date by person id and role
/// (<see cref="PromptMembers"/>): no score, no feature, no evidence. Nothing lists them, shows them to the panel or links
/// them to a reference; the programme view reads them in counts only. A family with a stored member on the opt-out
/// register is removed (never hidden: nothing about it is kept for later), and the rows of a run leave with its prompts'
/// retention.
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
    /// Removes from run <paramref name="runId"/>'s set, inside its saving transaction, the families with a stored member on
    /// the register now: an objection recorded while the run was scoring keeps the family out. Returns how many.
    /// </summary>
    public static int RemoveRegisteredFamiliesOfRun(DbConnection connection, DbTransaction transaction, long runId) =>
        RemoveWithMembers(connection, transaction, """
            DELETE FROM comparison_family
            WHERE run_id = @p0 AND EXISTS (SELECT 1 FROM comparison_member m JOIN opt_out o ON o.person_id = m.person_id
                                           WHERE m.run_id = comparison_family.run_id AND m.rank = comparison_family.rank)
            """, runId);

    /// <summary>Removes every family stored with <paramref name="person"/> as a member from every run's set; returns how many rows.</summary>
    public static int RemoveFamiliesOfPerson(DbConnection connection, DbTransaction transaction, PersonId person) =>
        RemoveWithMembers(connection, transaction, """
            DELETE FROM comparison_family
            WHERE EXISTS (SELECT 1 FROM comparison_member m
                          WHERE m.run_id = comparison_family.run_id AND m.rank = comparison_family.rank AND m.person_id = @p0)
            """, person.Value);

    /// <summary>
    /// Removes the sets of runs saved before <paramref name="cutoff"/> (nothing is ever done with a comparison family, so its
    /// period runs from its run), and the rows of families the hub no longer holds (no stored member is a person the hub
    /// still holds); returns how many.
    /// </summary>
    public static int RemoveDue(DbConnection connection, DbTransaction transaction, DateTimeOffset cutoff) =>
        RemoveWithMembers(connection, transaction, """
            DELETE FROM comparison_family
            WHERE run_id IN (SELECT run_id FROM scoring_run WHERE created_at < @p0)
               OR NOT EXISTS (SELECT 1 FROM comparison_member m JOIN person pe ON pe.person_id = m.person_id
                              WHERE m.run_id = comparison_family.run_id AND m.rank = comparison_family.rank)
            """, HubQueries.FormatTime(cutoff));

    /// <summary>Runs <paramref name="delete"/> on the sets, then removes the members of the families it removed; returns how many families.</summary>
    private static int RemoveWithMembers(DbConnection connection, DbTransaction transaction, string delete, object parameter)
    {
        var removed = connection.Execute(transaction, delete, parameter);
        if (removed > 0)
            PromptMembers.RemoveLeftComparisonMembers(connection, transaction);
        return removed;
    }
}
