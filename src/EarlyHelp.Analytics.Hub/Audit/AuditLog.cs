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
        var (lastId, previousHash) = AuditChainRows.LastEntry(connection, transaction);
        return Insert(transaction, lastId + 1, previousHash, actor, action, subject, detail);
    }

    /// <summary>Inserts entry <paramref name="id"/> after the entry whose hash is <paramref name="previousHash"/>.</summary>
    private AuditEntry Insert(DbTransaction transaction, long id, string previousHash, string actor, string action, string subject, string detail)
    {
        var at = clock.GetUtcNow();
        var hash = AuditEntry.ComputeMac(key, previousHash, id, at, actor, action, subject, detail);
        connection.Execute(transaction, $"INSERT INTO audit_log ({Columns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)",
            id, AuditEntry.FormatTime(at), actor, action, subject, detail, previousHash, hash);
        return new AuditEntry(id, at, actor, action, subject, detail, previousHash, hash);
    }

    /// <summary>Every entry, oldest first.</summary>
    public IReadOnlyList<AuditEntry> Entries() => AuditChainRows.Entries(connection, null).ToList();
}
