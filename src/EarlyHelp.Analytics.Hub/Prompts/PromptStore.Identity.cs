using System.Data.Common;
using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Prompts;

public sealed partial class PromptStore
{
    /// <summary>The longest stated purpose of a re-identification.</summary>
    public const int MaximumPurposeLength = 500;

    /// <summary>
    /// The deliberate, audited step from a pseudonymous prompt to names: reads the identity of everyone who was a
    /// member of the family on the run's as-of date and writes the look, with its purpose, to the audit log in the
    /// same transaction, so that no name is read without its entry.
    /// </summary>
    public Reidentification Reidentify(PromptReference reference, string purpose, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (string.IsNullOrWhiteSpace(purpose))
            return new Reidentification.Refused(["State the purpose of seeing the family's names."]);
        if (purpose.Length > MaximumPurposeLength)
            return new Reidentification.Refused([string.Create(CultureInfo.InvariantCulture,
                $"The purpose must be at most {MaximumPurposeLength} characters. Got {purpose.Length} instead.")]);

        using var transaction = connection.BeginWriteTransaction();
        // The entry is written before any name is read: on PostgreSQL the reidentify function checks for it.
        var shown = Convert.ToInt64(connection.Scalar(transaction, $"SELECT COUNT(*) {MembersOnTheAsOfDate} {ShownPrompt}", reference.Value), CultureInfo.InvariantCulture);
        if (shown == 0 && connection.Scalar(transaction, "SELECT 1 FROM prompt WHERE reference = @p0 AND hidden_at IS NULL", reference.Value) is null)
            return new Reidentification.PromptNotFound();
        auditLog.Append(transaction, actor, "prompt.reidentify", reference.Value,
            $"purpose: {purpose.Trim()}; {Count(shown, "member", "members")} shown");
        var members = new List<IdentifiedMember>();
        using (var command = connection.Command(transaction, ThroughFunction(transaction)
            ? "SELECT member_role, member_forename, member_surname, member_date_of_birth FROM reidentify(@p0)"
            : $"""
                SELECT m.role, i.forename, i.surname, i.date_of_birth {MembersOnTheAsOfDate}
                LEFT JOIN person_identity i ON i.person_id = m.person_id {ShownPrompt}
                ORDER BY CASE m.role WHEN 'parent' THEN 0 WHEN 'child' THEN 1 ELSE 2 END, i.date_of_birth, m.person_id
                """, reference.Value))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                members.Add(ReadMember(reader));
        }
        transaction.Commit();
        return new Reidentification.Shown(members);
    }

    /// <summary>A prompt's family members on its run's as-of date (<c>m</c>), as stored with it, without names.</summary>
    internal const string MembersOnTheAsOfDate = """
        FROM prompt p
        JOIN prompt_member m ON m.reference = p.reference
        """;

    /// <summary>The prompt named by <c>@p0</c>, unless hidden.</summary>
    private const string ShownPrompt = "WHERE p.reference = @p0 AND p.hidden_at IS NULL";

    /// <summary>
    /// Whether names are read through the hub's <c>reidentify</c> function: on a PostgreSQL hub whose least-privilege
    /// roles are set up (<c>earlyhelp hub roles</c>), the panel app's role can read them no other way.
    /// </summary>
    private bool ThroughFunction(DbTransaction transaction) =>
        connection is Npgsql.NpgsqlConnection
        && connection.Scalar(transaction, "SELECT to_regprocedure('reidentify(text)') IS NOT NULL") is true;

    private static IdentifiedMember ReadMember(DbDataReader reader)
    {
        var role = FamilyRoles.TryParse(reader.GetString(0), out var parsed) ? parsed : FamilyRole.Other;
        string? Text(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
        var birth = Text(3);
        return new IdentifiedMember(role, Text(1), Text(2), birth is null ? null : HubQueries.ParseDate(birth));
    }
}
