using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Store;
using Npgsql;

namespace EarlyHelp.Analytics.Hub.Postgres;

/// <summary>
/// A load into a PostgreSQL hub: one transaction holding the hub's advisory write lock, rows copied in with binary
/// COPY through staging tables (<see cref="CopyInsert{T}"/>). Disposing without committing rolls everything back.
/// </summary>
internal sealed partial class PostgresLoad : DbHubLoad
{
    /// <inheritdoc />
    protected override Schema.SqlDialect Dialect => PostgresDialect.Instance;

    private readonly NpgsqlConnection connection;
    private readonly bool partitioned;
    private string dataset = "";

    /// <summary>Starts the load's transaction on <paramref name="connection"/>, waiting for any other writer to finish.</summary>
    public PostgresLoad(NpgsqlConnection connection, AuditLog auditLog)
        : base(connection, connection.BeginWriteTransaction(), auditLog)
    {
        this.connection = connection;
        partitioned = PostgresPartitioning.Count(connection) > 0;
        var households = new CopyInsert<Household>(connection, "household", ["household_id", "uprn", "area_code", "imd_decile", "tenure"], ["household_id"],
            static (row, value) =>
            {
                row.Id(value.Id.Value);
                row.Text(value.Uprn);
                row.Text(value.AreaCode);
                row.Integer(value.ImdDecile);
                row.Text(value.Tenure);
            });
        var people = new CopyInsert<Person>(connection, "person", ["person_id", "birth_month", "death_month"], ["person_id"],
            static (row, value) =>
            {
                row.Id(value.Id.Value);
                row.Text(value.BirthMonth.ToString());
                row.Text(value.DeathMonth?.ToString());
            },
            "death_month");
        var protectedCharacteristics = new CopyInsert<ProtectedCharacteristics>(connection, "person_protected", ["person_id", "sex", "ethnicity", "disability"], ["person_id"],
            static (row, value) =>
            {
                row.Id(value.Person.Value);
                row.Text(value.Sex);
                row.Text(value.Ethnicity);
                row.Text(value.Disability);
            });
        var identities = new CopyInsert<PersonIdentity>(connection, "person_identity", ["person_id", "forename", "surname", "date_of_birth", "postcode"], ["person_id"],
            static (row, value) =>
            {
                row.Id(value.Person.Value);
                row.Text(value.Forename);
                row.Text(value.Surname);
                row.Date(value.DateOfBirth);
                row.Text(value.Postcode);
            });
        var residences = new CopyInsert<Residence>(connection, "residence", ["person_id", "household_id", "start_date", "end_date"], ["person_id", "household_id", "start_date"],
            static (row, value) =>
            {
                row.Id(value.Person.Value);
                row.Id(value.Household.Value);
                row.Date(value.Start);
                row.Date(value.End);
            },
            "end_date", partitioned);
        var families = new CopyInsert<FamilyId>(connection, "family", ["family_id"], ["family_id"], static (row, value) => row.Id(value.Value));
        var memberships = new CopyInsert<FamilyMembership>(connection, "family_member", ["family_id", "person_id", "role", "start_date", "end_date"], ["family_id", "person_id", "role", "start_date"],
            static (row, value) =>
            {
                row.Id(value.Family.Value);
                row.Id(value.Person.Value);
                row.Text(value.Role.Code());
                row.Date(value.Start);
                row.Date(value.End);
            },
            "end_date", partitioned);
        var events = new CopyInsert<SourceEvent>(connection, "event", ["person_id", "dataset", "start_date", "end_date", "value", "source_ref"], ["dataset", "source_ref"],
            (row, value) =>
            {
                row.Id(value.Person.Value);
                row.Text(dataset);
                row.Date(value.Start);
                row.Date(value.End);
                row.Real(value.Value);
                row.Text(value.SourceRef);
            },
            "end_date", partitioned);
        Writers = new(households, people, protectedCharacteristics, identities, residences, families, memberships, events, code => dataset = code);
    }

    /// <inheritdoc />
    /// <remarks>On a partitioned hub every row of the load moves to its family group's partition before the commit.</remarks>
    protected override void BeforeCommit()
    {
        if (partitioned)
            FamilyGroups.Assign(connection);
    }
}
