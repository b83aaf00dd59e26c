using System.Data.Common;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.OptOuts;

namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>
/// Streams a hub as domain records in portable SQL. Each enumeration opens its own connection, so enumerations
/// may run at the same time on several threads. A database with a faster way to stream events overrides <see cref="Events"/>.
/// </summary>
/// <param name="extractDate">The newest extract date loaded.</param>
internal abstract class DbHubReader(DateOnly extractDate) : IHubReader
{
    /// <inheritdoc />
    public DateOnly ExtractDate => extractDate;

    /// <inheritdoc />
    public IEnumerable<Household> Households()
    {
        using var connection = Open();
        using var command = connection.Command(null, HouseholdsQuery);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new Household(new HouseholdId(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                HubReading.Intern(reader.GetString(4), ProtectedCodes.Tenures));
        }
    }

    /// <inheritdoc />
    public IEnumerable<Person> People()
    {
        using var connection = Open();
        using var command = connection.Command(null, PeopleQuery);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new Person(new PersonId(reader.GetInt64(0)), HubReading.Month(reader.GetString(1)),
                reader.IsDBNull(2) ? null : HubReading.Month(reader.GetString(2)));
        }
    }

    /// <inheritdoc />
    public IEnumerable<Residence> Residences()
    {
        using var connection = Open();
        using var command = connection.Command(null, ResidencesQuery);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new Residence(new PersonId(reader.GetInt64(0)), new HouseholdId(reader.GetInt64(1)),
                HubQueries.ParseDate(reader.GetString(2)), reader.IsDBNull(3) ? null : HubQueries.ParseDate(reader.GetString(3)));
        }
    }

    /// <inheritdoc />
    public IEnumerable<FamilyMembership> FamilyMemberships()
    {
        using var connection = Open();
        using var command = connection.Command(null, MembershipsQuery);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!FamilyRoles.TryParse(reader.GetString(2), out var role))
                throw new InvalidDataException($"The hub holds an unknown family role '{reader.GetString(2)}'.");
            yield return new FamilyMembership(new FamilyId(reader.GetInt64(0)), new PersonId(reader.GetInt64(1)), role,
                HubQueries.ParseDate(reader.GetString(3)), reader.IsDBNull(4) ? null : HubQueries.ParseDate(reader.GetString(4)));
        }
    }

    /// <summary>
    /// Every event with, when a later load than its dataset's first brought it, that load's extract date (the identity
    /// record's <c>first_run</c>; step 11). A dataset's first load is its back-fill: its records carry no load date.
    /// </summary>
    protected string EventsQuery => $"""
        SELECT e.event_id, e.person_id, e.dataset, e.start_date, e.end_date, e.value,
               CASE WHEN r.first_run > f.first_load THEN run.extract_date END
        FROM {From("event")} e
        LEFT JOIN identity_record r ON r.dataset = e.dataset AND r.record_ref = e.source_ref
        LEFT JOIN ingest_run run ON run.run_id = r.first_run
        LEFT JOIN (SELECT dataset, MIN(run_id) AS first_load FROM ingest_file WHERE dataset IS NOT NULL GROUP BY dataset) f ON f.dataset = e.dataset
        ORDER BY e.event_id
        """;

    /// <inheritdoc />
    public virtual IEnumerable<AgencyEvent> Events()
    {
        using var connection = Open();
        using var command = connection.Command(null, EventsQuery);
        using var reader = command.ExecuteReader();
        // One string per dataset code rather than one per row.
        var codes = DatasetCatalogue.All.ToDictionary(d => d.Code, d => d.Code, StringComparer.Ordinal);
        while (reader.Read())
        {
            var code = reader.GetString(2);
            yield return new AgencyEvent(reader.GetInt64(0), new PersonId(reader.GetInt64(1)), codes.GetValueOrDefault(code, code),
                HubQueries.ParseDate(reader.GetString(3)), reader.IsDBNull(4) ? null : HubQueries.ParseDate(reader.GetString(4)),
                reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.IsDBNull(6) ? null : HubQueries.ParseDate(reader.GetString(6)));
        }
    }

    /// <inheritdoc />
    public IEnumerable<OptOut> OptOuts()
    {
        using var connection = Open();
        foreach (var entry in OptOutRegister.Read(connection))
            yield return entry;
    }

    private string HouseholdsQuery => $"SELECT household_id, uprn, area_code, imd_decile, tenure FROM {From("household")} ORDER BY household_id";

    private string PeopleQuery => $"SELECT person_id, birth_month, death_month FROM {From("person")} ORDER BY person_id";

    private string ResidencesQuery => $"SELECT person_id, household_id, start_date, end_date FROM {From("residence")} ORDER BY person_id, start_date, household_id";

    private string MembershipsQuery => $"SELECT family_id, person_id, role, start_date, end_date FROM {From("family_member")} ORDER BY family_id, person_id, start_date, role";

    /// <summary>Every query the reader runs (opt-outs apart, which the register reads), for a check of what each one touches.</summary>
    internal IReadOnlyList<string> Queries => [HouseholdsQuery, PeopleQuery, ResidencesQuery, MembershipsQuery, EventsQuery];

    /// <summary>
    /// What a query reads <paramref name="table"/> from: the table itself, or, for a reader of one partition, that
    /// partition's table or the rows of a shared table that the partition names (always aliased as the table).
    /// </summary>
    protected virtual string From(string table) => table;

    /// <summary>Opens a read connection to the hub.</summary>
    protected abstract DbConnection Open();
}
