using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Prompts;

public sealed partial class PromptStore
{
    /// <summary>
    /// Records a review, chained to the review before by a MAC, with its audit entry in one transaction. The submission
    /// must name the prompt's latest record as the one it supersedes (none for a first review); an amendment is a new
    /// record, never a change.
    /// </summary>
    public ReviewRecording Review(ReviewSubmission submission)
    {
        var problems = submission.Validate().ToArray();
        if (problems.Length > 0)
            return new ReviewRecording.Refused(problems);

        // Both keyed chains are read before they are extended, so a review has the chain lane to itself from the start.
        using var transaction = connection.BeginLaneWriteTransaction(WriteLane.AuditChain);
        if (connection.Scalar(transaction, "SELECT 1 FROM prompt WHERE reference = @p0 AND hidden_at IS NULL", submission.Prompt.Value) is null)
            return new ReviewRecording.PromptNotFound();
        var latest = LatestReview(transaction, submission.Prompt);
        if (latest?.Id != submission.Supersedes)
            return latest is null
                ? new ReviewRecording.Refused([$"Review {submission.Supersedes} is not a review of {submission.Prompt}."])
                : new ReviewRecording.Outdated(latest);

        var at = clock.GetUtcNow();
        var (id, previousMac, mac) = auditLog.SealReview(transaction, submission.Prompt.Value, submission.Outcome.Code(), submission.Reason,
            submission.Reviewer, HubQueries.FormatTime(at), submission.Supersedes);
        connection.Execute(transaction, $"INSERT INTO review ({ReviewColumns}, prev_mac, mac) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)",
            id, submission.Prompt.Value, submission.Outcome.Code(), submission.Reason, submission.Reviewer, HubQueries.FormatTime(at), submission.Supersedes,
            previousMac, mac);
        auditLog.Append(transaction, submission.Reviewer, latest is null ? "review.add" : "review.amend", submission.Prompt.Value,
            latest is null ? $"review {id}: {submission.Outcome.Code()}" : $"review {id}: {submission.Outcome.Code()}, supersedes review {latest.Id}");
        var review = new PromptReview(id, submission.Prompt, submission.Outcome, submission.Reason, submission.Reviewer, at, submission.Supersedes);
        // "Data looks wrong" asks the dataset's owner to check, in the same transaction: a review never stands without its query.
        if (submission.Outcome == ReviewOutcome.DataLooksWrong)
            DataQuality.DataQualityQueries.Raise(connection, transaction, auditLog, review);
        transaction.Commit();
        return new ReviewRecording.Recorded(review);
    }

    /// <summary>Every review record of a prompt, oldest first (amendments after what they amend).</summary>
    public IReadOnlyList<PromptReview> Reviews(PromptReference reference)
    {
        using var command = connection.Command(null, $"SELECT {ReviewColumns} FROM review WHERE reference = @p0 ORDER BY review_id", reference.Value);
        using var reader = command.ExecuteReader();
        var reviews = new List<PromptReview>();
        while (reader.Read())
            reviews.Add(ReadReview(reader, 0));
        return reviews;
    }

    private PromptReview? LatestReview(System.Data.Common.DbTransaction transaction, PromptReference reference)
    {
        using var command = connection.Command(transaction,
            $"SELECT {ReviewColumns} FROM review WHERE reference = @p0 ORDER BY review_id DESC LIMIT 1", reference.Value);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadReview(reader, 0) : null;
    }
}
