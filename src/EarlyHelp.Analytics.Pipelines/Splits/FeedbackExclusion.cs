using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Prompts;

namespace EarlyHelp.Analytics.Pipelines.Splits;

/// <summary>
/// The rows whose label measures the service rather than the need: a family's row at as-of date t is excluded when the
/// span from a prompt (its scoring run's as-of date) to the panel's first offer of early help for it overlaps the outcome
/// window (t, t + horizon]. Such a label records escalation with the help the model prompted; learning from it would
/// teach the model that prompted families escalate less, and the next model would prompt them less. Excluding the rows
/// (rather than modelling the help) needs no assumption about the help's effect; the cost is a few rows a quarter.
/// </summary>
public sealed class FeedbackExclusion
{
    private readonly Dictionary<FamilyId, HelpOffer[]> offers;

    private FeedbackExclusion(Dictionary<FamilyId, HelpOffer[]> offers, int horizonMonths, int count)
    {
        this.offers = offers;
        HorizonMonths = horizonMonths;
        Offers = count;
    }

    /// <summary>No offers: nothing is excluded (a hub before its first scoring run, a synthetic city).</summary>
    public static FeedbackExclusion None { get; } = new([], 12, 0);

    /// <summary>Months of the outcome window.</summary>
    public int HorizonMonths { get; }

    /// <summary>How many prompts were answered with an offer of early help.</summary>
    public int Offers { get; }

    /// <summary>How many families had at least one such prompt.</summary>
    public int Families => offers.Count;

    /// <summary>The exclusion for the hub's <paramref name="helpOffers"/> and an outcome window of <paramref name="horizonMonths"/>.</summary>
    public static FeedbackExclusion From(IReadOnlyList<HelpOffer> helpOffers, int horizonMonths)
    {
        ArgumentNullException.ThrowIfNull(helpOffers);
        var byFamily = helpOffers.GroupBy(o => o.Family).ToDictionary(g => g.Key, g => g.ToArray());
        return new FeedbackExclusion(byFamily, horizonMonths, helpOffers.Count);
    }

    /// <summary>
    /// True when <paramref name="family"/>'s outcome window from <paramref name="asOf"/> overlaps a span from prompt to
    /// offer: the prompt is on or before the window's end and the offer after its start. The span, not the offer day
    /// alone, because a prompt dated before the window whose review falls inside it still reached the family inside it.
    /// </summary>
    public bool Excludes(FamilyId family, DateOnly asOf)
    {
        if (!offers.TryGetValue(family, out var prompts))
            return false;
        var windowEnd = asOf.AddMonths(HorizonMonths);
        foreach (var offer in prompts)
            if (offer.PromptedOn <= windowEnd && offer.OfferedOn > asOf)
                return true;
        return false;
    }
}
