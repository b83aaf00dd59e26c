using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Lifecycle;
using EarlyHelp.Analytics.Hub.Store;
using Npgsql;

namespace EarlyHelp.Analytics.Hub.Postgres;

/// <summary>
/// The identity and lifecycle side of a load: gazetteer and identity records inserted, records relinked, amended and
/// removed. Each batch is copied into a staging table and applied with one set-based statement per table.
/// </summary>
internal sealed partial class PostgresLoad
{
    private static readonly string RecordList = string.Join(", ", IdentityReading.RecordColumns);

    /// <summary>The latest staged row of each record: a record named twice takes its last version, as row by row would.</summary>
    private static string Latest(string stage) =>
        $"(SELECT DISTINCT ON (dataset, record_ref) * FROM {stage} ORDER BY dataset, record_ref, arrival DESC)";

    /// <inheritdoc />
    public override LoadCounts AddGazetteer(IReadOnlyList<GazetteerEntry> rows) =>
        new CopyInsert<GazetteerEntry>(connection, "gazetteer", ["uprn", "address", "postcode", "area_code", "imd_decile"], ["uprn"],
            static (row, value) =>
            {
                row.Text(value.Uprn);
                row.Text(value.Address);
                row.Text(value.Postcode);
                row.Text(value.AreaCode);
                row.Integer(value.ImdDecile);
            }).Write(rows.ToArray());

    /// <inheritdoc />
    public override LoadCounts AddIdentityRecords(IReadOnlyList<IdentityRecord> rows)
    {
        // New records carry the load that first saw them, after the record's own columns.
        var first = RunId;
        return new CopyInsert<IdentityRecord>(connection, "identity_record", [.. IdentityReading.RecordColumns, "first_run"], ["dataset", "record_ref"],
            (row, value) =>
            {
                WriteRecord(row, value);
                row.Id(first);
            }).Write(rows.ToArray());
    }

    /// <inheritdoc />
    public override void UpdateLinks(IReadOnlyList<IdentityRecord> changed)
    {
        Stage("load_links", "dataset, record_ref, kind, person_id, match_probability, valid_to", changed, static (row, value) =>
        {
            row.Text(value.Dataset);
            row.Text(value.RecordRef);
            row.Text(Kind(value));
            row.Id(value.PersonId);
            row.Real(value.MatchProbability);
            row.Date(value.ValidTo);
        });
        Connection.Execute(Transaction, $"""
            UPDATE identity_record r SET person_id = s.person_id, match_probability = s.match_probability, valid_to = COALESCE(r.valid_to, s.valid_to)
            FROM {Latest("load_links")} s WHERE r.dataset = s.dataset AND r.record_ref = s.record_ref
            """);
        Connection.Execute(Transaction, $"""
            UPDATE event e SET person_id = s.person_id
            FROM {Latest("load_links")} s WHERE s.kind = 'event' AND e.dataset = s.dataset AND e.source_ref = s.record_ref
            """);
    }

    /// <inheritdoc />
    public override void RemoveRecords(IReadOnlyList<IdentityRecord> records)
    {
        Stage("load_removed", "dataset, record_ref", records, static (row, value) =>
        {
            row.Text(value.Dataset);
            row.Text(value.RecordRef);
        });
        // An event's identity record has the event's key; a register record has no event, and the delete finds nothing.
        Connection.Execute(Transaction, "DELETE FROM event e USING load_removed s WHERE e.dataset = s.dataset AND e.source_ref = s.record_ref");
        Connection.Execute(Transaction, "DELETE FROM identity_record r USING load_removed s WHERE r.dataset = s.dataset AND r.record_ref = s.record_ref");
        Connection.Execute(Transaction, "DELETE FROM record_change c USING load_removed s WHERE c.dataset = s.dataset AND c.record_ref = s.record_ref");
        Connection.Execute(Transaction, "DELETE FROM record_contact c USING load_removed s WHERE c.dataset = s.dataset AND c.record_ref = s.record_ref");
    }

    /// <inheritdoc />
    public override void AmendRecords(IReadOnlyList<RecordAmendment> amendments)
    {
        Stage("load_amended", $"{RecordList}, 0::double precision AS value", amendments, static (row, amendment) =>
        {
            WriteRecord(row, amendment.Incoming);
            row.Real(amendment.Value);
        });
        var assignments = string.Join(", ", IdentityReading.RecordColumns.Skip(2).Select(column => $"{column} = s.{column}"));
        Connection.Execute(Transaction, $"""
            UPDATE identity_record r SET {assignments}, changed_run = @p0
            FROM {Latest("load_amended")} s WHERE r.dataset = s.dataset AND r.record_ref = s.record_ref
            """, RunId);
        Connection.Execute(Transaction, $"""
            UPDATE event e SET person_id = s.person_id, start_date = s.valid_from, end_date = s.valid_to, value = s.value
            FROM {Latest("load_amended")} s
            WHERE s.kind = 'event' AND s.valid_from IS NOT NULL AND e.dataset = s.dataset AND e.source_ref = s.record_ref
            """);
        using var changes = connection.BeginBinaryImport("COPY record_change (run_id, dataset, record_ref, field, old_value, new_value) FROM STDIN (FORMAT BINARY)");
        foreach (var amendment in amendments)
        {
            foreach (var field in amendment.Changes)
            {
                changes.StartRow();
                changes.Id(RunId);
                changes.Text(amendment.Incoming.Dataset);
                changes.Text(amendment.Incoming.RecordRef);
                changes.Text(field.Field);
                changes.Text(field.Before);
                changes.Text(field.After);
            }
        }
        changes.Complete();
    }

    /// <summary>
    /// Copies <paramref name="rows"/> into a new staging table <paramref name="stage"/> (dropped at commit) shaped as
    /// <paramref name="columns"/> of <c>identity_record</c>, after an <c>arrival</c> number.
    /// </summary>
    private void Stage<T>(string stage, string columns, IEnumerable<T> rows, Action<NpgsqlBinaryImporter, T> write)
    {
        Connection.Execute(Transaction, $"DROP TABLE IF EXISTS {stage}");
        Connection.Execute(Transaction, $"CREATE TEMPORARY TABLE {stage} ON COMMIT DROP AS SELECT 0::bigint AS arrival, {columns} FROM identity_record WITH NO DATA");
        using var importer = connection.BeginBinaryImport($"COPY {stage} FROM STDIN (FORMAT BINARY)");
        long arrival = 0;
        foreach (var value in rows)
        {
            importer.StartRow();
            importer.Id(arrival++);
            write(importer, value);
        }
        importer.Complete();
    }

    private static string Kind(IdentityRecord record) => record.Kind == IdentityRecordKind.Event ? "event" : "register";

    /// <summary>Writes a record's columns in <see cref="IdentityReading.RecordColumns"/> order.</summary>
    private static void WriteRecord(NpgsqlBinaryImporter row, IdentityRecord value)
    {
        row.Text(value.Dataset);
        row.Text(value.RecordRef);
        row.Text(Kind(value));
        row.Text(value.AgencyRef);
        row.Text(value.Forename);
        row.Text(value.Surname);
        row.Date(value.BirthDate);
        row.Text(value.Sex);
        row.Text(value.Address);
        row.Text(value.Postcode);
        row.Text(value.Uprn);
        row.Text(value.NhsNumber);
        row.Text(value.Ethnicity);
        row.Text(value.Disability);
        row.Date(value.ValidFrom);
        row.Date(value.ValidTo);
        row.Text(value.RelatedRef);
        row.Text(value.Relationship);
        row.Text(value.MatchedUprn);
        row.Id(value.PersonId);
        row.Real(value.MatchProbability);
    }

    /// <inheritdoc />
    /// <remarks>Copied through a staging table: the queue may hold a pair twice, and the insert keeps the first.</remarks>
    protected override void InsertQueue(IReadOnlyList<QueuedPair> queue)
    {
        Connection.Execute(Transaction, "DROP TABLE IF EXISTS load_queue");
        Connection.Execute(Transaction, "CREATE TEMPORARY TABLE load_queue ON COMMIT DROP AS SELECT 0::bigint AS arrival, * FROM clerical_queue WITH NO DATA");
        using (var importer = connection.BeginBinaryImport(
            "COPY load_queue (arrival, dataset_left, record_left, dataset_right, record_right, match_weight, match_probability) FROM STDIN (FORMAT BINARY)"))
        {
            long arrival = 0;
            foreach (var pair in queue)
            {
                importer.StartRow();
                importer.Id(arrival++);
                importer.Text(pair.Left.Dataset);
                importer.Text(pair.Left.RecordRef);
                importer.Text(pair.Right.Dataset);
                importer.Text(pair.Right.RecordRef);
                importer.Real(pair.MatchWeight);
                importer.Real(pair.MatchProbability);
            }
            importer.Complete();
        }
        Connection.Execute(Transaction, """
            INSERT INTO clerical_queue (dataset_left, record_left, dataset_right, record_right, match_weight, match_probability)
            SELECT dataset_left, record_left, dataset_right, record_right, match_weight, match_probability FROM load_queue ORDER BY arrival
            ON CONFLICT DO NOTHING
            """);
    }

    /// <inheritdoc />
    protected override void InsertHistory(IReadOnlyList<IdHistory> history, string time)
    {
        using var importer = connection.BeginBinaryImport("COPY person_history (run_id, change, person_id, other_person_id, records, at) FROM STDIN (FORMAT BINARY)");
        foreach (var change in history)
        {
            importer.StartRow();
            importer.Id(RunId);
            importer.Text(HistoryCode(change));
            importer.Id(change.Id);
            importer.Id(change.OtherId);
            importer.Id(change.Members);
            importer.Text(time);
        }
        importer.Complete();
    }
}
