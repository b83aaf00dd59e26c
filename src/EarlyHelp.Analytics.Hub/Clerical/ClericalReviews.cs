using System.Data.Common;
using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Hub.Clerical;

/// <summary>
/// The clerical review of record pairs: the queue the latest load left (pairs in the review band, kept apart) with
/// the decisions taken so far, a pair's two identity records and how the stored model scored them, and decisions.
/// A decision is checked here and stored by <see cref="ClericalReview.Decide"/>: a new row of the append-only
/// <c>clerical_decision</c> table with its audit entry, in one transaction; the latest per pair is the one in force,
/// and the next load's linkage obeys it before the model.
/// </summary>
public sealed class ClericalReviews
{
    private const string DecisionColumns = "decision_id, dataset_left, record_left, dataset_right, record_right, decision, reason, decided_by, decided_at";

    private readonly DbConnection connection;
    private readonly ClericalReview review;

    internal ClericalReviews(DbConnection connection, ClericalReview review)
    {
        this.connection = connection;
        this.review = review;
    }

    /// <summary>
    /// The queue lines of <paramref name="status"/>, the most uncertain first: by the absolute match weight, since a
    /// weight of 0 bits is a probability of one half; pairs no longer in the review band follow, latest decision first.
    /// </summary>
    public IReadOnlyList<ClericalQueueEntry> Queue(ClericalQueueStatus status)
    {
        var latest = Decisions().GroupBy(d => d.Pair.Id).ToDictionary(g => g.Key, g => g.Last());
        var entries = new Dictionary<string, ClericalQueueEntry>(StringComparer.Ordinal);
        using (var command = connection.Command(null, "SELECT dataset_left, record_left, dataset_right, record_right, match_weight, match_probability FROM clerical_queue"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var pair = new ClericalPair((reader.GetString(0), reader.GetString(1)), (reader.GetString(2), reader.GetString(3)));
                entries[pair.Id] = new ClericalQueueEntry(pair, reader.GetDouble(4), reader.GetDouble(5), latest.GetValueOrDefault(pair.Id));
            }
        }
        foreach (var decision in latest.Values)
            entries.TryAdd(decision.Pair.Id, new ClericalQueueEntry(decision.Pair, null, null, decision));
        return entries.Values
            .Where(e => status == ClericalQueueStatus.All || (e.LatestDecision is null) == (status == ClericalQueueStatus.Undecided))
            .OrderBy(e => e.MatchWeight is { } weight ? Math.Abs(weight) : double.PositiveInfinity)
            .ThenByDescending(e => e.LatestDecision?.Id ?? 0)
            .ThenBy(e => e.Pair.Id, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The pair with <paramref name="pairId"/>, its records, the stored model's waterfall and its decisions; null when no queued or decided pair has that id.</summary>
    public ClericalPairDetail? Find(string pairId)
    {
        var pair = Pair(pairId);
        if (pair is null || ReadRecord(pair.Left) is not { } left || ReadRecord(pair.Right) is not { } right)
            return null;
        var history = Decisions().Where(d => d.Pair.Id == pair.Id).ToArray();
        return new ClericalPairDetail(pair, left.Shown, right.Shown, Explain(left.Record, right.Record), history);
    }

    /// <summary>Stores a decision and its audit entry in one transaction (through <see cref="ClericalReview.Decide"/>), or says why not.</summary>
    public DecisionRecording Decide(DecisionSubmission submission)
    {
        var problems = submission.Validate();
        if (problems.Count > 0)
            return new DecisionRecording.Refused(problems);
        var pair = submission.Pair;
        if (ReadRecord(pair.Left) is null || ReadRecord(pair.Right) is null)
            return new DecisionRecording.PairNotFound();

        review.Decide(pair.Left, pair.Right, submission.Decision!.Value, submission.Reason.Trim(), submission.DecidedBy);
        return new DecisionRecording.Recorded(Decisions().Last(d => d.Pair.Id == pair.Id));
    }

    /// <summary>The queued or decided pair with <paramref name="pairId"/>, or null.</summary>
    public ClericalPair? Pair(string pairId) =>
        Queue(ClericalQueueStatus.All).FirstOrDefault(e => e.Pair.Id == pairId)?.Pair;

    private List<RecordedDecision> Decisions()
    {
        using var command = connection.Command(null, $"SELECT {DecisionColumns} FROM clerical_decision ORDER BY decision_id");
        using var reader = command.ExecuteReader();
        var decisions = new List<RecordedDecision>();
        while (reader.Read())
        {
            var pair = new ClericalPair((reader.GetString(1), reader.GetString(2)), (reader.GetString(3), reader.GetString(4)));
            decisions.Add(new RecordedDecision(reader.GetInt64(0), pair, IdentityReading.ParseDecision(reader.GetString(5)),
                reader.GetString(6), reader.GetString(7), HubQueries.ParseTime(reader.GetString(8))));
        }
        return decisions;
    }

    private (PairRecord Shown, IdentityRecord Record)? ReadRecord((string Dataset, string RecordRef) key)
    {
        using var command = connection.Command(null, """
            SELECT r.dataset, d.name, d.agency, r.record_ref, r.agency_ref, r.forename, r.surname, r.date_of_birth, r.sex,
                   r.address, r.postcode, r.nhs_number, r.person_id
            FROM identity_record r LEFT JOIN dataset d ON d.code = r.dataset
            WHERE r.dataset = @p0 AND r.record_ref = @p1
            """, key.Dataset, key.RecordRef);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return null;
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        var shown = new PairRecord(reader.GetString(0), Text(1), Text(2), reader.GetString(3), Text(4), Text(5), Text(6),
            Text(7) is { } date ? HubQueries.ParseDate(date) : null, Text(8), Text(9), Text(10), Text(11), reader.GetInt64(12));
        // The linkage library scores what linkage saw: the same fields, the same source rule (PersonLinkage).
        var record = new IdentityRecord
        {
            Dataset = shown.Dataset, RecordRef = shown.RecordRef, Kind = IdentityRecordKind.Event, AgencyRef = shown.AgencyRef,
            Forename = shown.Forename, Surname = shown.Surname, BirthDate = shown.BirthDate, Sex = shown.Sex,
            Address = shown.Address, Postcode = shown.Postcode, NhsNumber = shown.NhsNumber, PersonId = shown.PersonId,
        };
        return (shown, record);
    }

    private PairExplanation? Explain(IdentityRecord left, IdentityRecord right)
    {
        using var command = connection.Command(null, "SELECT version, parameters FROM linkage_model ORDER BY version DESC LIMIT 1");
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return null;
        var model = LinkageModel.FromJson(reader.GetString(1));
        LinkageRecord[] records = [PersonLinkage.ToLinkageRecord(left), PersonLinkage.ToLinkageRecord(right)];
        var contributions = PairScoring.Explain(records, model, new ScoredPair(0, 1, 0, 0, ReadOnlyMemory<sbyte>.Empty));
        return new PairExplanation(reader.GetInt64(0), model.Lambda, contributions);
    }
}
