using System.Data.Common;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.OptOuts;

/// <summary>
/// The opt-out register (<c>opt_out</c>): people who objected to, or restricted, processing. Families
/// with a member on it are never scored, adding a person hides every prompt about a family they were in on its scoring date (see
/// <see cref="PromptHiding"/>) and removes their families from every run's comparison set, and a scoring run checks it
/// again as it saves. Every change is written to the audit
/// log in the same transaction, and each entry says who recorded it.
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
    /// Puts <paramref name="person"/> on the register and hides every prompt about a family they were in on its scoring date, reviewed ones too (a hidden
    /// prompt cannot be viewed, re-identified or reviewed), in one transaction; returns false (and changes nothing) when
    /// already on it.
    /// </summary>
    public bool Add(PersonId person, string reason, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        using var transaction = connection.BeginWriteTransaction();
        if (Contains(person, transaction))
            return false;
        var now = clock.GetUtcNow();
        connection.Execute(transaction, "INSERT INTO opt_out (person_id, recorded_at, reason, recorded_by) VALUES (@p0, @p1, @p2, @p3)",
            person.Value, HubQueries.FormatTime(now), reason, actor);
        auditLog.Append(transaction, actor, "opt_out.add", $"person {person}", reason);
        PromptHiding.HidePromptsOfPerson(connection, transaction, auditLog, person, now, actor);
        ComparisonSet.RemoveFamiliesOfPerson(connection, transaction, person);
        transaction.Commit();
        return true;
    }

    /// <summary>
    /// Withdraws <paramref name="person"/>'s entry (they withdrew the objection, or it was recorded in error), with the reason
    /// in the audit log; returns false when they were not on it. Prompts hidden by it stay hidden: the family is scored
    /// again at the next run.
    /// </summary>
    public bool Withdraw(PersonId person, string reason, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        using var transaction = connection.BeginWriteTransaction();
        if (connection.Execute(transaction, "DELETE FROM opt_out WHERE person_id = @p0", person.Value) == 0)
            return false;
        auditLog.Append(transaction, actor, "opt_out.withdraw", $"person {person}", reason.Trim());
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
        using var command = connection.Command(null, "SELECT person_id, recorded_at, reason, recorded_by FROM opt_out ORDER BY person_id");
        using var reader = command.ExecuteReader();
        var entries = new List<OptOut>();
        while (reader.Read())
        {
            entries.Add(new OptOut(new PersonId(reader.GetInt64(0)), HubQueries.ParseTime(reader.GetString(1)), reader.GetString(2))
            {
                RecordedBy = reader.IsDBNull(3) ? null : reader.GetString(3),
            });
        }
        return entries;
    }

    private bool Contains(PersonId person, DbTransaction? transaction) =>
        connection.Scalar(transaction, "SELECT 1 FROM opt_out WHERE person_id = @p0", person.Value) is not null;
}
