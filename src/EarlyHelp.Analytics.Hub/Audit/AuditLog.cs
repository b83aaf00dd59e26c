using System.Data.Common;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Audit;

/// <summary>
/// The hub's append-only audit log (<c>audit_log</c>): who did what to which subject, when. Entries are
/// chained by a MAC under a key held outside the hub (see <see cref="AuditEntry.ComputeMac"/>), and so are the
/// panel's review records, so that tampering shows in <see cref="Verify"/>; signed checkpoints written outside
/// the hub (<see cref="AuditCheckpoint"/>) show a trail cut back or emptied. The database also refuses UPDATE
/// and DELETE on both tables.
/// </summary>
public sealed partial class AuditLog
{
    private const string Columns = AuditChainRows.EntryColumns;
    private readonly DbConnection connection;
    private readonly TimeProvider clock;
    private readonly AuditKey key;

    /// <summary>A log over the hub's open connection, keyed by <paramref name="key"/>.</summary>
    internal AuditLog(DbConnection connection, TimeProvider clock, AuditKey key)
    {
        this.connection = connection;
        this.clock = clock;
        this.key = key;
    }

    /// <summary>The file the audit key was read from.</summary>
    public string KeyFile => key.Path;

    /// <summary>Appends an entry in its own transaction and returns it.</summary>
    public AuditEntry Append(string actor, string action, string subject, string detail)
    {
        using var transaction = connection.BeginWriteTransaction();
        var entry = Append(transaction, actor, action, subject, detail);
        transaction.Commit();
        return entry;
    }

    /// <summary>Appends an entry inside <paramref name="transaction"/>, so that it stands or falls with the work it records.</summary>
    internal AuditEntry Append(DbTransaction transaction, string actor, string action, string subject, string detail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        return Insert(transaction, AuditChainRows.LastEntry(connection, transaction), actor, action, subject, detail);
    }

    /// <summary>Inserts the entry that follows <paramref name="last"/>.</summary>
    private AuditEntry Insert(DbTransaction transaction, (long Id, string Hash) last, string actor, string action, string subject, string detail)
    {
        var (entry, insert) = Next(last, actor, action, subject, detail);
        connection.Execute(transaction, insert.Sql, insert.Parameters);
        return entry;
    }

    /// <summary>
    /// The entry that follows <paramref name="last"/> (the chain's end, as <see cref="AuditChainRows.LastEntry"/> reads it
    /// under the chain's lock), sealed now, and the statement that inserts it, for the caller to run in its batch.
    /// </summary>
    internal (AuditEntry Entry, Statement Insert) Next((long Id, string Hash) last, string actor, string action, string subject, string detail)
    {
        var at = clock.GetUtcNow();
        var id = last.Id + 1;
        var hash = AuditEntry.ComputeMac(key, last.Hash, id, at, actor, action, subject, detail);
        var insert = new Statement($"INSERT INTO audit_log ({Columns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)",
            id, AuditEntry.FormatTime(at), actor, action, subject, detail, last.Hash, hash);
        return (new AuditEntry(id, at, actor, action, subject, detail, last.Hash, hash), insert);
    }

    /// <summary>Every entry, oldest first.</summary>
    public IReadOnlyList<AuditEntry> Entries() => AuditChainRows.Entries(connection, null).ToList();
}
