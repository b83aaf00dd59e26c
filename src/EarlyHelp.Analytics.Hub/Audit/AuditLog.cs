using System.Data.Common;
using System.Globalization;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Audit;

/// <summary>
/// The hub's append-only audit log (<c>audit_log</c>): who did what to which subject, when. Entries are
/// chained by hash (see <see cref="AuditEntry.ComputeHash"/>) so that tampering shows in <see cref="Verify"/>;
/// the database also refuses UPDATE and DELETE on the table.
/// </summary>
public sealed partial class AuditLog
{
    private const string Columns = "id, at, actor, action, subject, detail, prev_hash, hash";
    private readonly DbConnection connection;
    private readonly TimeProvider clock;

    /// <summary>A log over the hub's open connection.</summary>
    internal AuditLog(DbConnection connection, TimeProvider clock)
    {
        this.connection = connection;
        this.clock = clock;
    }

    /// <summary>Appends an entry in its own transaction and returns it.</summary>
    public AuditEntry Append(string actor, string action, string subject, string detail)
    {
        using var transaction = connection.BeginTransaction();
        var entry = Append(transaction, actor, action, subject, detail);
        transaction.Commit();
        return entry;
    }

    /// <summary>Appends an entry inside <paramref name="transaction"/>, so that it stands or falls with the work it records.</summary>
    internal AuditEntry Append(DbTransaction transaction, string actor, string action, string subject, string detail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var lastId = Convert.ToInt64(connection.Scalar(transaction, "SELECT COALESCE(MAX(id), 0) FROM audit_log"), CultureInfo.InvariantCulture);
        var previousHash = lastId == 0
            ? AuditEntry.GenesisHash
            : (string)connection.Scalar(transaction, "SELECT hash FROM audit_log WHERE id = @p0", lastId)!;
        return Insert(transaction, lastId + 1, previousHash, actor, action, subject, detail);
    }

    /// <summary>Inserts entry <paramref name="id"/> after the entry whose hash is <paramref name="previousHash"/>.</summary>
    private AuditEntry Insert(DbTransaction transaction, long id, string previousHash, string actor, string action, string subject, string detail)
    {
        var at = clock.GetUtcNow();
        var hash = AuditEntry.ComputeHash(previousHash, id, at, actor, action, subject, detail);
        connection.Execute(transaction, $"INSERT INTO audit_log ({Columns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)",
            id, AuditEntry.FormatTime(at), actor, action, subject, detail, previousHash, hash);
        return new AuditEntry(id, at, actor, action, subject, detail, previousHash, hash);
    }

    /// <summary>Every entry, oldest first.</summary>
    public IReadOnlyList<AuditEntry> Entries()
    {
        using var command = connection.Command(null, $"SELECT {Columns} FROM audit_log ORDER BY id");
        return ReadEntries(command);
    }

    /// <summary>Checks that ids run 1, 2, 3, …, each entry links to the one before, and each hash matches its fields.</summary>
    public AuditVerification Verify()
    {
        var previousHash = AuditEntry.GenesisHash;
        long expectedId = 1;
        foreach (var entry in Entries())
        {
            var problem =
                entry.Id != expectedId ? string.Create(CultureInfo.InvariantCulture, $"expected entry {expectedId} but found {entry.Id}")
                : entry.PreviousHash != previousHash ? "its previous hash does not match the entry before"
                : entry.Hash != AuditEntry.ComputeHash(entry.PreviousHash, entry.Id, entry.At, entry.Actor, entry.Action, entry.Subject, entry.Detail)
                    ? "its hash does not match its contents"
                : null;
            if (problem is not null)
                return new AuditVerification(expectedId - 1, entry.Id, problem);
            previousHash = entry.Hash;
            expectedId++;
        }
        return new AuditVerification(expectedId - 1, null, null);
    }
}
