using System.Data.Common;
using System.Globalization;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>
/// Clerical review of record pairs: the queue the last linkage left (pairs between the review and link thresholds,
/// kept apart) and the decisions a data-matching officer records. A decision is stored in the append-only
/// <c>clerical_decision</c> table with its reason and is audited; the latest decision on a pair overrides the model
/// at every later linkage (same: must link; different: never link; unsure: the model decides).
/// </summary>
public sealed class ClericalReview
{
    private readonly DbConnection connection;
    private readonly AuditLog auditLog;
    private readonly TimeProvider clock;

    /// <summary>Clerical review over the hub's open connection.</summary>
    internal ClericalReview(DbConnection connection, AuditLog auditLog, TimeProvider clock)
    {
        this.connection = connection;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /// <summary>The pairs waiting for review, most likely matches first.</summary>
    public IReadOnlyList<QueuedPair> Queue()
    {
        using var command = connection.Command(null, """
            SELECT dataset_left, record_left, dataset_right, record_right, match_weight, match_probability
            FROM clerical_queue ORDER BY match_probability DESC, dataset_left, record_left, dataset_right, record_right
            """);
        using var reader = command.ExecuteReader();
        var queue = new List<QueuedPair>();
        while (reader.Read())
            queue.Add(new QueuedPair((reader.GetString(0), reader.GetString(1)), (reader.GetString(2), reader.GetString(3)), reader.GetDouble(4), reader.GetDouble(5)));
        return queue;
    }

    /// <summary>Records <paramref name="decision"/> on two records with its <paramref name="reason"/>, audited; it takes effect at the next linkage.</summary>
    public void Decide((string Dataset, string RecordRef) left, (string Dataset, string RecordRef) right, ClericalDecision decision, string reason, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        using var transaction = connection.BeginWriteTransaction();
        var code = IdentityReading.Code(decision);
        connection.Execute(transaction, """
            INSERT INTO clerical_decision (dataset_left, record_left, dataset_right, record_right, decision, reason, decided_by, decided_at)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)
            """, left.Dataset, left.RecordRef, right.Dataset, right.RecordRef, code, reason, actor, HubQueries.FormatTime(clock.GetUtcNow()));
        auditLog.Append(transaction, actor, "linkage.decide", string.Create(CultureInfo.InvariantCulture,
            $"{left.Dataset}/{left.RecordRef} and {right.Dataset}/{right.RecordRef}"), $"{code}: {reason}");
        transaction.Commit();
    }
}
