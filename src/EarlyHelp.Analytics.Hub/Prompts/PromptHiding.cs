using System.Data.Common;
using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Prompts;

/// <summary>
/// Hides every prompt about a person when the person joins the opt-out register, reviewed ones included: a restriction
/// stops the family's data being shown or used, and a hidden prompt can no longer be viewed, re-identified or reviewed
/// (its reviews stay, as the record of what was decided). A prompt is about the people stored as its family on its run's
/// as-of date (<see cref="PromptMembers"/>), whatever family ids later loads give them.
/// </summary>
internal static class PromptHiding
{
    /// <summary>The reason stored on a prompt hidden this way.</summary>
    public const string OptOutReason = "a family member is on the opt-out register";

    /// <summary>Hides the person's families' prompts inside <paramref name="transaction"/> and audits how many; returns that number.</summary>
    public static int HidePromptsOfPerson(
        DbConnection connection, DbTransaction transaction, AuditLog auditLog, PersonId person, DateTimeOffset at, string actor)
    {
        var hidden = connection.Execute(transaction, """
            UPDATE prompt SET hidden_at = @p1, hidden_reason = @p2
            WHERE hidden_at IS NULL
              AND reference IN (SELECT reference FROM prompt_member WHERE person_id = @p0)
            """, person.Value, HubQueries.FormatTime(at), OptOutReason);
        // The entry names the person, not the references, so that the audit log does not link a pseudonym to a person.
        if (hidden > 0)
        {
            auditLog.Append(transaction, actor, "prompt.hide", $"person {person}",
                string.Create(CultureInfo.InvariantCulture, $"{hidden} {(hidden == 1 ? "prompt" : "prompts")} hidden: {OptOutReason}"));
        }
        return hidden;
    }

    /// <summary>
    /// Hides the prompts of run <paramref name="runId"/> with a stored member on the register now, inside the run's
    /// saving transaction: an objection recorded while the run was scoring still keeps its family off the panel. The
    /// transaction holds the write lock, so an objection commits either before this check or after the save, when its own
    /// hiding finds the new prompts. Returns how many were hidden; the run's audit entry counts them without naming anyone.
    /// </summary>
    // Correlated on the prompt's reference, so SQLite looks up this run's prompts' members by key; an IN list over the
    // join scanned every stored member of every run, and each save grew slower as the table grew.
    public static int HideRegisteredFamiliesOfRun(DbConnection connection, DbTransaction transaction, long runId, DateTimeOffset at) =>
        connection.Execute(transaction, """
            UPDATE prompt SET hidden_at = @p1, hidden_reason = @p2
            WHERE run_id = @p0 AND hidden_at IS NULL
              AND EXISTS (SELECT 1 FROM prompt_member m JOIN opt_out o ON o.person_id = m.person_id WHERE m.reference = prompt.reference)
            """, runId, HubQueries.FormatTime(at), OptOutReason);
}
