using System.Data.Common;
using System.Globalization;
using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Schema;
using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>Reads a hub's identity tables into an <see cref="IdentityState"/>, in portable SQL.</summary>
internal static class IdentityReading
{
    /// <summary>The identity record columns in the order they are read and the load writes.</summary>
    public static readonly string[] RecordColumns =
    [
        "dataset", "record_ref", "kind", "agency_ref", "forename", "surname", "date_of_birth", "sex", "address", "postcode", "uprn",
        "nhs_number", "ethnicity", "disability", "valid_from", "valid_to", "related_ref", "relationship", "matched_uprn", "person_id", "match_probability",
    ];

    /// <summary>Everything linkage needs from the hub.</summary>
    public static IdentityState Read(DbConnection connection, SqlDialect dialect)
    {
        var records = new List<IdentityRecord>();
        using (var command = connection.Command(null, $"SELECT {string.Join(", ", RecordColumns)} FROM identity_record ORDER BY {dialect.LoadOrder}"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                records.Add(Read(reader));
        }

        var gazetteer = new List<GazetteerEntry>();
        using (var command = connection.Command(null, "SELECT uprn, address, postcode, area_code, imd_decile FROM gazetteer ORDER BY uprn"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                gazetteer.Add(new GazetteerEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4)));
        }

        var decisions = new Dictionary<((string, string), (string, string)), StoredDecision>();
        using (var command = connection.Command(null, "SELECT dataset_left, record_left, dataset_right, record_right, decision FROM clerical_decision ORDER BY decision_id"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var decision = new StoredDecision((reader.GetString(0), reader.GetString(1)), (reader.GetString(2), reader.GetString(3)), ParseDecision(reader.GetString(4)));
                decisions[Ordered(decision.Left, decision.Right)] = decision;
            }
        }

        var households = Pairs(connection, "SELECT uprn, household_id FROM household", reader => reader.GetString(0))
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Min(p => p.Value), StringComparer.Ordinal);
        var familyOfChild = Pairs(connection, "SELECT person_id, family_id FROM family_member WHERE role = 'child' ORDER BY start_date", reader => reader.GetInt64(0))
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);
        var firstUnusedFamily = 1 + Max(connection, "SELECT MAX(family_id) FROM family");
        var firstUnusedPerson = 1 + Math.Max(Max(connection, "SELECT MAX(person_id) FROM person"), Max(connection, "SELECT MAX(person_id) FROM identity_record"));
        return new IdentityState(records, gazetteer, decisions.Values.ToArray(),
            new PreviousDerivation(households, familyOfChild, firstUnusedFamily), firstUnusedPerson)
        {
            NewestExtractOf = HubQueries.NewestExtractOf(connection),
        };
    }

    /// <summary>Each identity record's dataset, record reference and person, in load order.</summary>
    public static IReadOnlyList<(string Dataset, string RecordRef, long PersonId)> RecordPeople(DbConnection connection, SqlDialect dialect)
    {
        var links = new List<(string, string, long)>();
        // Dataset names repeat on every row: one string per name rather than one per row.
        var datasets = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = connection.Command(null, $"SELECT dataset, record_ref, person_id FROM identity_record ORDER BY {dialect.LoadOrder}");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var dataset = reader.GetString(0);
            if (!datasets.TryGetValue(dataset, out var pooled))
                datasets[dataset] = pooled = dataset;
            links.Add((pooled, reader.GetString(1), reader.GetInt64(2)));
        }

        return links;
    }

    /// <summary>The hub's code of a clerical decision.</summary>
    public static string Code(ClericalDecision decision) => decision switch
    {
        ClericalDecision.Same => "same",
        ClericalDecision.Different => "different",
        _ => "unsure",
    };

    /// <summary>Reads a clerical decision's code.</summary>
    public static ClericalDecision ParseDecision(string code) => code switch
    {
        "same" => ClericalDecision.Same,
        "different" => ClericalDecision.Different,
        _ => ClericalDecision.Unsure,
    };

    private static ((string, string), (string, string)) Ordered((string, string) left, (string, string) right) =>
        string.CompareOrdinal(left.Item1 + "\n" + left.Item2, right.Item1 + "\n" + right.Item2) <= 0 ? (left, right) : (right, left);

    private static IdentityRecord Read(DbDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        DateOnly? Date(int i) => reader.IsDBNull(i) ? null : HubQueries.ParseDate(reader.GetString(i));
        return new IdentityRecord
        {
            Dataset = reader.GetString(0), RecordRef = reader.GetString(1),
            Kind = reader.GetString(2) == "event" ? IdentityRecordKind.Event : IdentityRecordKind.Register,
            AgencyRef = Text(3), Forename = Text(4), Surname = Text(5), BirthDate = Date(6), Sex = Text(7), Address = Text(8), Postcode = Text(9),
            Uprn = Text(10), NhsNumber = Text(11), Ethnicity = Text(12), Disability = Text(13), ValidFrom = Date(14), ValidTo = Date(15),
            RelatedRef = Text(16), Relationship = Text(17), MatchedUprn = Text(18), PersonId = reader.GetInt64(19),
            MatchProbability = reader.IsDBNull(20) ? double.NaN : reader.GetDouble(20),
        };
    }

    private static List<KeyValuePair<TKey, long>> Pairs<TKey>(DbConnection connection, string sql, Func<DbDataReader, TKey> key)
    {
        using var command = connection.Command(null, sql);
        using var reader = command.ExecuteReader();
        var pairs = new List<KeyValuePair<TKey, long>>();
        while (reader.Read())
            pairs.Add(KeyValuePair.Create(key(reader), reader.GetInt64(1)));
        return pairs;
    }

    private static long Max(DbConnection connection, string sql) =>
        connection.Scalar(null, sql) is { } value ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
}
