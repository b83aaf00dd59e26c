using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Prompts;

/// <summary>A prompt the panel answered with an offer of early help, as retraining needs it.</summary>
/// <param name="Family">The prompted family.</param>
/// <param name="PromptedOn">The as-of date of the prompt's scoring run.</param>
/// <param name="OfferedOn">The day of the first review that offered early help (UTC).</param>
public sealed record HelpOffer(FamilyId Family, DateOnly PromptedOn, DateOnly OfferedOn);

public sealed partial class PromptStore
{
    /// <summary>
    /// Every prompt any of whose reviews offered early help, with its family, oldest prompt first. An offer later
    /// amended to another outcome still counts: the family may already have been approached. The one reader here that
    /// returns family ids, for retraining only (its label windows); nothing shown reads it.
    /// </summary>
    public IReadOnlyList<HelpOffer> HelpOffers()
    {
        using var command = connection.Command(null, """
            SELECT p.family_id, r.as_of, MIN(v.at)
            FROM prompt p
            JOIN scoring_run r ON r.run_id = p.run_id
            JOIN review v ON v.reference = p.reference
            WHERE v.outcome = @p0
            GROUP BY p.reference, p.family_id, r.as_of
            ORDER BY r.as_of, p.family_id
            """, ReviewOutcome.OfferEarlyHelp.Code());
        using var reader = command.ExecuteReader();
        var offers = new List<HelpOffer>();
        while (reader.Read())
            offers.Add(new HelpOffer(new FamilyId(reader.GetInt64(0)), HubQueries.ParseDate(reader.GetString(1)),
                DateOnly.FromDateTime(HubQueries.ParseTime(reader.GetString(2)).UtcDateTime)));
        return offers;
    }
}
