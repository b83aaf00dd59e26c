using System.Data.Common;
using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Prompts;

public sealed partial class PromptStore
{
    /// <summary>
    /// Saves a scoring run and its prompts in one transaction, with an audit entry, and returns the stored run.
    /// Ranks are numbered from 1 in the order given and each prompt gets a fresh random reference; each prompt's family
    /// members on the as-of date are stored with it (<see cref="PromptMembers"/>). The opt-out register is
    /// checked again inside the transaction (<see cref="PromptHiding.HideRegisteredFamiliesOfRun"/>). Throws
    /// <see cref="ArgumentException"/> listing every problem when <see cref="ScoringRunSubmission.Validate"/> finds any;
    /// then nothing is stored.
    /// </summary>
    public ScoringRun SaveRun(ScoringRunSubmission submission) => SaveRun(submission, []);

    /// <summary>
    /// Saves a scoring run as <see cref="SaveRun(ScoringRunSubmission)"/> does, with its comparison set: the families ranked
    /// just below the cut-off, in rank order, stored by id and rank only (<see cref="ComparisonSet"/>) and checked against
    /// the opt-out register in the same transaction. A trial run keeps none, and a run whose top K is not full has none.
    /// </summary>
    public ScoringRun SaveRun(ScoringRunSubmission submission, IReadOnlyList<FamilyId> comparison)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(comparison);
        var problems = submission.Validate().Concat(ComparisonProblems(submission, comparison)).ToArray();
        if (problems.Length > 0)
            throw new ArgumentException($"The scoring run cannot be saved: {string.Join(" ", problems)}", nameof(submission));

        using var transaction = connection.BeginLaneWriteTransaction(WriteLane.ScoringRuns);
        var runId = 1 + Convert.ToInt64(connection.Scalar(transaction, "SELECT COALESCE(MAX(run_id), 0) FROM scoring_run"), CultureInfo.InvariantCulture);
        var createdAt = clock.GetUtcNow();
        var excluded = submission.Excluded;
        connection.Execute(transaction, """
            INSERT INTO scoring_run (run_id, model_name, model_version, model_sha256, as_of, capacity, created_at, created_by,
                families_scored, excluded_statutory, excluded_opted_out, excluded_no_dependent_child, trial)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12)
            """,
            runId, submission.Model.Name, submission.Model.Version, submission.Model.Sha256, HubQueries.FormatDate(submission.AsOf),
            submission.Capacity, HubQueries.FormatTime(createdAt), submission.CreatedBy, submission.FamiliesScored,
            excluded.StatutoryAlready, excluded.OptedOut, excluded.NoDependentChild, submission.Trial ? 1 : 0);
        InsertPrompts(transaction, runId, submission.Prompts);
        ComparisonSet.Store(connection, transaction, runId, submission.Prompts.Count + 1, comparison);
        // Who each family is, now, while its id still means the family that was scored: later loads may give the id to another.
        PromptMembers.Store(connection, transaction, runId);
        PromptContextCapture.Store(connection, transaction, runId, submission.AsOf);
        var hidden = PromptHiding.HideRegisteredFamiliesOfRun(connection, transaction, runId, createdAt);
        var compared = comparison.Count - ComparisonSet.RemoveRegisteredFamiliesOfRun(connection, transaction, runId);
        var comparedNote = compared > 0 ? string.Create(CultureInfo.InvariantCulture, $"; comparison set of {Count(compared, "family", "families")} ranked below the cut-off") : "";
        var hiddenNote = hidden > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {hidden} hidden at saving: a family member joined the opt-out register during the run") : "";
        // The chain lane only now: reviews and view entries carry on while the prompts above are written.
        connection.TakeLane(transaction, WriteLane.AuditChain);
        auditLog.Append(transaction, submission.CreatedBy, "scoring_run.save", $"run {runId}", string.Create(CultureInfo.InvariantCulture,
            $"{(submission.Trial ? "TRIAL (the model is not the champion); " : "")}model {submission.Model.Name} {submission.Model.Version}; as of {HubQueries.FormatDate(submission.AsOf)}; capacity {submission.Capacity}; {Count(submission.Prompts.Count, "prompt", "prompts")}{comparedNote}{hiddenNote}"));
        transaction.Commit();
        return FindRun(new(runId))!;
    }

    /// <summary>Every problem with a comparison set for <paramref name="submission"/>, one message each.</summary>
    private static IEnumerable<string> ComparisonProblems(ScoringRunSubmission submission, IReadOnlyList<FamilyId> comparison)
    {
        if (comparison.Count == 0)
            yield break;
        if (submission.Trial)
            yield return "A trial run keeps no comparison set: the programme view counts only runs of the champion.";
        if (submission.Prompts.Count < submission.Capacity)
            yield return $"The comparison set is of families below the cut-off, so the top {submission.Capacity} must be full. Got {submission.Prompts.Count} prompts instead.";
        if (comparison.Count > submission.Capacity)
            yield return $"The comparison set must number at most the capacity {submission.Capacity}. Got {comparison.Count} instead.";
        if (comparison.Distinct().Count() != comparison.Count)
            yield return "The comparison set must name each family once.";
        if (comparison.Intersect(submission.Prompts.Select(p => p.Family)).Any())
            yield return "The comparison set must not name a prompted family.";
    }

    /// <summary>Inserts the run's prompts, ranked from 1 in the order given, each under a fresh random reference.</summary>
    private void InsertPrompts(DbTransaction transaction, long runId, IReadOnlyList<ScoredFamily> prompts)
    {
        var references = FreshReferences(transaction, prompts.Count);
        var rows = prompts.Select((scored, i) => new object?[]
        {
            references[i].Value, runId, scored.Family.Value, i + 1, scored.Probability, RiskBands.For(scored.Probability).Code(),
            PromptContentJson.Write(scored.Content),
        }).ToArray();
        RowBatches.Execute(connection, transaction, "INSERT INTO prompt (reference, run_id, family_id, rank, probability, band, content)", rows);
    }

    /// <summary>
    /// <paramref name="count"/> random references, distinct and used by no stored prompt. 40 random bits make a clash
    /// about one in 10^12 per pair; a clash must still never fail a run, so a clashing reference is drawn again.
    /// </summary>
    private List<PromptReference> FreshReferences(DbTransaction transaction, int count)
    {
        var fresh = new List<PromptReference>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (fresh.Count < count)
        {
            var drawn = Enumerable.Range(0, Math.Min(count - fresh.Count, RowBatches.RowsPerStatement))
                .Select(_ => PromptReference.NewRandom()).Where(reference => seen.Add(reference.Value)).ToArray();
            if (drawn.Length == 0)
                continue;
            var placeholders = string.Join(", ", drawn.Select((_, i) => $"@p{i}"));
            var taken = new HashSet<string>(StringComparer.Ordinal);
            using (var command = connection.Command(transaction, $"SELECT reference FROM prompt WHERE reference IN ({placeholders})", drawn.Select(r => (object?)r.Value).ToArray()))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                    taken.Add(reader.GetString(0));
            }
            fresh.AddRange(drawn.Where(reference => !taken.Contains(reference.Value)));
        }
        return fresh;
    }
}
