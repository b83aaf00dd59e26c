namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>
/// A person's residence periods from their dated address records. The rules:
/// <list type="number">
/// <item>Only dated address records count (council tax, housing, school census, social care, health
/// visiting). Event addresses are often stale after a move, so they count only for a person with no dated
/// record at all: then the person lives at the address of their most recent event, from the first event
/// recorded there, still open.</item>
/// <item>Records are taken in order of start date. A record at the address the person is already at extends
/// that residence (after a gap with no address, it starts a new one there). A record at another address starts a new residence, and the previous one ends on that
/// day if it was still open or ended later: of two conflicting "current" addresses the one with the most
/// recent start date wins (the rule Stockport's hub uses). Records with the same start are ordered by
/// <see cref="AddressObservation.Order"/>.</item>
/// <item>A residence whose last record has an end is closed on that end; otherwise it is open.</item>
/// </list>
/// </summary>
public static class ResidenceDerivation
{
    /// <summary>The residence periods, per UPRN, in start order.</summary>
    public static IReadOnlyList<(string Uprn, Period Period)> Derive(IReadOnlyList<AddressObservation> observations)
    {
        var dated = observations.Where(observation => observation.IsDated).ToList();
        if (dated.Count == 0)
            return FromEvents(observations);

        var residences = new List<(string Uprn, Period Period)>();
        foreach (var observation in dated.OrderBy(o => o.Period.Start).ThenBy(o => o.Order))
        {
            if (residences.Count > 0 && residences[^1].Uprn == observation.Uprn && residences[^1].Period.Touches(observation.Period))
            {
                var last = residences[^1];
                residences[^1] = (last.Uprn, last.Period.Union(observation.Period));
                continue;
            }
            if (residences.Count > 0)
            {
                var last = residences[^1];
                if (last.Period.End is null || last.Period.End > observation.Period.Start)
                    residences[^1] = (last.Uprn, last.Period with { End = observation.Period.Start });
                if (residences[^1].Period.IsEmpty)
                    residences.RemoveAt(residences.Count - 1);
            }
            residences.Add((observation.Uprn, observation.Period));
        }
        return residences;
    }

    private static IReadOnlyList<(string Uprn, Period Period)> FromEvents(IReadOnlyList<AddressObservation> observations)
    {
        if (observations.Count == 0)
            return [];
        var latest = observations.MaxBy(o => (o.Period.Start, o.Order));
        var first = observations.Where(o => o.Uprn == latest.Uprn).Min(o => o.Period.Start);
        return [(latest.Uprn, new Period(first, null))];
    }
}
