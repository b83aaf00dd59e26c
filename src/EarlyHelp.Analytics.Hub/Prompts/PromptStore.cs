using System.Data.Common;
using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Prompts;

/// <summary>
/// Scoring runs, their prompts and the panel's reviews (<c>scoring_run</c>, <c>prompt</c>, <c>review</c>).
/// A scoring command saves a run with <see cref="SaveRun(ScoringRunSubmission)"/>; the panel app reads the queue and prompts and
/// records reviews. Family ids stay inside: nothing returned here holds one but <see cref="HelpOffers"/>, which only retraining reads. Reviews are append-only.
/// </summary>
public sealed partial class PromptStore
{
    private const string RunColumns = """
        r.run_id, r.model_name, r.model_version, r.model_sha256, r.as_of, r.capacity, r.created_at, r.created_by,
        r.families_scored, r.excluded_statutory, r.excluded_opted_out, r.excluded_no_dependent_child,
        (SELECT COUNT(*) FROM prompt p WHERE p.run_id = r.run_id), r.trial
        """;

    private const string ReviewColumns = "review_id, reference, outcome, reason, reviewer, at, supersedes";

    private readonly DbConnection connection;
    private readonly AuditLog auditLog;
    private readonly TimeProvider clock;

    /// <summary>A store over the hub's open connection.</summary>
    internal PromptStore(DbConnection connection, AuditLog auditLog, TimeProvider clock)
    {
        this.connection = connection;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /// <summary>Every scoring run, newest first.</summary>
    public IReadOnlyList<ScoringRun> Runs()
    {
        using var command = connection.Command(null, $"SELECT {RunColumns} FROM scoring_run r ORDER BY r.run_id DESC");
        using var reader = command.ExecuteReader();
        var runs = new List<ScoringRun>();
        while (reader.Read())
            runs.Add(ReadRun(reader));
        return runs;
    }

    /// <summary>The run with this id, or null.</summary>
    public ScoringRun? FindRun(ScoringRunId id)
    {
        using var command = connection.Command(null, $"SELECT {RunColumns} FROM scoring_run r WHERE r.run_id = @p0", id.Value);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadRun(reader) : null;
    }

    /// <summary>The newest run, trial or not, or null when none has been saved.</summary>
    public ScoringRun? LatestRun()
    {
        using var command = connection.Command(null, $"SELECT {RunColumns} FROM scoring_run r ORDER BY r.run_id DESC LIMIT 1");
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadRun(reader) : null;
    }

    /// <summary>The prompt with this reference, or null when there is none or it is hidden.</summary>
    public Prompt? Find(PromptReference reference)
    {
        using var command = connection.Command(null,
            "SELECT run_id, rank, probability, content FROM prompt WHERE reference = @p0 AND hidden_at IS NULL", reference.Value);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return null;
        return new Prompt(reference, new ScoringRunId(reader.GetInt64(0)), reader.GetInt32(1), reader.GetDouble(2),
            PromptContentJson.Read(reader.GetString(3)));
    }

    /// <summary>The queue of a run: its prompts not hidden, by rank, with each one's latest review, filtered.</summary>
    public IReadOnlyList<QueueEntry> Queue(ScoringRunId run, QueueFilter filter)
    {
        // The latest record of a prompt is its highest id: records are superseded at most once and only by later ones.
        var sql = $"""
            SELECT p.reference, p.rank, p.probability, p.band, p.content, p.context,
                   v.review_id, v.reference, v.outcome, v.reason, v.reviewer, v.at, v.supersedes
            FROM prompt p
            LEFT JOIN review v ON v.review_id = (SELECT MAX(review_id) FROM review WHERE reference = p.reference)
            WHERE p.run_id = @p0 AND p.hidden_at IS NULL
            {filter.Status switch
            {
                QueueStatus.AwaitingReview => "AND v.review_id IS NULL",
                QueueStatus.Reviewed => "AND v.review_id IS NOT NULL",
                _ => "",
            }}
            {(filter.Outcome is null ? "" : "AND v.outcome = @p1")}
            {(filter.Band is null ? "" : "AND p.band = @p2")}
            ORDER BY p.rank
            """;
        using var command = connection.Command(null, sql, run.Value, filter.Outcome?.Code(), filter.Band?.Code());
        using var reader = command.ExecuteReader();
        var entries = new List<QueueEntry>();
        while (reader.Read())
        {
            var entry = new QueueEntry(PromptReference.Parse(reader.GetString(0)), reader.GetInt32(1), reader.GetDouble(2),
                ParseBand(reader.GetString(3)), reader.IsDBNull(6) ? null : ReadReview(reader, 6))
            {
                LeadingReasons = LeadingReasons(PromptContentJson.Read(reader.GetString(4))),
                Context = reader.IsDBNull(5) ? null : PromptContextJson.Read(reader.GetString(5)),
            };
            if (filter.Marker is not { } marker || entry.Markers.Any(m => m.Kind == marker))
                entries.Add(entry);
        }
        return entries;
    }

    /// <summary>The family context kept with the prompt, or null when it is hidden, unknown, or saved before contexts were kept.</summary>
    public PromptContext? FindContext(PromptReference reference) =>
        connection.Scalar(null, "SELECT context FROM prompt WHERE reference = @p0 AND hidden_at IS NULL", reference.Value) is string text
            ? PromptContextJson.Read(text)
            : null;

    /// <summary>How many reasons the queue shows per prompt.</summary>
    public const int QueueReasons = 2;

    private static string[] LeadingReasons(PromptContent content) =>
        content.Evidence.Where(item => item.Direction == EvidenceDirection.Raises)
            .OrderByDescending(item => item.Contribution).Take(QueueReasons).Select(item => item.Text).ToArray();

    private static ScoringRun ReadRun(DbDataReader reader) => new(
        new ScoringRunId(reader.GetInt64(0)),
        new ModelReference(reader.GetString(1), reader.GetString(2), reader.GetString(3)),
        HubQueries.ParseDate(reader.GetString(4)), reader.GetInt32(5), HubQueries.ParseTime(reader.GetString(6)), reader.GetString(7),
        reader.GetInt64(8), new ExclusionCounts(reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11)), reader.GetInt32(12),
        reader.GetInt64(13) != 0);

    /// <summary>Reads the seven <see cref="ReviewColumns"/> starting at column <paramref name="first"/>.</summary>
    private static PromptReview ReadReview(DbDataReader reader, int first) => new(
        reader.GetInt64(first), PromptReference.Parse(reader.GetString(first + 1)), ParseOutcome(reader.GetString(first + 2)),
        reader.GetString(first + 3), reader.GetString(first + 4), HubQueries.ParseTime(reader.GetString(first + 5)),
        reader.IsDBNull(first + 6) ? null : reader.GetInt64(first + 6));

    private static ReviewOutcome ParseOutcome(string code) =>
        ReviewOutcomes.TryParse(code, out var outcome) ? outcome : throw new FormatException($"Unknown review outcome '{code}' in the hub.");

    private static RiskBand ParseBand(string code) =>
        RiskBands.TryParse(code, out var band) ? band : throw new FormatException($"Unknown risk band '{code}' in the hub.");

    private static string Count(long count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
}
