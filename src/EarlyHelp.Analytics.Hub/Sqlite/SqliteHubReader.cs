using System.Text;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.OptOuts;
using EarlyHelp.Analytics.Hub.Store;
using Microsoft.Data.Sqlite;

namespace EarlyHelp.Analytics.Hub.Sqlite;

/// <summary>
/// Streams a SQLite hub as domain records. Each enumeration opens its own read-only connection, so
/// enumerations may run at the same time on several threads. Events are read through the native
/// statement API and carry the catalogue's own instance of their dataset code, so ten million events
/// allocate no strings.
/// </summary>
internal sealed class SqliteHubReader(string path, string connectionString, DateOnly extractDate) : IHubReader
{
    /// <inheritdoc />
    public DateOnly ExtractDate => extractDate;

    /// <inheritdoc />
    public IEnumerable<Household> Households()
    {
        using var connection = SqliteReading.Open(connectionString);
        using var command = connection.Command(null, "SELECT household_id, uprn, area_code, imd_decile, tenure FROM household ORDER BY household_id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new Household(new HouseholdId(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                SqliteReading.Intern(reader.GetString(4), ProtectedCodes.Tenures));
        }
    }

    /// <inheritdoc />
    public IEnumerable<Person> People()
    {
        using var connection = SqliteReading.Open(connectionString);
        using var command = connection.Command(null, "SELECT person_id, birth_month, death_month FROM person ORDER BY person_id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new Person(new PersonId(reader.GetInt64(0)), SqliteReading.Month(reader.GetString(1)),
                reader.IsDBNull(2) ? null : SqliteReading.Month(reader.GetString(2)));
        }
    }

    /// <inheritdoc />
    public IEnumerable<Residence> Residences()
    {
        using var connection = SqliteReading.Open(connectionString);
        using var command = connection.Command(null,
            "SELECT person_id, household_id, start_date, end_date FROM residence ORDER BY person_id, start_date, household_id");
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
        using var connection = SqliteReading.Open(connectionString);
        using var command = connection.Command(null,
            "SELECT family_id, person_id, role, start_date, end_date FROM family_member ORDER BY family_id, person_id, start_date, role");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!FamilyRoles.TryParse(reader.GetString(2), out var role))
                throw new InvalidDataException($"The hub holds an unknown family role '{reader.GetString(2)}'.");
            yield return new FamilyMembership(new FamilyId(reader.GetInt64(0)), new PersonId(reader.GetInt64(1)), role,
                HubQueries.ParseDate(reader.GetString(3)), reader.IsDBNull(4) ? null : HubQueries.ParseDate(reader.GetString(4)));
        }
    }

    /// <inheritdoc />
    public IEnumerable<AgencyEvent> Events()
    {
        using var database = SqliteReading.OpenNative(path);
        using var statement = new SqliteStatement(database,
            "SELECT event_id, person_id, dataset, start_date, end_date, value FROM event ORDER BY event_id");
        var codes = new DatasetCodeCache();
        while (statement.Step())
            yield return ReadEvent(statement, codes);
    }

    /// <inheritdoc />
    public IEnumerable<OptOut> OptOuts()
    {
        using var connection = SqliteReading.Open(connectionString);
        foreach (var entry in OptOutRegister.Read(connection))
            yield return entry;
    }

    private static AgencyEvent ReadEvent(SqliteStatement row, DatasetCodeCache codes)
    {
        // A NULL end reads as no bytes, and a stored date is never empty: one native call fewer per row.
        var end = row.Utf8(4);
        return new AgencyEvent(
            row.Int64(0),
            new PersonId(row.Int64(1)),
            codes.Find(row.Utf8(2)),
            IsoDate.Read(row.Utf8(3)),
            end.IsEmpty ? null : IsoDate.Read(end),
            row.IsNull(5) ? null : row.Double(5));
    }

    /// <summary>
    /// Finds the catalogue's instance of a dataset code from its UTF-8 bytes. Events come in runs of one
    /// dataset (each file is loaded in one go), so the last match is tried first.
    /// </summary>
    private sealed class DatasetCodeCache
    {
        private static readonly (byte[] Utf8, string Code)[] Catalogue =
            DatasetCatalogue.All.Select(d => (Encoding.UTF8.GetBytes(d.Code), d.Code)).ToArray();

        private (byte[] Utf8, string Code) last = Catalogue[0];

        public string Find(ReadOnlySpan<byte> utf8)
        {
            if (utf8.SequenceEqual(last.Utf8))
                return last.Code;
            foreach (var entry in Catalogue)
            {
                if (utf8.SequenceEqual(entry.Utf8))
                {
                    last = entry;
                    return entry.Code;
                }
            }
            // A code the catalogue no longer has: keep it readable rather than fail.
            return Encoding.UTF8.GetString(utf8);
        }
    }
}
