using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;

namespace EarlyHelp.Analytics.Hub.Prompts;

/// <summary>Which prompts of a run the queue shows, by review status.</summary>
public enum QueueStatus
{
    /// <summary>Every prompt that is not hidden.</summary>
    All,

    /// <summary>Prompts without a review record.</summary>
    AwaitingReview,

    /// <summary>Prompts with at least one review record.</summary>
    Reviewed,
}

/// <summary>A filter of the prompt queue; the default shows everything not hidden.</summary>
public sealed record QueueFilter
{
    /// <summary>Review status to show. Default <see cref="QueueStatus.All"/>.</summary>
    public QueueStatus Status { get; init; } = QueueStatus.All;

    /// <summary>Only prompts whose latest review has this outcome (implies reviewed). Default: any.</summary>
    public ReviewOutcome? Outcome { get; init; }

    /// <summary>Only prompts in this band. Default: any.</summary>
    public RiskBand? Band { get; init; }

    /// <summary>Only prompts whose family context carries this marker (never a prompt saved without one). Default: any.</summary>
    public MarkerKind? Marker { get; init; }
}

/// <summary>One line of the prompt queue: its rank, band and review status, and a summary of the family without names.</summary>
/// <param name="Reference">The pseudonymous reference.</param>
/// <param name="Rank">Rank in the run.</param>
/// <param name="Probability">Calibrated probability.</param>
/// <param name="Band">Its band.</param>
/// <param name="LatestReview">The latest review record, or null when awaiting review.</param>
public sealed record QueueEntry(PromptReference Reference, int Rank, double Probability, RiskBand Band, PromptReview? LatestReview)
{
    /// <summary>The two facts that raised the score most, in plain words, largest first.</summary>
    public IReadOnlyList<string> LeadingReasons { get; init; } = [];

    /// <summary>The family's context at T, or null for a prompt saved before contexts were kept.</summary>
    public PromptContext? Context { get; init; }

    /// <summary>The markers of <see cref="Context"/>; empty without one.</summary>
    public IReadOnlyList<FamilyMarker> Markers => Context is null ? [] : FamilyMarkers.Of(Context);
}

/// <summary>A family member as the re-identification step shows them.</summary>
/// <param name="Role">Their role in the family on the run's as-of date.</param>
/// <param name="Forename">Forename, when recorded.</param>
/// <param name="Surname">Surname, when recorded.</param>
/// <param name="DateOfBirth">Date of birth, when recorded.</param>
public sealed record IdentifiedMember(FamilyRole Role, string? Forename, string? Surname, DateOnly? DateOfBirth);

/// <summary>What came of recording a review. Expected outcomes are values, not exceptions.</summary>
public abstract record ReviewRecording
{
    /// <summary>The review was stored (with its audit entry).</summary>
    public sealed record Recorded(PromptReview Review) : ReviewRecording;

    /// <summary>The review was refused for the reasons given; nothing was stored.</summary>
    public sealed record Refused(IReadOnlyList<string> Problems) : ReviewRecording;

    /// <summary>No prompt with that reference is shown (unknown, or hidden after an opt-out); nothing was stored.</summary>
    public sealed record PromptNotFound() : ReviewRecording;

    /// <summary>Someone recorded a review after the reviewer loaded the page; nothing was stored.</summary>
    public sealed record Outdated(PromptReview Latest) : ReviewRecording;
}

/// <summary>What came of a re-identification request.</summary>
public abstract record Reidentification
{
    /// <summary>The names were read and the look was audited.</summary>
    public sealed record Shown(IReadOnlyList<IdentifiedMember> Members) : Reidentification;

    /// <summary>The request was refused (no purpose, or too long); nothing was read or audited.</summary>
    public sealed record Refused(IReadOnlyList<string> Problems) : Reidentification;

    /// <summary>No prompt with that reference is shown.</summary>
    public sealed record PromptNotFound() : Reidentification;
}
