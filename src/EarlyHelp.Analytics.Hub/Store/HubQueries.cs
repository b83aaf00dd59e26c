using System.Data.Common;
using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Ingest;

namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>The stores' shared queries over ids, counts and the ingest log, in portable SQL.</summary>
internal static class HubQueries
{
    /// <summary>The tables of the canonical model and the logs, in the order counts are shown.</summary>
    public static IReadOnlyList<string> CountedTables { get; } =
    [
        "dataset", "household", "person", "person_protected", "person_identity", "residence", "family", "family_member",
        "event", "opt_out", "ingest_run", "ingest_file", "audit_log",
        "gazetteer", "identity_record", "linkage_model", "clerical_decision", "clerical_queue", "person_history", "record_change",
    ];

    /// <summary>The figures of the newest linkage, or null when the hub has linked nothing.</summary>
    public static LinkageFigures? LatestLinkage(DbConnection connection)
    {
        using var command = connection.Command(null, """
            SELECT version, records, people, compared_pairs, linked_pairs, expected_false_links, expected_missed_links,
                (SELECT COUNT(*) FROM clerical_queue), (SELECT COUNT(*) FROM clerical_decision), created_at
            FROM linkage_model ORDER BY version DESC LIMIT 1
            """);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return null;
        return new LinkageFigures(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
            reader.GetDouble(5), reader.GetDouble(6), reader.GetInt64(7), reader.GetInt64(8), ParseTime(reader.GetString(9)));
    }

    /// <summary>The newest extract date loaded, or null.</summary>
    public static DateOnly? ExtractDate(DbConnection connection) =>
        connection.Scalar(null, "SELECT MAX(extract_date) FROM ingest_run") is string text ? ParseDate(text) : null;

    /// <summary>The newest extract date loaded of each dataset: an event dataset's code, a council file's name without <c>.csv</c>.</summary>
    public static IReadOnlyDictionary<string, DateOnly> NewestExtractOf(DbConnection connection)
    {
        var newest = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        using var command = connection.Command(null, """
            SELECT f.dataset, f.path, MAX(r.extract_date) FROM ingest_file f JOIN ingest_run r ON r.run_id = f.run_id
            WHERE f.not_applied IS NULL GROUP BY f.dataset, f.path
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var name = reader.IsDBNull(0) ? Path.GetFileNameWithoutExtension(reader.GetString(1)) : reader.GetString(0);
            var date = ParseDate(reader.GetString(2));
            if (!newest.TryGetValue(name, out var known) || date > known)
                newest[name] = date;
        }
        return newest;
    }

    /// <summary>The value of each stored event of <paramref name="dataset"/> that has one, by record reference.</summary>
    public static IReadOnlyDictionary<string, double?> EventValues(DbConnection connection, string dataset)
    {
        var values = new Dictionary<string, double?>(StringComparer.Ordinal);
        using var command = connection.Command(null, "SELECT source_ref, value FROM event WHERE dataset = @p0 AND value IS NOT NULL", dataset);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            values[reader.GetString(0)] = reader.GetDouble(1);
        return values;
    }

    /// <summary>Every person, household and family id.</summary>
    public static HubIds ExistingIds(DbConnection connection) => new(
        Ids(connection, "SELECT person_id FROM person"),
        Ids(connection, "SELECT household_id FROM household"),
        Ids(connection, "SELECT family_id FROM family"));

    /// <summary>Rows per table, and event rows per dataset in catalogue order.</summary>
    public static HubCounts Counts(DbConnection connection)
    {
        var tables = CountedTables
            .Select(table => KeyValuePair.Create(table, Convert.ToInt64(connection.Scalar(null, $"SELECT COUNT(*) FROM {table}"), CultureInfo.InvariantCulture)))
            .ToArray();
        var perDataset = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var command = connection.Command(null, "SELECT dataset, COUNT(*) FROM event GROUP BY dataset"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                perDataset[reader.GetString(0)] = reader.GetInt64(1);
        }
        var datasets = DatasetCatalogue.All.Select(d => KeyValuePair.Create(d.Code, perDataset.GetValueOrDefault(d.Code))).ToArray();
        return new HubCounts(tables, datasets);
    }

    /// <summary>Every ingest run with its files, oldest first.</summary>
    public static IReadOnlyList<IngestRunRecord> IngestRuns(DbConnection connection)
    {
        var files = new Dictionary<long, List<IngestedFile>>();
        using (var command = connection.Command(null, """
            SELECT run_id, path, dataset, hub_table, sha256, rows, rows_added, rows_updated, rows_already_present, rows_dropped_by_retention,
                rows_deleted, not_applied
            FROM ingest_file ORDER BY run_id, position
            """))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var runId = reader.GetInt64(0);
                if (!files.TryGetValue(runId, out var runFiles))
                    files[runId] = runFiles = [];
                runFiles.Add(new IngestedFile(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                    reader.GetString(4), reader.GetInt64(5), new LoadCounts(reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8)), reader.GetInt64(9))
                {
                    Deleted = reader.GetInt64(10),
                    NotApplied = reader.IsDBNull(11) ? null : reader.GetString(11),
                });
            }
        }
        var runs = new List<IngestRunRecord>();
        using (var command = connection.Command(null,
            "SELECT run_id, folder, extract_date, producer, producer_version, started_at, finished_at FROM ingest_run ORDER BY run_id"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var runId = reader.GetInt64(0);
                runs.Add(new IngestRunRecord(runId, new IngestReport(reader.GetString(1), ParseDate(reader.GetString(2)),
                    reader.GetString(3), reader.GetString(4), ParseTime(reader.GetString(5)), ParseTime(reader.GetString(6)),
                    files.GetValueOrDefault(runId) ?? [])));
            }
        }
        return runs;
    }

    /// <summary>Records a finished run and its files inside the load's transaction.</summary>
    public static void RecordRun(DbConnection connection, DbTransaction transaction, IngestReport report)
    {
        var runId = 1 + Convert.ToInt64(connection.Scalar(transaction, "SELECT COALESCE(MAX(run_id), 0) FROM ingest_run"), CultureInfo.InvariantCulture);
        var counts = report.Counts;
        connection.Execute(transaction, """
            INSERT INTO ingest_run (run_id, started_at, finished_at, folder, extract_date, producer, producer_version,
                rows_added, rows_updated, rows_already_present, rows_dropped_by_retention, rows_deleted, rows_expired)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12)
            """,
            runId, FormatTime(report.StartedAt), FormatTime(report.FinishedAt), report.Folder, FormatDate(report.ExtractDate),
            report.Producer, report.ProducerVersion, counts.Added, counts.Updated, counts.AlreadyPresent, report.DroppedByRetention,
            report.Deleted, report.Expired.Sum(e => e.Records));
        for (var position = 0; position < report.Files.Count; position++)
        {
            var file = report.Files[position];
            connection.Execute(transaction, """
                INSERT INTO ingest_file (run_id, position, path, dataset, hub_table, sha256, rows,
                    rows_added, rows_updated, rows_already_present, rows_dropped_by_retention, rows_deleted, not_applied)
                VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12)
                """,
                runId, position, file.Path, file.Dataset, file.Table, file.Sha256, file.Rows,
                file.Counts.Added, file.Counts.Updated, file.Counts.AlreadyPresent, file.DroppedByRetention, file.Deleted, file.NotApplied);
        }
    }

    /// <summary>A date as the hub stores it: ISO <c>YYYY-MM-DD</c>.</summary>
    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads a date the hub stored.</summary>
    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A moment as the hub stores it: ISO 8601 round-trip, UTC.</summary>
    public static string FormatTime(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Reads a moment the hub stored.</summary>
    public static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static HashSet<long> Ids(DbConnection connection, string sql)
    {
        using var command = connection.Command(null, sql);
        using var reader = command.ExecuteReader();
        var ids = new HashSet<long>();
        while (reader.Read())
            ids.Add(reader.GetInt64(0));
        return ids;
    }
}
