using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Sqlite;

/// <summary>The identity side of a load: gazetteer, identity records and relinking.</summary>
internal sealed partial class SqliteLoad
{
    /// <inheritdoc />
    public override LoadCounts AddGazetteer(IReadOnlyList<GazetteerEntry> rows)
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
    public override LoadCounts AddIdentityRecords(IReadOnlyList<IdentityRecord> rows)
    {
        // New records carry the load that first saw them, bound after the record's own columns.
        var first = RunId;
        var column = IdentityReading.RecordColumns.Length + 1;
        using var insert = new KeyedInsert<IdentityRecord>(connection, "identity_record", [.. IdentityReading.RecordColumns, "first_run"], ["dataset", "record_ref"],
            (statement, row) =>
            {
                BindRecord(statement, row);
                statement.Bind(column, first);
            });
        return insert.Write(rows.ToArray());
    }

    /// <inheritdoc />
    public override void UpdateLinks(IReadOnlyList<IdentityRecord> changed)
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
}
