using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EarlyHelp.Analytics.Hub.Clerical;
using EarlyHelp.Analytics.Linkage;
using Microsoft.Data.Sqlite;

namespace EarlyHelp.Analytics.Web.Tests.Fixtures;

/// <summary>
/// Hand-made identity records, a linkage model with hand-chosen m and u (no term-frequency tables, so every weight is
/// plain log2(m/u)) and a clerical queue of two pairs, written straight into a hub's tables.
/// </summary>
public static class ClericalSample
{
    /// <summary>The model's prior λ.</summary>
    public const double Lambda = 1e-6;

    /// <summary>
    /// Pair "Amira Khan": police and A&amp;E records agreeing on names and sex, with day and month of birth swapped and
    /// postcodes in different districts. By hand: prior log2(1e-6 / (1 − 1e-6)) = −19.93157, forename exact
    /// log2(0.9/0.01) = 6.49185, surname exact log2(0.9/0.005) = 7.49185, birth date transposed log2(0.02/0.0005) = 5.32193,
    /// sex log2(0.98/0.5) = 0.97085, address and postcode else log2(0.2/0.877) = −2.13258: −1.78766 bits in all, probability 0.225.
    /// </summary>
    public static ClericalPair Amira { get; } = new(("police.asb_incident", "ASB-9001"), ("health.ae_attendance", "AE-9002"));

    /// <summary>Pair "Jon/John Smith", queued with a weight of 0.4 bits: nearer one half than <see cref="Amira"/>, so listed first.</summary>
    public static ClericalPair Smith { get; } = new(("police.asb_incident", "ASB-9003"), ("dwp.out_of_work_benefit", "CLM-9004"));

    /// <summary>
    /// Each comparison of the model with its levels' (label, m, u), labels as the linkage library names them. The
    /// levels the sample pairs do not reach carry plausible values; only their count must match the library's.
    /// </summary>
    public static IReadOnlyList<(string Name, (string Label, double M, double U)[] Levels)> Comparisons { get; } =
    [
        ("forename", [("exact", 0.9, 0.01), ("swapped with surname", 0.005, 0.0001), ("nickname, variant or first name agrees", 0.03, 0.002),
            ("initial agrees", 0.01, 0.05), ("Jaro-Winkler >= 0.92", 0.03, 0.005), ("Jaro-Winkler >= 0.88", 0.01, 0.01),
            ("Jaro-Winkler >= 0.70", 0.005, 0.1), ("else", 0.01, 0.8229)]),
        ("surname", [("exact", 0.9, 0.005), ("one part of a hyphenated or double name agrees", 0.02, 0.0005),
            ("Jaro-Winkler >= 0.92", 0.03, 0.002), ("Jaro-Winkler >= 0.88", 0.01, 0.005), ("Jaro-Winkler >= 0.70", 0.01, 0.1), ("else", 0.03, 0.8875)]),
        ("birth_date", [("exact", 0.9, 0.0001), ("day and month transposed", 0.02, 0.0005), ("one of day, month, year differs", 0.05, 0.01),
            ("same year only", 0.01, 0.05), ("else", 0.02, 0.9394)]),
        ("sex", [("same", 0.98, 0.5), ("else", 0.02, 0.5)]),
        ("address", [("same address and postcode", 0.5, 0.0005), ("same address, postcode differs or missing", 0.05, 0.0005),
            ("same postcode, an address missing", 0.05, 0.001), ("same postcode, other address", 0.02, 0.0015), ("half the address words shared", 0.03, 0.005),
            ("same postcode sector", 0.05, 0.015), ("postcode one keying error", 0.05, 0.0005), ("same postcode district", 0.05, 0.099), ("else", 0.2, 0.877)]),
    ];

    /// <summary>Writes the records, the model (version 1) and the queue into the hub at <paramref name="hubPath"/>.</summary>
    public static void WriteTo(string hubPath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = hubPath, Pooling = false }.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction();
        void Execute(string sql, params object?[] values)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
                command.Parameters.AddWithValue($"@p{i}", values[i] ?? DBNull.Value);
            command.ExecuteNonQuery();
        }
        const string insertRecord = """
            INSERT INTO identity_record (dataset, record_ref, agency_ref, forename, surname, date_of_birth, sex, address, postcode, nhs_number, kind, person_id)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, 'event', @p10)
            """;
        Execute(insertRecord, "police.asb_incident", "ASB-9001", "PN0000009001", "Amira", "Khan", "2015-03-04", "F", "12 Acacia Road", "BS1 6QE", null, 9001);
        Execute(insertRecord, "health.ae_attendance", "AE-9002", "RH0000009002", "Amira", "Khan", "2015-04-03", "F", "3 Mill Lane", "BS5 9AA", "9434765919", 9002);
        Execute(insertRecord, "police.asb_incident", "ASB-9003", "PN0000009003", "Jon", "Smith", "1990-01-10", "M", "Flat 2, 14 High Street", "BS2 0JA", null, 9003);
        Execute(insertRecord, "dwp.out_of_work_benefit", "CLM-9004", "DW0000009004", "John", "Smith", "1990-01-10", "M", "14 High St", "BS2 0JA", null, 9004);
        // The run's figures: four records kept as four people, two pairs compared, none linked, both queued;
        // expected missed links are the queued pairs' probabilities, 0.2246 + 0.5698.
        Execute("""
            INSERT INTO linkage_model (version, run_id, created_at, records, people, compared_pairs, linked_pairs,
                expected_false_links, expected_missed_links, clerical_queue, parameters)
            VALUES (1, 1, '2024-04-01T00:00:00.0000000+00:00', 4, 4, 2, 0, 0, 0.7944, 2, @p0)
            """, ModelJson());
        const string queue = "INSERT INTO clerical_queue (dataset_left, record_left, dataset_right, record_right, match_weight, match_probability) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)";
        Execute(queue, Amira.Left.Dataset, Amira.Left.RecordRef, Amira.Right.Dataset, Amira.Right.RecordRef, -1.787656, 0.2246);
        Execute(queue, Smith.Left.Dataset, Smith.Left.RecordRef, Smith.Right.Dataset, Smith.Right.RecordRef, 0.4, 0.5698);
        transaction.Commit();
    }

    /// <summary>The model in the linkage library's stored format (version 1), with the default settings.</summary>
    public static string ModelJson()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        };
        var model = new JsonObject
        {
            ["format_version"] = 1,
            ["lambda"] = Lambda,
            ["prior_weight"] = Math.Log2(Lambda / (1 - Lambda)),
            ["settings"] = JsonSerializer.SerializeToNode(LinkageSettings.Default, options),
            ["training"] = new JsonObject
            {
                ["records"] = 4, ["candidate_pairs"] = 2, ["training_pairs"] = 2, ["random_pairs"] = 1000,
                ["iterations"] = 1, ["converged"] = true, ["blocked_match_share"] = 0.5,
            },
            ["comparisons"] = new JsonArray(Comparisons.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["levels"] = new JsonArray(c.Levels.Select(l => (JsonNode)new JsonObject
                {
                    ["label"] = l.Label, ["m"] = l.M, ["u"] = l.U, ["weight"] = Math.Log2(l.M / l.U), ["term_frequency_adjusted"] = false,
                }).ToArray()),
            }).ToArray()),
            ["term_frequencies"] = new JsonObject(),
        };
        return model.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
