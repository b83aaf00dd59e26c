using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Lifecycle;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Sqlite;

/// <summary>The lifecycle side of a load: records deleted at source or past retention, records amended with their changes kept.</summary>
internal sealed partial class SqliteLoad
{
    /// <inheritdoc />
    public override void RemoveRecords(IReadOnlyList<IdentityRecord> records)
    {
        // An event's identity record has the event's key; a register record has no event, and the delete finds nothing.
        using var events = new SqliteStatement(connection, "DELETE FROM event WHERE dataset = ?1 AND source_ref = ?2");
        using var identity = new SqliteStatement(connection, "DELETE FROM identity_record WHERE dataset = ?1 AND record_ref = ?2");
        using var versions = new SqliteStatement(connection, "DELETE FROM record_change WHERE dataset = ?1 AND record_ref = ?2");
        using var contacts = new SqliteStatement(connection, "DELETE FROM record_contact WHERE dataset = ?1 AND record_ref = ?2");
        foreach (var record in records)
        {
            foreach (var statement in new[] { events, identity, versions, contacts })
            {
                statement.Bind(1, record.Dataset);
                statement.Bind(2, record.RecordRef);
                statement.Execute();
            }
        }
    }

    /// <inheritdoc />
    public override void AmendRecords(IReadOnlyList<RecordAmendment> amendments)
    {
        var assignments = string.Join(", ", IdentityReading.RecordColumns.Skip(2).Select((column, i) => $"{column} = ?{i + 3}"));
        using var identity = new SqliteStatement(connection,
            $"UPDATE identity_record SET {assignments}, changed_run = ?{IdentityReading.RecordColumns.Length + 1} WHERE dataset = ?1 AND record_ref = ?2");
        using var events = new SqliteStatement(connection,
            "UPDATE event SET person_id = ?3, start_date = ?4, end_date = ?5, value = ?6 WHERE dataset = ?1 AND source_ref = ?2");
        using var change = new SqliteStatement(connection,
            "INSERT INTO record_change (run_id, dataset, record_ref, field, old_value, new_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        foreach (var amendment in amendments)
        {
            var record = amendment.Incoming;
            BindRecord(identity, record);
            identity.Bind(IdentityReading.RecordColumns.Length + 1, RunId);
            identity.Execute();
            if (record.Kind == IdentityRecordKind.Event && record.ValidFrom is { } start)
            {
                events.Bind(1, record.Dataset);
                events.Bind(2, record.RecordRef);
                events.Bind(3, record.PersonId);
                events.Bind(4, start);
                events.Bind(5, record.ValidTo);
                events.Bind(6, amendment.Value);
                events.Execute();
            }
            foreach (var field in amendment.Changes)
            {
                change.Bind(1, RunId);
                change.Bind(2, record.Dataset);
                change.Bind(3, record.RecordRef);
                change.Bind(4, field.Field);
                change.Bind(5, field.Before);
                change.Bind(6, field.After);
                change.Execute();
            }
        }
    }

    /// <summary>Binds a record's columns in <see cref="IdentityReading.RecordColumns"/> order as parameters 1, 2, ….</summary>
    private static void BindRecord(SqliteStatement statement, IdentityRecord row)
    {
        statement.Bind(1, row.Dataset);
        statement.Bind(2, row.RecordRef);
        statement.Bind(3, row.Kind == IdentityRecordKind.Event ? "event" : "register");
        statement.Bind(4, row.AgencyRef);
        statement.Bind(5, row.Forename);
        statement.Bind(6, row.Surname);
        statement.Bind(7, row.BirthDate);
        statement.Bind(8, row.Sex);
        statement.Bind(9, row.Address);
        statement.Bind(10, row.Postcode);
        statement.Bind(11, row.Uprn);
        statement.Bind(12, row.NhsNumber);
        statement.Bind(13, row.Ethnicity);
        statement.Bind(14, row.Disability);
        statement.Bind(15, row.ValidFrom);
        statement.Bind(16, row.ValidTo);
        statement.Bind(17, row.RelatedRef);
        statement.Bind(18, row.Relationship);
        statement.Bind(19, row.MatchedUprn);
        statement.Bind(20, row.PersonId);
        statement.Bind(21, double.IsNaN(row.MatchProbability) ? null : row.MatchProbability);
    }
}
