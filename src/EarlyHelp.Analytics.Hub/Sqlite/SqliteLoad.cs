using System.Globalization;
using System.Text;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Lifecycle;
using EarlyHelp.Analytics.Hub.Store;
using Microsoft.Data.Sqlite;

namespace EarlyHelp.Analytics.Hub.Sqlite;

/// <summary>
/// A load into a SQLite hub: one <c>BEGIN IMMEDIATE</c> transaction, a large page cache while it runs,
/// and one reused native statement per table. Disposing without <see cref="Commit"/> rolls back, which
/// leaves the database file byte-for-byte as it was.
/// </summary>
internal sealed partial class SqliteLoad : IHubLoad
{
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly AuditLog auditLog;
    private readonly KeyedInsert<Household> households;
    private readonly KeyedInsert<Person> people;
    private readonly KeyedInsert<ProtectedCharacteristics> protectedCharacteristics;
    private readonly KeyedInsert<PersonIdentity> identities;
    private readonly KeyedInsert<Residence> residences;
    private readonly KeyedInsert<FamilyId> families;
    private readonly KeyedInsert<FamilyMembership> memberships;
    private readonly KeyedInsert<SourceEvent> events;
    private readonly long runId;
    private bool committed;

    /// <summary>Starts the load's transaction on <paramref name="connection"/>.</summary>
    public SqliteLoad(SqliteConnection connection, AuditLog auditLog)
    {
        this.connection = connection;
        this.auditLog = auditLog;
        SqliteHubStore.Pragma(connection, $"cache_size = -{SqliteHubStore.LoadCacheKibibytes}");
        transaction = connection.BeginTransaction();
        // The ingest run this load will be recorded as (the transaction holds the write lock, so no other load takes it).
        runId = 1 + Convert.ToInt64(connection.Scalar(transaction, "SELECT COALESCE(MAX(run_id), 0) FROM ingest_run"), CultureInfo.InvariantCulture);
        households = new(connection, "household", ["household_id", "uprn", "area_code", "imd_decile", "tenure"], ["household_id"],
            static (statement, row) =>
            {
                statement.Bind(1, row.Id.Value);
                statement.Bind(2, row.Uprn);
                statement.Bind(3, row.AreaCode);
                statement.Bind(4, row.ImdDecile);
                statement.Bind(5, row.Tenure);
            });
        people = new(connection, "person", ["person_id", "birth_month", "death_month"], ["person_id"],
            static (statement, row) =>
            {
                statement.Bind(1, row.Id.Value);
                statement.Bind(2, row.BirthMonth.ToString());
                statement.Bind(3, row.DeathMonth?.ToString());
            },
            "death_month", static row => row.DeathMonth is not null);
        protectedCharacteristics = new(connection, "person_protected", ["person_id", "sex", "ethnicity", "disability"], ["person_id"],
            static (statement, row) =>
            {
                statement.Bind(1, row.Person.Value);
                statement.Bind(2, row.Sex);
                statement.Bind(3, row.Ethnicity);
                statement.Bind(4, row.Disability);
            });
        identities = new(connection, "person_identity", ["person_id", "forename", "surname", "date_of_birth", "postcode"], ["person_id"],
            static (statement, row) =>
            {
                statement.Bind(1, row.Person.Value);
                statement.Bind(2, row.Forename);
                statement.Bind(3, row.Surname);
                statement.Bind(4, row.DateOfBirth);
                statement.Bind(5, row.Postcode);
            });
        residences = new(connection, "residence", ["person_id", "household_id", "start_date", "end_date"], ["person_id", "household_id", "start_date"],
            static (statement, row) =>
            {
                statement.Bind(1, row.Person.Value);
                statement.Bind(2, row.Household.Value);
                statement.Bind(3, row.Start);
                statement.Bind(4, row.End);
            },
            "end_date", static row => row.End is not null);
        families = new(connection, "family", ["family_id"], ["family_id"], static (statement, row) => statement.Bind(1, row.Value));
        memberships = new(connection, "family_member", ["family_id", "person_id", "role", "start_date", "end_date"], ["family_id", "person_id", "role", "start_date"],
            static (statement, row) =>
            {
                statement.Bind(1, row.Family.Value);
                statement.Bind(2, row.Person.Value);
                statement.Bind(3, row.Role.Code());
                statement.Bind(4, row.Start);
                statement.Bind(5, row.End);
            },
            "end_date", static row => row.End is not null);
        // Parameter 2, the dataset, is bound once per batch with BindShared.
        events = new(connection, "event", ["person_id", "dataset", "start_date", "end_date", "value", "source_ref"], ["dataset", "source_ref"],
            static (statement, row) =>
            {
                statement.Bind(1, row.Person.Value);
                statement.Bind(3, row.Start);
                statement.Bind(4, row.End);
                statement.Bind(5, row.Value);
                statement.Bind(6, row.SourceRef);
            },
            "end_date", static row => row.End is not null);
    }

    /// <inheritdoc />
    public LoadCounts AddHouseholds(ReadOnlySpan<Household> rows) => households.Write(rows);

    /// <inheritdoc />
    public LoadCounts AddPeople(ReadOnlySpan<Person> rows) => people.Write(rows);

    /// <inheritdoc />
    public LoadCounts AddProtectedCharacteristics(ReadOnlySpan<ProtectedCharacteristics> rows) => protectedCharacteristics.Write(rows);

    /// <inheritdoc />
    public LoadCounts AddIdentities(ReadOnlySpan<PersonIdentity> rows) => identities.Write(rows);

    /// <inheritdoc />
    public LoadCounts AddResidences(ReadOnlySpan<Residence> rows) => residences.Write(rows);

    /// <inheritdoc />
    public LoadCounts AddFamilies(ReadOnlySpan<FamilyId> rows) => families.Write(rows);

    /// <inheritdoc />
    public LoadCounts AddFamilyMemberships(ReadOnlySpan<FamilyMembership> rows) => memberships.Write(rows);

    /// <inheritdoc />
    public LoadCounts AddEvents(string dataset, ReadOnlySpan<SourceEvent> rows)
    {
        events.BindShared(2, Encoding.UTF8.GetBytes(dataset));
        return events.Write(rows);
    }

    /// <inheritdoc />
    public void Commit(IngestReport report, string actor)
    {
        HubQueries.RecordRun(connection, transaction, report);
        var counts = report.Counts;
        auditLog.Append(transaction, actor, "ingest", report.Folder, string.Create(CultureInfo.InvariantCulture,
            $"extract of {report.ExtractDate:yyyy-MM-dd}: {counts.Added} rows added, {counts.Updated} updated, {counts.AlreadyPresent} already present, {report.Deleted} deleted at source, {report.DroppedByRetention} dropped by retention"));
        foreach (var (action, subject, detail) in RetentionAudit.Entries(report.Expired))
            auditLog.Append(transaction, actor, action, subject, detail);
        transaction.Commit();
        committed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var statement in new IDisposable[] { households, people, protectedCharacteristics, identities, residences, families, memberships, events })
            statement.Dispose();
        if (!committed)
            transaction.Rollback();
        transaction.Dispose();
        SqliteHubStore.Pragma(connection, $"cache_size = -{SqliteHubStore.NormalCacheKibibytes}");
    }
}
