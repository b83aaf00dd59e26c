using System.Text;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Store;
using Microsoft.Data.Sqlite;

namespace EarlyHelp.Analytics.Hub.Sqlite;

/// <summary>
/// A load into a SQLite hub: one <c>BEGIN IMMEDIATE</c> transaction, a large page cache while it runs,
/// and one reused native statement per table. Disposing without <see cref="DbHubLoad.Commit"/> rolls back, which
/// leaves the database file byte-for-byte as it was.
/// </summary>
internal sealed partial class SqliteLoad : DbHubLoad
{
    /// <inheritdoc />
    protected override Schema.SqlDialect Dialect => SqliteDialect.Instance;

    private readonly SqliteConnection connection;
    private readonly KeyedInsert<Household> households;
    private readonly KeyedInsert<Person> people;
    private readonly KeyedInsert<ProtectedCharacteristics> protectedCharacteristics;
    private readonly KeyedInsert<PersonIdentity> identities;
    private readonly KeyedInsert<Residence> residences;
    private readonly KeyedInsert<FamilyId> families;
    private readonly KeyedInsert<FamilyMembership> memberships;
    private readonly KeyedInsert<SourceEvent> events;

    /// <summary>Starts the load's transaction on <paramref name="connection"/>.</summary>
    public SqliteLoad(SqliteConnection connection, AuditLog auditLog)
        : base(connection, Begin(connection), auditLog)
    {
        this.connection = connection;
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
        Writers = new(households, people, protectedCharacteristics, identities, residences, families, memberships, events,
            code => events.BindShared(2, Encoding.UTF8.GetBytes(code)));
    }

    /// <inheritdoc />
    protected override void ReleaseWriters()
    {
        foreach (var statement in new IDisposable[] { households, people, protectedCharacteristics, identities, residences, families, memberships, events })
            statement.Dispose();
    }

    /// <inheritdoc />
    protected override void AfterTransaction() =>
        SqliteHubStore.Pragma(connection, $"cache_size = -{SqliteHubStore.NormalCacheKibibytes}");

    /// <summary>Gives the connection the load's page cache and begins the load's transaction (SQLite's takes the write lock).</summary>
    private static SqliteTransaction Begin(SqliteConnection connection)
    {
        SqliteHubStore.Pragma(connection, $"cache_size = -{SqliteHubStore.LoadCacheKibibytes}");
        return connection.BeginTransaction();
    }
}
