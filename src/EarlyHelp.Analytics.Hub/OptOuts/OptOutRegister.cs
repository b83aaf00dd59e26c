using System.Data.Common;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.OptOuts;

/// <summary>
/// The opt-out register (<c>opt_out</c>): people who objected to, or restricted, processing. Families
/// with a member on it are never scored, and adding a person hides the open prompts of their families (see
/// <see cref="PromptHiding"/>). Every change is written to the audit log in the same transaction.
/// </summary>
public sealed class OptOutRegister
{
    private readonly DbConnection connection;
    private readonly AuditLog auditLog;
    private readonly TimeProvider clock;

    /// <summary>A register over the hub's open connection.</summary>
    internal OptOutRegister(DbConnection connection, AuditLog auditLog, TimeProvider clock)
    {
        this.connection = connection;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /// <summary>
    /// Puts <paramref name="person"/> on the register and hides their families' open prompts, in one transaction;
    /// returns false (and changes nothing) when already on it.
    /// </summary>
    public bool Add(PersonId person, string reason, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        using var transaction = connection.BeginTransaction();
        if (Contains(person, transaction))
            return false;
        var now = clock.GetUtcNow();
        connection.Execute(transaction, "INSERT INTO opt_out (person_id, recorded_at, reason) VALUES (@p0, @p1, @p2)",
            person.Value, HubQueries.FormatTime(now), reason);
        auditLog.Append(transaction, actor, "opt_out.add", $"person {person}", reason);
        PromptHiding.HideOpenPromptsOfPerson(connection, transaction, auditLog, person, now, actor);
        transaction.Commit();
        return true;
    }

    /// <summary>Takes <paramref name="person"/> off the register; returns false when they were not on it.</summary>
    public bool Remove(PersonId person, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        using var transaction = connection.BeginTransaction();
        if (connection.Execute(transaction, "DELETE FROM opt_out WHERE person_id = @p0", person.Value) == 0)
            return false;
        auditLog.Append(transaction, actor, "opt_out.remove", $"person {person}", "");
        transaction.Commit();
        return true;
    }

    /// <summary>Whether <paramref name="person"/> is on the register.</summary>
    public bool Contains(PersonId person) => Contains(person, null);

    /// <summary>Everyone on the register, by person id.</summary>
    public IReadOnlyList<OptOut> List() => Read(connection);

    /// <summary>Reads the register from any connection to the hub.</summary>
    internal static IReadOnlyList<OptOut> Read(DbConnection connection)
    {
        using var command = connection.Command(null, "SELECT person_id, recorded_at, reason FROM opt_out ORDER BY person_id");
        using var reader = command.ExecuteReader();
        var entries = new List<OptOut>();
        while (reader.Read())
        {
            entries.Add(new OptOut(new PersonId(reader.GetInt64(0)),
                HubQueries.ParseTime(reader.GetString(1)), reader.GetString(2)));
        }
        return entries;
    }

    private bool Contains(PersonId person, DbTransaction? transaction) =>
        connection.Scalar(transaction, "SELECT 1 FROM opt_out WHERE person_id = @p0", person.Value) is not null;
}
