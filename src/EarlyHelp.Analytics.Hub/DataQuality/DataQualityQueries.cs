using System.Data.Common;
using System.Globalization;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.DataQuality;

/// <summary>
/// The data-steward queue: every panel review whose outcome is "data looks wrong" raises a query to the owner of the
/// dataset it names (from the hub's catalogue), in the review's own transaction. A steward routes a query that names no
/// dataset, and records the owner's answer: confirmed, fixed at source or not an error. Each step is kept with who took
/// it, when and why, and audited in the same transaction. Portable SQL over <see cref="DbConnection"/>.
/// </summary>
public sealed class DataQualityQueries
{
    /// <summary>The audit action of a query raised by a review.</summary>
    public const string RaiseAction = "data_quality.raise";

    /// <summary>The audit action of routing a query to a dataset.</summary>
    public const string RouteAction = "data_quality.route";

    /// <summary>The audit action of moving a query to another status.</summary>
    public const string MoveAction = "data_quality.move";

    /// <summary>The audit action of looking at the queue.</summary>
    public const string ViewAction = "data_quality.view";

    private const string Columns = "q.query_id, q.reference, q.review_id, q.dataset, d.agency, q.description, q.raised_by, q.raised_at, q.status";

    // A query about a family under restriction is held back with its prompt: it is neither shown nor worked on, since
    // routing it would process what the panel wrote about them. The report still counts it (numbers only).
    private const string Visible = """
        FROM data_quality_query q LEFT JOIN dataset d ON d.code = q.dataset LEFT JOIN prompt p ON p.reference = q.reference
        WHERE p.hidden_at IS NULL
        """;

    private readonly DbConnection connection;
    private readonly AuditLog auditLog;
    private readonly TimeProvider clock;

    /// <summary>The queue over the hub's open connection.</summary>
    internal DataQualityQueries(DbConnection connection, AuditLog auditLog, TimeProvider clock)
    {
        this.connection = connection;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /// <summary>
    /// Raises the query of a "data looks wrong" review inside the review's transaction: to the one dataset the reason names,
    /// or unrouted. Returns the query's number.
    /// </summary>
    internal static long Raise(DbConnection connection, DbTransaction transaction, AuditLog auditLog, PromptReview review)
    {
        var dataset = DatasetMention.Find(review.Reason, Catalogue(connection, transaction));
        // Numbered after the last number ever given, not the highest still held: retention may have removed that one.
        connection.Execute(transaction, "UPDATE data_quality_numbering SET last_query_id = last_query_id + 1");
        var id = Convert.ToInt64(connection.Scalar(transaction, "SELECT last_query_id FROM data_quality_numbering"), CultureInfo.InvariantCulture);
        var at = HubQueries.FormatTime(review.At);
        connection.Execute(transaction, """
            INSERT INTO data_quality_query (query_id, reference, review_id, dataset, description, raised_by, raised_at, status)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)
            """, id, review.Prompt.Value, review.Id, dataset?.Code, review.Reason, review.Reviewer, at, DataQualityStatus.Open.Code());
        var note = $"raised by review {review.Id.ToString(CultureInfo.InvariantCulture)} of prompt {review.Prompt.Value}";
        AddStep(connection, transaction, id, DataQualityStatus.Open, dataset?.Code, review.Reviewer, at, note);
        auditLog.Append(transaction, review.Reviewer, RaiseAction, Subject(id), dataset is null
            ? $"{note}; names no single dataset: to be routed by a steward"
            : $"{note}; to {dataset.Owner} about {dataset.Code}");
        return id;
    }

    /// <summary>The queries, newest first; only those in <paramref name="status"/> when given; none about a family under restriction.</summary>
    public IReadOnlyList<DataQualityQuery> List(DataQualityStatus? status = null) => status is { } wanted
        ? Read(null, $"SELECT {Columns} {Visible} AND q.status = @p0 ORDER BY q.query_id DESC", wanted.Code())
        : Read(null, $"SELECT {Columns} {Visible} ORDER BY q.query_id DESC");

    /// <summary>The query numbered <paramref name="id"/>, or null (also when its prompt is hidden by a restriction).</summary>
    public DataQualityQuery? Find(long id) => Find(null, id);

    /// <summary>Every step of a query's life, oldest first.</summary>
    public IReadOnlyList<DataQualityStep> History(long id)
    {
        using var command = connection.Command(null,
            "SELECT query_id, status, dataset, actor, at, note FROM data_quality_step WHERE query_id = @p0 ORDER BY step", id);
        using var reader = command.ExecuteReader();
        var steps = new List<DataQualityStep>();
        while (reader.Read())
        {
            steps.Add(new DataQualityStep(reader.GetInt64(0), ParseStatus(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3), HubQueries.ParseTime(reader.GetString(4)), reader.GetString(5)));
        }
        return steps;
    }

    /// <summary>
    /// Sends a query that is still open or confirmed to <paramref name="datasetCode"/>'s owner (a steward read what
    /// looks wrong and knows whose record it is), with a note; audited.
    /// </summary>
    public DataQualityChange Route(long id, string datasetCode, string actor, string note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datasetCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        using var transaction = connection.BeginWriteTransaction();
        if (Find(transaction, id) is not { } query)
            return DataQualityChange.NotFound;
        if (query.Status.NextSteps().Count == 0)
            return DataQualityChange.NotAllowed;
        if (Catalogue(connection, transaction).FirstOrDefault(d => d.Code == datasetCode.Trim()) is not { } dataset)
            return DataQualityChange.UnknownDataset;
        var at = HubQueries.FormatTime(clock.GetUtcNow());
        connection.Execute(transaction, "UPDATE data_quality_query SET dataset = @p0 WHERE query_id = @p1", dataset.Code, id);
        AddStep(connection, transaction, id, query.Status, dataset.Code, actor, at, note.Trim());
        auditLog.Append(transaction, actor, RouteAction, Subject(id), $"to {dataset.Owner} about {dataset.Code}: {note.Trim()}");
        transaction.Commit();
        return DataQualityChange.Done;
    }

    /// <summary>
    /// Records the owner's answer: moves the query to <paramref name="status"/> when its current status allows it
    /// (<see cref="DataQualityStatuses.NextSteps"/>), with who and a note; audited. A query not yet routed cannot be
    /// answered: no owner has been asked.
    /// </summary>
    public DataQualityChange Move(long id, DataQualityStatus status, string actor, string note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        using var transaction = connection.BeginWriteTransaction();
        if (Find(transaction, id) is not { } query)
            return DataQualityChange.NotFound;
        if (query.Dataset is null || !query.Status.NextSteps().Contains(status))
            return DataQualityChange.NotAllowed;
        var at = HubQueries.FormatTime(clock.GetUtcNow());
        connection.Execute(transaction, "UPDATE data_quality_query SET status = @p0 WHERE query_id = @p1", status.Code(), id);
        AddStep(connection, transaction, id, status, query.Dataset, actor, at, note.Trim());
        auditLog.Append(transaction, actor, MoveAction, Subject(id), $"{query.Status.Code()} to {status.Code()}: {note.Trim()}");
        transaction.Commit();
        return DataQualityChange.Done;
    }

    /// <summary>Per dataset with a query (and one row for those not yet routed), how many were raised and where they stand, by dataset code.</summary>
    public IReadOnlyList<DataQualityReportRow> Report()
    {
        using var command = connection.Command(null, """
            SELECT q.dataset, d.agency, q.status, COUNT(*) FROM data_quality_query q LEFT JOIN dataset d ON d.code = q.dataset
            GROUP BY q.dataset, d.agency, q.status
            """);
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, (string? Dataset, string? Owner, int[] ByStatus)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var dataset = reader.IsDBNull(0) ? null : reader.GetString(0);
            if (!counts.TryGetValue(dataset ?? "", out var row))
                row = (dataset, reader.IsDBNull(1) ? null : reader.GetString(1), new int[4]);
            row.ByStatus[(int)ParseStatus(reader.GetString(2))] += Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture);
            counts[dataset ?? ""] = row;
        }
        return counts.OrderBy(c => c.Value.Dataset is null).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new DataQualityReportRow(c.Value.Dataset, c.Value.Owner, c.Value.ByStatus.Sum(),
                c.Value.ByStatus[(int)DataQualityStatus.Open], c.Value.ByStatus[(int)DataQualityStatus.Confirmed],
                c.Value.ByStatus[(int)DataQualityStatus.FixedAtSource], c.Value.ByStatus[(int)DataQualityStatus.NotAnError]))
            .ToArray();
    }

    /// <summary>The hub's catalogue: every dataset a query may be routed to, by code.</summary>
    public IReadOnlyList<CatalogueDataset> Datasets() => Catalogue(connection, null);

    /// <summary>Records that <paramref name="actor"/> looked at the queue (it holds what panel members said about families' records).</summary>
    public void RecordView(string actor, string what) => auditLog.Append(actor, ViewAction, "data-quality queue", what);

    private static IReadOnlyList<CatalogueDataset> Catalogue(DbConnection connection, DbTransaction? transaction)
    {
        using var command = connection.Command(transaction, "SELECT code, name, agency FROM dataset ORDER BY code");
        using var reader = command.ExecuteReader();
        var datasets = new List<CatalogueDataset>();
        while (reader.Read())
            datasets.Add(new CatalogueDataset(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return datasets;
    }

    private static void AddStep(DbConnection connection, DbTransaction transaction, long id, DataQualityStatus status, string? dataset, string actor, string at, string note)
    {
        var step = 1 + Convert.ToInt64(connection.Scalar(transaction, "SELECT COALESCE(MAX(step), 0) FROM data_quality_step WHERE query_id = @p0", id), CultureInfo.InvariantCulture);
        connection.Execute(transaction, "INSERT INTO data_quality_step (query_id, step, status, dataset, actor, at, note) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)",
            id, step, status.Code(), dataset, actor, at, note);
    }

    private DataQualityQuery? Find(DbTransaction? transaction, long id) =>
        Read(transaction, $"SELECT {Columns} {Visible} AND q.query_id = @p0", id).SingleOrDefault();

    private List<DataQualityQuery> Read(DbTransaction? transaction, string sql, params object?[] parameters)
    {
        using var command = connection.Command(transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var queries = new List<DataQualityQuery>();
        while (reader.Read())
        {
            queries.Add(new DataQualityQuery(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.GetString(6), HubQueries.ParseTime(reader.GetString(7)),
                ParseStatus(reader.GetString(8))));
        }
        return queries;
    }

    private static DataQualityStatus ParseStatus(string code) =>
        DataQualityStatuses.TryParse(code, out var status) ? status : throw new InvalidDataException($"Unknown data-quality status '{code}' in the hub.");

    private static string Subject(long id) => $"data-quality query {id.ToString(CultureInfo.InvariantCulture)}";
}
