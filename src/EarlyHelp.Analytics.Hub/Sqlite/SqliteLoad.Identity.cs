using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Sqlite;

/// <summary>The identity side of a load: gazetteer, identity records, relinking, the derived tables and the linkage record.</summary>
internal sealed partial class SqliteLoad
{
    /// <summary>The tables rebuilt from linkage at every load, children before the tables they refer to.</summary>
    private static readonly string[] DerivedTables = ["family_member", "family", "residence", "person_identity", "person_protected", "person"];

    /// <inheritdoc />
    public LoadCounts AddGazetteer(IReadOnlyList<GazetteerEntry> rows)
    {
        using var insert = new KeyedInsert<GazetteerEntry>(connection, "gazetteer", ["uprn", "address", "postcode", "area_code", "imd_decile"], ["uprn"],
            static (statement, row) =>
            {
                statement.Bind(1, row.Uprn);
                statement.Bind(2, row.Address);
                statement.Bind(3, row.Postcode);
                statement.Bind(4, row.AreaCode);
                statement.Bind(5, row.ImdDecile);
            });
        return insert.Write(rows.ToArray());
    }

    /// <inheritdoc />
    public LoadCounts AddIdentityRecords(IReadOnlyList<IdentityRecord> rows)
    {
        // New records carry the load that first saw them, bound after the record's own columns.
        var first = runId;
        var column = SqliteIdentityReading.RecordColumns.Length + 1;
        using var insert = new KeyedInsert<IdentityRecord>(connection, "identity_record", [.. SqliteIdentityReading.RecordColumns, "first_run"], ["dataset", "record_ref"],
            (statement, row) =>
            {
                BindRecord(statement, row);
                statement.Bind(column, first);
            });
        return insert.Write(rows.ToArray());
    }

    /// <inheritdoc />
    public void UpdateLinks(IReadOnlyList<IdentityRecord> changed)
    {
        using var record = new SqliteStatement(connection, "UPDATE identity_record SET person_id = ?1, match_probability = ?2, valid_to = COALESCE(valid_to, ?5) WHERE dataset = ?3 AND record_ref = ?4");
        using var events = new SqliteStatement(connection, "UPDATE event SET person_id = ?1 WHERE dataset = ?2 AND source_ref = ?3");
        foreach (var row in changed)
        {
            record.Bind(1, row.PersonId);
            record.Bind(2, double.IsNaN(row.MatchProbability) ? null : row.MatchProbability);
            record.Bind(3, row.Dataset);
            record.Bind(4, row.RecordRef);
            record.Bind(5, row.ValidTo);
            record.Execute();
            if (row.Kind != IdentityRecordKind.Event)
                continue;
            events.Bind(1, row.PersonId);
            events.Bind(2, row.Dataset);
            events.Bind(3, row.RecordRef);
            events.Execute();
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<DerivedTableCount> ReplaceDerived(DerivedHub hub)
    {
        var before = DerivedTables.Append("household").ToDictionary(table => table, Count);
        foreach (var table in DerivedTables)
            connection.Execute(transaction, $"DELETE FROM {table}");
        households.Write(hub.Households.ToArray());
        people.Write(hub.People.ToArray());
        protectedCharacteristics.Write(hub.Protected.ToArray());
        identities.Write(hub.Identities.ToArray());
        residences.Write(hub.Residences.ToArray());
        families.Write(hub.Families.ToArray());
        memberships.Write(hub.Memberships.ToArray());
        return new[] { "household" }.Concat(DerivedTables.Reverse()).Select(table => new DerivedTableCount(table, before.GetValueOrDefault(table, -1), Count(table))).ToArray();
    }

    /// <inheritdoc />
    public void RecordLinkage(LinkageRecording recording, DateTimeOffset at)
    {
        var time = HubQueries.FormatTime(at);
        var summary = recording.Summary;
        // A load with no model (fewer than two records, or no candidate pair) still records its figures, with JSON null.
        connection.Execute(transaction, """
            INSERT INTO linkage_model (version, run_id, created_at, records, people, compared_pairs, linked_pairs,
                expected_false_links, expected_missed_links, clerical_queue, parameters)
            VALUES ((SELECT COALESCE(MAX(version), 0) + 1 FROM linkage_model), @p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)
            """, runId, time, summary.Records, summary.People, summary.ComparedPairs, summary.LinkedPairs,
                summary.ExpectedFalseLinks, summary.ExpectedMissedLinks, summary.ClericalQueue, recording.ModelJson ?? "null");
        connection.Execute(transaction, "DELETE FROM clerical_queue");
        using (var queue = new SqliteStatement(connection, """
            INSERT INTO clerical_queue (dataset_left, record_left, dataset_right, record_right, match_weight, match_probability)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING
            """))
        {
            foreach (var pair in recording.Queue)
            {
                queue.Bind(1, pair.Left.Dataset);
                queue.Bind(2, pair.Left.RecordRef);
                queue.Bind(3, pair.Right.Dataset);
                queue.Bind(4, pair.Right.RecordRef);
                queue.Bind(5, pair.MatchWeight);
                queue.Bind(6, pair.MatchProbability);
                queue.Execute();
            }
        }
        using var history = new SqliteStatement(connection,
            "INSERT INTO person_history (run_id, change, person_id, other_person_id, records, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        foreach (var change in recording.PersonHistory)
        {
            history.Bind(1, runId);
            history.Bind(2, change.Change.ToString().ToLowerInvariant());
            history.Bind(3, change.Id);
            history.Bind(4, change.OtherId);
            history.Bind(5, change.Members);
            history.Bind(6, time);
            history.Execute();
            // An objection recorded against a person follows their records into the merged or split-off person.
            if (change.OtherId is { } other)
                connection.Execute(transaction, "INSERT INTO opt_out (person_id, recorded_at, reason) SELECT @p0, recorded_at, reason FROM opt_out WHERE person_id = @p1 ON CONFLICT DO NOTHING", change.Id, other);
        }
    }

    private long Count(string table) => Convert.ToInt64(connection.Scalar(transaction, $"SELECT COUNT(*) FROM {table}"), CultureInfo.InvariantCulture);
}
