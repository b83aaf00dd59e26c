using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Prompts;

namespace EarlyHelp.Analytics.Web.Pages.Panel;

/// <summary>The choices of the queue's status filter: all, awaiting review, reviewed, or a latest outcome.</summary>
public static class StatusFilters
{
    /// <summary>Each choice's value in the address and its label, in the order listed.</summary>
    public static IReadOnlyList<(string Value, string Label)> Choices { get; } =
    [
        ("all", "All"), ("awaiting", "Awaiting review"), ("reviewed", "Reviewed"),
        .. ReviewOutcomes.All.Select(outcome => (outcome.Code(), $"Reviewed: {outcome.PlainName()}")),
    ];

    /// <summary>The queue filter for a status value and band code; unknown values filter nothing.</summary>
    public static QueueFilter For(string? status, string? band) => new()
    {
        Status = status switch
        {
            "awaiting" => QueueStatus.AwaitingReview,
            "reviewed" => QueueStatus.Reviewed,
            _ => QueueStatus.All,
        },
        Outcome = ReviewOutcomes.TryParse(status, out var outcome) ? outcome : null,
        Band = RiskBands.TryParse(band, out var parsed) ? parsed : null,
    };
}
