namespace EarlyHelp.Analytics.Core.Prompts;

/// <summary>
/// A review record: what a named person decided about a prompt and why. Records are never changed: an
/// amendment is a new record that supersedes the one before, so the history stays.
/// </summary>
/// <param name="Id">The record's number in the hub.</param>
/// <param name="Prompt">The prompt reviewed.</param>
/// <param name="Outcome">What was decided.</param>
/// <param name="Reason">Why, in the reviewer's words.</param>
/// <param name="Reviewer">Who decided (the signed-in user name).</param>
/// <param name="At">When it was recorded.</param>
/// <param name="Supersedes">The record this one amends, or null for the first review.</param>
public sealed record PromptReview(
    long Id, PromptReference Prompt, ReviewOutcome Outcome, string Reason, string Reviewer, DateTimeOffset At, long? Supersedes);

/// <summary>A review to record. <see cref="Supersedes"/> must name the prompt's latest record (null when there is none), so that two reviewers cannot silently overwrite each other.</summary>
/// <param name="Prompt">The prompt reviewed.</param>
/// <param name="Outcome">What was decided.</param>
/// <param name="Reason">Why; required.</param>
/// <param name="Reviewer">Who decided.</param>
/// <param name="Supersedes">The latest record the reviewer saw, or null when they saw none.</param>
public sealed record ReviewSubmission(PromptReference Prompt, ReviewOutcome Outcome, string Reason, string Reviewer, long? Supersedes)
{
    /// <summary>The longest reason accepted.</summary>
    public const int MaximumReasonLength = 2000;

    /// <summary>The longest reviewer name accepted.</summary>
    public const int MaximumReviewerLength = 100;

    /// <summary>Every problem with the review, one message each; empty when it can be recorded.</summary>
    public IEnumerable<string> Validate()
    {
        if (!Enum.IsDefined(Outcome))
            yield return "Choose an outcome.";
        if (string.IsNullOrWhiteSpace(Reason))
            yield return "Give a reason for the outcome.";
        else if (Reason.Length > MaximumReasonLength)
            yield return $"The reason must be at most {MaximumReasonLength} characters. Got {Reason.Length} instead.";
        if (string.IsNullOrWhiteSpace(Reviewer) || Reviewer.Length > MaximumReviewerLength)
            yield return $"The reviewer must hold 1 to {MaximumReviewerLength} characters. Got {Reviewer?.Length ?? 0} instead.";
    }
}
