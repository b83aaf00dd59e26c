namespace EarlyHelp.Analytics.Core.Prompts;

/// <summary>What the panel decided about a prompt. None of these is an action the product takes: it records what people decided.</summary>
public enum ReviewOutcome
{
    /// <summary>The panel will offer the family early help.</summary>
    OfferEarlyHelp,

    /// <summary>The family is already supported by a service.</summary>
    AlreadySupported,

    /// <summary>The panel sees no need to act: the prompt is overridden.</summary>
    NoActionNeeded,

    /// <summary>The evidence looks wrong (a mismatched record, an out-of-date extract).</summary>
    DataLooksWrong,

    /// <summary>Anything else, explained in the reason.</summary>
    Other,
}

/// <summary>Codes and plain names of <see cref="ReviewOutcome"/> values.</summary>
public static class ReviewOutcomes
{
    /// <summary>Every outcome, in the order a review form lists them.</summary>
    public static IReadOnlyList<ReviewOutcome> All { get; } =
    [
        ReviewOutcome.OfferEarlyHelp, ReviewOutcome.AlreadySupported, ReviewOutcome.NoActionNeeded,
        ReviewOutcome.DataLooksWrong, ReviewOutcome.Other,
    ];

    /// <summary>The stored code, e.g. <c>offer_early_help</c>.</summary>
    public static string Code(this ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.OfferEarlyHelp => "offer_early_help",
        ReviewOutcome.AlreadySupported => "already_supported",
        ReviewOutcome.NoActionNeeded => "no_action_needed",
        ReviewOutcome.DataLooksWrong => "data_looks_wrong",
        ReviewOutcome.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown review outcome."),
    };

    /// <summary>A plain name, e.g. "Offer early help".</summary>
    public static string PlainName(this ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.OfferEarlyHelp => "Offer early help",
        ReviewOutcome.AlreadySupported => "Already supported",
        ReviewOutcome.NoActionNeeded => "No action needed",
        ReviewOutcome.DataLooksWrong => "Data looks wrong",
        ReviewOutcome.Other => "Other",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown review outcome."),
    };

    /// <summary>Reads a stored code; returns false for anything else.</summary>
    public static bool TryParse(string? code, out ReviewOutcome outcome)
    {
        foreach (var candidate in All)
        {
            if (candidate.Code() == code)
            {
                outcome = candidate;
                return true;
            }
        }
        outcome = default;
        return false;
    }
}
