using System.Data.Common;
using System.Globalization;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Prompts;

public sealed partial class PromptStore
{
    /// <summary>
    /// Saves a scoring run and its prompts in one transaction, with an audit entry, and returns the stored run.
    /// Ranks are numbered from 1 in the order given and each prompt gets a fresh random reference. The opt-out register is
    /// checked again inside the transaction (<see cref="PromptHiding.HideRegisteredFamiliesOfRun"/>). Throws
    /// <see cref="ArgumentException"/> listing every problem when <see cref="ScoringRunSubmission.Validate"/> finds any;
    /// then nothing is stored.
    /// </summary>
    public ScoringRun SaveRun(ScoringRunSubmission submission)
    {
        var problems = submission.Validate().ToArray();
        if (problems.Length > 0)
            throw new ArgumentException($"The scoring run cannot be saved: {string.Join(" ", problems)}", nameof(submission));

        using var transaction = connection.BeginWriteTransaction();
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
        for (var i = 0; i < submission.Prompts.Count; i++)
            InsertPrompt(transaction, runId, rank: i + 1, submission.Prompts[i]);
        PromptContextCapture.Store(connection, transaction, runId, submission.AsOf);
        var hidden = PromptHiding.HideRegisteredFamiliesOfRun(connection, transaction, runId, createdAt);
        var hiddenNote = hidden > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {hidden} hidden at saving: a family member joined the opt-out register during the run") : "";
        auditLog.Append(transaction, submission.CreatedBy, "scoring_run.save", $"run {runId}", string.Create(CultureInfo.InvariantCulture,
            $"{(submission.Trial ? "TRIAL (the model is not the champion); " : "")}model {submission.Model.Name} {submission.Model.Version}; as of {HubQueries.FormatDate(submission.AsOf)}; capacity {submission.Capacity}; {Count(submission.Prompts.Count, "prompt", "prompts")}{hiddenNote}"));
        transaction.Commit();
        return FindRun(new(runId))!;
    }

    private void InsertPrompt(DbTransaction transaction, long runId, int rank, ScoredFamily scored)
    {
        // 40 random bits make a clash about one in 10^12 per pair; a clash must still never fail a run, so draw again.
        var reference = PromptReference.NewRandom();
        while (connection.Scalar(transaction, "SELECT 1 FROM prompt WHERE reference = @p0", reference.Value) is not null)
            reference = PromptReference.NewRandom();
        connection.Execute(transaction, """
            INSERT INTO prompt (reference, run_id, family_id, rank, probability, band, content)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)
            """,
            reference.Value, runId, scored.Family.Value, rank, scored.Probability, RiskBands.For(scored.Probability).Code(),
            PromptContentJson.Write(scored.Content));
    }
}
