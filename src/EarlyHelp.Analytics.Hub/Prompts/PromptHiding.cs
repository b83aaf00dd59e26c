using System.Data.Common;
using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Prompts;

/// <summary>
/// Hides the open prompts of every family a person has belonged to, when the person joins the opt-out register.
/// Open means not yet reviewed: a reviewed prompt is the record of a decision already taken and stays with it.
/// Every family the person was ever a member of is included, so that an out-of-date membership cannot leave a
/// prompt about them on show.
/// </summary>
internal static class PromptHiding
{
    /// <summary>The reason stored on a prompt hidden this way.</summary>
    public const string OptOutReason = "a family member is on the opt-out register";

    /// <summary>Hides the person's families' open prompts inside <paramref name="transaction"/> and audits how many; returns that number.</summary>
    public static int HideOpenPromptsOfPerson(
        DbConnection connection, DbTransaction transaction, AuditLog auditLog, PersonId person, DateTimeOffset at, string actor)
    {
        var hidden = connection.Execute(transaction, """
            UPDATE prompt SET hidden_at = @p1, hidden_reason = @p2
            WHERE hidden_at IS NULL
              AND family_id IN (SELECT family_id FROM family_member WHERE person_id = @p0)
              AND NOT EXISTS (SELECT 1 FROM review v WHERE v.reference = prompt.reference)
            """, person.Value, HubQueries.FormatTime(at), OptOutReason);
        // The entry names the person, not the references, so that the audit log does not link a pseudonym to a person.
        if (hidden > 0)
        {
            auditLog.Append(transaction, actor, "prompt.hide", $"person {person}",
                string.Create(CultureInfo.InvariantCulture, $"{hidden} open {(hidden == 1 ? "prompt" : "prompts")} hidden: {OptOutReason}"));
        }
        return hidden;
    }
}
