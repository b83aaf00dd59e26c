using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Hub.Clerical;

/// <summary>A reviewer's decision on a pair, before it is stored.</summary>
/// <param name="Pair">The two records decided on: usually a pair of the queue, but any two records the hub holds (a wrong link may be split so).</param>
/// <param name="Decision">Same, different or unsure; null when none was chosen.</param>
/// <param name="Reason">Why, in the reviewer's words.</param>
/// <param name="DecidedBy">The reviewer's user name.</param>
public sealed record DecisionSubmission(ClericalPair Pair, ClericalDecision? Decision, string Reason, string DecidedBy)
{
    /// <summary>The longest reason stored, as for a panel review.</summary>
    public const int MaximumReasonLength = 2000;

    /// <summary>The message when no decision is chosen.</summary>
    public const string NoDecision = "Choose whether the records are the same person, different people, or you are unsure.";

    /// <summary>The message when the reason is blank.</summary>
    public const string NoReason = "Give a reason for the decision.";

    /// <summary>What is wrong with the submission, field by field (<c>Decision</c>, <c>Reason</c>); empty when it may be stored.</summary>
    public IReadOnlyList<(string Field, string Problem)> Validate()
    {
        var problems = new List<(string, string)>();
        if (Decision is null)
            problems.Add(("Decision", NoDecision));
        if (string.IsNullOrWhiteSpace(Reason))
            problems.Add(("Reason", NoReason));
        else if (Reason.Length > MaximumReasonLength)
            problems.Add(("Reason", $"The reason must be {MaximumReasonLength} characters or fewer; it has {Reason.Length}."));
        return problems;
    }
}

/// <summary>What happened to a submitted decision.</summary>
public abstract record DecisionRecording
{
    private DecisionRecording()
    {
    }

    /// <summary>Stored, with its audit entry.</summary>
    /// <param name="Decision">The stored decision.</param>
    public sealed record Recorded(RecordedDecision Decision) : DecisionRecording;

    /// <summary>Refused; nothing stored.</summary>
    /// <param name="Problems">Each field and what is wrong with it.</param>
    public sealed record Refused(IReadOnlyList<(string Field, string Problem)> Problems) : DecisionRecording;

    /// <summary>The hub holds no identity record under one of the pair's keys, or no queued or decided pair has the id given.</summary>
    public sealed record PairNotFound : DecisionRecording;
}

/// <summary>The codes and plain names of clerical decisions, as stored and shown.</summary>
public static class ClericalDecisions
{
    /// <summary>Every decision, in the order the form lists them.</summary>
    public static IReadOnlyList<ClericalDecision> All { get; } = [ClericalDecision.Same, ClericalDecision.Different, ClericalDecision.Unsure];

    /// <summary>The stored code: <c>same</c>, <c>different</c> or <c>unsure</c>.</summary>
    public static string Code(this ClericalDecision decision) => Store.IdentityReading.Code(decision);

    /// <summary>A plain name for the form and the history.</summary>
    public static string PlainName(this ClericalDecision decision) => decision switch
    {
        ClericalDecision.Same => "Same person",
        ClericalDecision.Different => "Different people",
        _ => "Unsure",
    };

    /// <summary>Reads a code; false for anything else.</summary>
    public static bool TryParse(string? code, out ClericalDecision decision)
    {
        var found = All.Where(candidate => candidate.Code() == code).Select(candidate => (ClericalDecision?)candidate).FirstOrDefault();
        decision = found.GetValueOrDefault();
        return found is not null;
    }
}
