using System.Data.Common;
using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Lifecycle;

namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>
/// What every database's load shares, in portable SQL: the run number, the derived tables replaced, the linkage
/// recorded, old prompts removed, and the commit with its audit entries. A database adds how rows are written in bulk.
/// </summary>
internal abstract class DbHubLoad : IHubLoad
{
    /// <summary>The tables rebuilt from linkage at every load, children before the tables they refer to.</summary>
    private static readonly string[] DerivedTables = ["family_member", "family", "residence", "person_identity", "person_protected", "person"];

    private readonly AuditLog auditLog;
    private bool committed;
    private ReviewCut? reviewCut;

    /// <summary>A load in <paramref name="transaction"/>, which holds the hub's write lock.</summary>
    protected DbHubLoad(DbConnection connection, DbTransaction transaction, AuditLog auditLog)
    {
        Connection = connection;
        Transaction = transaction;
        this.auditLog = auditLog;
        // The ingest run this load will be recorded as (the transaction holds the write lock, so no other load takes it).
        RunId = 1 + Convert.ToInt64(connection.Scalar(transaction, "SELECT COALESCE(MAX(run_id), 0) FROM ingest_run"), CultureInfo.InvariantCulture);
        DatasetRows.AddMissing(connection, transaction);
    }

    /// <summary>The load's connection.</summary>
    protected DbConnection Connection { get; }

    /// <summary>The load's transaction.</summary>
    protected DbTransaction Transaction { get; }

    /// <summary>The database's words for what differs between databases.</summary>
    protected abstract Schema.SqlDialect Dialect { get; }

    /// <summary>The ingest run this load is recorded as.</summary>
    protected long RunId { get; }

    /// <summary>The database's writer for each canonical table; set by the load's constructor.</summary>
    private protected CanonicalWriters Writers { get; set; } = null!;

    /// <inheritdoc />
    public LoadCounts AddHouseholds(ReadOnlySpan<Household> rows) => Writers.Households.Write(rows);

    /// <inheritdoc />
    public LoadCounts AddPeople(ReadOnlySpan<Person> rows) => Writers.People.Write(rows);

    /// <inheritdoc />
    public LoadCounts AddProtectedCharacteristics(ReadOnlySpan<ProtectedCharacteristics> rows) => Writers.ProtectedCharacteristics.Write(rows);

    /// <inheritdoc />
    public LoadCounts AddIdentities(ReadOnlySpan<PersonIdentity> rows) => Writers.Identities.Write(rows);

    /// <inheritdoc />
    public LoadCounts AddResidences(ReadOnlySpan<Residence> rows) => Writers.Residences.Write(rows);

    /// <inheritdoc />
    public LoadCounts AddFamilies(ReadOnlySpan<FamilyId> rows) => Writers.Families.Write(rows);

    /// <inheritdoc />
    public LoadCounts AddFamilyMemberships(ReadOnlySpan<FamilyMembership> rows) => Writers.Memberships.Write(rows);

    /// <inheritdoc />
    public LoadCounts AddEvents(string dataset, ReadOnlySpan<SourceEvent> rows)
    {
        Writers.UseDataset(dataset);
        return Writers.Events.Write(rows);
    }

    /// <inheritdoc />
    public abstract LoadCounts AddGazetteer(IReadOnlyList<GazetteerEntry> rows);

    /// <inheritdoc />
    public abstract LoadCounts AddIdentityRecords(IReadOnlyList<IdentityRecord> rows);

    /// <inheritdoc />
    public abstract void RemoveRecords(IReadOnlyList<IdentityRecord> records);

    /// <inheritdoc />
    public abstract void AmendRecords(IReadOnlyList<RecordAmendment> amendments);

    /// <inheritdoc />
    public abstract void UpdateLinks(IReadOnlyList<IdentityRecord> changed);

    /// <inheritdoc />
    public IReadOnlyList<DerivedTableCount> ReplaceDerived(DerivedHub hub)
    {
        var before = DerivedTables.Append("household").ToDictionary(table => table, Count);
        foreach (var table in DerivedTables)
            Connection.Execute(Transaction, $"DELETE FROM {table}");
        AddHouseholds(hub.Households.ToArray());
        AddPeople(hub.People.ToArray());
        AddProtectedCharacteristics(hub.Protected.ToArray());
        AddIdentities(hub.Identities.ToArray());
        AddResidences(hub.Residences.ToArray());
        AddFamilies(hub.Families.ToArray());
        AddFamilyMemberships(hub.Memberships.ToArray());
        return new[] { "household" }.Concat(DerivedTables.Reverse()).Select(table => new DerivedTableCount(table, before.GetValueOrDefault(table, -1), Count(table))).ToArray();
    }

    /// <inheritdoc />
    public void RecordLinkage(LinkageRecording recording, DateTimeOffset at)
    {
        var time = HubQueries.FormatTime(at);
        var summary = recording.Summary;
        // A load with no model (fewer than two records, or no candidate pair) still records its figures, with JSON null.
        Connection.Execute(Transaction, """
            INSERT INTO linkage_model (version, run_id, created_at, records, people, compared_pairs, linked_pairs,
                expected_false_links, expected_missed_links, clerical_queue, parameters)
            VALUES ((SELECT COALESCE(MAX(version), 0) + 1 FROM linkage_model), @p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)
            """, RunId, time, summary.Records, summary.People, summary.ComparedPairs, summary.LinkedPairs,
                summary.ExpectedFalseLinks, summary.ExpectedMissedLinks, summary.ClericalQueue, recording.ModelJson ?? "null");
        Connection.Execute(Transaction, "DELETE FROM clerical_queue");
        InsertQueue(recording.Queue);
        InsertHistory(recording.PersonHistory, time);
        // An objection recorded against a person follows their records into the merged or split-off person.
        foreach (var change in recording.PersonHistory)
        {
            if (change.OtherId is { } other)
                Connection.Execute(Transaction, "INSERT INTO opt_out (person_id, recorded_at, reason) SELECT @p0, recorded_at, reason FROM opt_out WHERE person_id = @p1 ON CONFLICT DO NOTHING", change.Id, other);
        }
        // So do the people stored as a prompt's family on its as-of date, so that an objection or a request still finds the prompt.
        Prompts.PromptMembers.FollowPeople(Connection, Transaction, recording.PersonHistory);
    }

    /// <summary>Inserts the clerical queue (emptied before), a pair named twice once; row by row unless the database has a faster way.</summary>
    protected virtual void InsertQueue(IReadOnlyList<QueuedPair> queue)
    {
        foreach (var pair in queue)
        {
            Connection.Execute(Transaction, """
                INSERT INTO clerical_queue (dataset_left, record_left, dataset_right, record_right, match_weight, match_probability)
                VALUES (@p0, @p1, @p2, @p3, @p4, @p5) ON CONFLICT DO NOTHING
                """, pair.Left.Dataset, pair.Left.RecordRef, pair.Right.Dataset, pair.Right.RecordRef, pair.MatchWeight, pair.MatchProbability);
        }
    }

    /// <summary>Inserts the person history of this run, stamped <paramref name="time"/>; row by row unless the database has a faster way.</summary>
    protected virtual void InsertHistory(IReadOnlyList<IdHistory> history, string time)
    {
        foreach (var change in history)
        {
            Connection.Execute(Transaction, "INSERT INTO person_history (run_id, change, person_id, other_person_id, records, at) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)",
                RunId, HistoryCode(change), change.Id, change.OtherId, change.Members, time);
        }
    }

    /// <summary>The hub's code of a person-history change.</summary>
    protected static string HistoryCode(IdHistory change) => change.Change.ToString().ToLowerInvariant();

    /// <inheritdoc />
    public long ForgetClericalPairs(IReadOnlyList<IdentityRecord> records)
    {
        if (records.Count == 0)
            return 0;
        var gone = records.Select(r => (r.Dataset, r.RecordRef)).ToHashSet();
        var decisions = new List<long>();
        using (var command = Connection.Command(Transaction, "SELECT decision_id, dataset_left, record_left, dataset_right, record_right FROM clerical_decision"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (gone.Contains((reader.GetString(1), reader.GetString(2))) || gone.Contains((reader.GetString(3), reader.GetString(4))))
                    decisions.Add(reader.GetInt64(0));
            }
        }
        foreach (var (dataset, recordRef) in gone)
        {
            Connection.Execute(Transaction, "DELETE FROM clerical_queue WHERE (dataset_left = @p0 AND record_left = @p1) OR (dataset_right = @p0 AND record_right = @p1)",
                dataset, recordRef);
        }
        // The decisions table is append-only: its guard is lifted only when there is a decision to delete.
        return decisions.Count == 0 ? 0 : GuardedDelete.Run(Connection, Transaction, Dialect, "clerical_decision",
            () => decisions.Sum(id => (long)Connection.Execute(Transaction, "DELETE FROM clerical_decision WHERE decision_id = @p0", id)));
    }

    /// <inheritdoc />
    public PromptRemoval RemovePrompts(DateTimeOffset cutoff)
    {
        var (removal, cut) = PromptRetention.Remove(Connection, Transaction, Dialect, auditLog, cutoff);
        reviewCut = cut ?? reviewCut;
        return removal;
    }

    /// <inheritdoc />
    public void ReplaceContacts(string dataset, IReadOnlyList<RecordContact> rows)
    {
        // The newest extract names the current allocation; a record it no longer holds keeps no staff details.
        Connection.Execute(Transaction, "DELETE FROM record_contact WHERE dataset = @p0", dataset);
        using var insert = Connection.Command(Transaction, """
            INSERT INTO record_contact (dataset, record_ref, worker, worker_role, team, phone, email)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)
            """, dataset, "", null, null, null, null, null);
        foreach (var row in rows)
        {
            object?[] values = [dataset, row.RecordRef, row.Worker, row.Role, row.Team, row.Phone, row.Email];
            for (var i = 0; i < values.Length; i++)
                insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }
    }

    /// <inheritdoc />
    public void Commit(IngestReport report, string actor)
    {
        BeforeCommit();
        HubQueries.RecordRun(Connection, Transaction, report);
        var counts = report.Counts;
        auditLog.Append(Transaction, actor, "ingest", report.Folder, string.Create(CultureInfo.InvariantCulture,
            $"extract of {report.ExtractDate:yyyy-MM-dd}: {counts.Added} rows added, {counts.Updated} updated, {counts.AlreadyPresent} already present, {report.Deleted} deleted at source, {report.DroppedByRetention} dropped by retention"));
        foreach (var (action, subject, detail) in RetentionAudit.Entries(report.Expired))
            auditLog.Append(Transaction, actor, action, subject, detail);
        Transaction.Commit();
        committed = true;
    }

    /// <inheritdoc />
    public AuditTrailCut? CommitMaintenance(string actor, IReadOnlyList<(string Action, string Subject, string Detail)> entries, DateTimeOffset? auditLogBefore = null)
    {
        BeforeCommit();
        foreach (var (action, subject, detail) in entries)
            auditLog.Append(Transaction, actor, action, subject, detail);
        // After the entries above, which are inside every period, so the log is never empty while it is cut.
        var cut = auditLogBefore is not null || reviewCut is not null ? auditLog.Cut(Transaction, Dialect, actor, auditLogBefore, reviewCut) : null;
        Transaction.Commit();
        committed = true;
        return cut;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ReleaseWriters();
        if (!committed)
            Transaction.Rollback();
        Transaction.Dispose();
        AfterTransaction();
        GC.SuppressFinalize(this);
    }

    /// <summary>The database's last changes inside the transaction, before the run is recorded and committed.</summary>
    protected virtual void BeforeCommit()
    {
    }

    /// <summary>Frees the database's bulk writers, before the transaction ends.</summary>
    protected virtual void ReleaseWriters()
    {
    }

    /// <summary>Restores the connection's settings once the transaction has ended.</summary>
    protected virtual void AfterTransaction()
    {
    }

    /// <summary>Rows in <paramref name="table"/>, as the load sees them.</summary>
    protected long Count(string table) => Convert.ToInt64(Connection.Scalar(Transaction, $"SELECT COUNT(*) FROM {table}"), CultureInfo.InvariantCulture);
}
