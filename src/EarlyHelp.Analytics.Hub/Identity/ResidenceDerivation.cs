namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>
/// A person's residence periods from their dated address records. The rules:
/// <list type="number">
/// <item>Only register records count (occupancies, census days, births, relationships recorded). Event addresses
/// are often stale after a move, so they count only for a person with no register record at all: then the person
/// lives at the address of their most recent event, from the first event recorded there, still open.</item>
/// <item>Records are taken in order of start date (ties by <see cref="AddressObservation.Order"/>); consecutive
/// records at one address make one residence from the first one's start.</item>
/// <item>A record at another address starts a new residence, and the previous one ends on that day if it was still
/// open or ended later: of two conflicting "current" addresses the one with the most recent start date wins (the
/// rule Stockport's hub uses).</item>
/// <item>A residence is closed on the latest end of its occupancies when every occupancy in it has ended and no
/// other record places the person there on or after that end; otherwise it is open.</item>
/// </list>
/// </summary>
public static class ResidenceDerivation
{
    /// <summary>The residence periods, per UPRN, in start order.</summary>
    public static IReadOnlyList<(string Uprn, Period Period)> Derive(IReadOnlyList<AddressObservation> observations)
    {
        var registered = observations.Where(observation => observation.Evidence != AddressEvidence.Event).ToList();
        if (registered.Count == 0)
            return FromEvents(observations);

        var runs = new List<Run>();
        foreach (var observation in registered.OrderBy(o => o.Period.Start).ThenBy(o => o.Order))
        {
            if (runs.Count > 0 && runs[^1].Uprn == observation.Uprn && runs[^1].Covers(observation.Period.Start))
            {
                runs[^1].Add(observation);
                continue;
            }
            if (runs.Count > 0)
            {
                runs[^1].CutAt(observation.Period.Start);
                if (runs[^1].Period.IsEmpty)
                    runs.RemoveAt(runs.Count - 1);
            }
            runs.Add(new Run(observation));
        }
        return runs.Select(run => (run.Uprn, run.Period)).ToArray();
    }

    private static IReadOnlyList<(string Uprn, Period Period)> FromEvents(IReadOnlyList<AddressObservation> observations)
    {
        if (observations.Count == 0)
            return [];
        var latest = observations.MaxBy(o => (o.Period.Start, o.Order));
        var first = observations.Where(o => o.Uprn == latest.Uprn).Min(o => o.Period.Start);
        return [(latest.Uprn, new Period(first, null))];
    }

    /// <summary>Consecutive records at one address.</summary>
    private sealed class Run
    {
        private readonly DateOnly start;
        private bool openOccupancy;
        private DateOnly? latestOccupancyEnd;
        private DateOnly latestOther = DateOnly.MinValue;
        private DateOnly? cut;

        public Run(AddressObservation first)
        {
            Uprn = first.Uprn;
            start = first.Period.Start;
            Add(first);
        }

        public string Uprn { get; }

        public Period Period
        {
            get
            {
                DateOnly? end = openOccupancy || latestOccupancyEnd is not { } closed || latestOther >= closed ? null : closed;
                if (cut is { } moved && (end is null || end > moved))
                    end = moved;
                return new Period(start, end);
            }
        }

        /// <summary>Whether a record starting on <paramref name="day"/> continues this residence rather than returning after a gap.</summary>
        public bool Covers(DateOnly day) => Period.End is not { } end || end >= day;

        public void Add(AddressObservation observation)
        {
            if (observation.Evidence != AddressEvidence.Occupancy)
                latestOther = observation.Period.Start > latestOther ? observation.Period.Start : latestOther;
            else if (observation.Period.End is { } end)
                latestOccupancyEnd = latestOccupancyEnd is { } known && known > end ? known : end;
            else
                openOccupancy = true;
        }

        public void CutAt(DateOnly day) => cut = cut is { } earlier && earlier < day ? earlier : day;
    }
}
