using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Features.History;

/// <summary>
/// Reads a hub in one pass per table and builds <see cref="HubHistory"/>: people get dense
/// indices, events are bucketed by person with a counting sort and ordered by start within each
/// person, and each family's members are bound to those shared, per-person slices. After the
/// people, the event table is read alongside the other tables, on two threads.
/// </summary>
internal sealed class HubHistoryLoader(string source, IProgress<WorkProgress>? progress)
{
    private const int ReportEvery = 1 << 20;

    private readonly PersonIndices personIndices = new();
    private Person[] people = [];

    public HubHistory Load(IHubReader hub)
    {
        people = ReadPeople(hub);
        // The event table is the largest: it is read on this thread while another reads the rest.
        var rest = Task.Run(() => (OptedOut: ReadOptOuts(hub), Residences: ReadResidences(hub), Memberships: ReadMemberships(hub)));
        var (events, eventStarts) = ReadEvents(hub);
        var (optedOut, (residences, residenceStarts), memberships) = rest.GetAwaiter().GetResult();
        var families = AssembleFamilies(memberships, events, eventStarts, residences, residenceStarts, optedOut);
        return new HubHistory(hub.ExtractDate, families, people.Length, events.Length);
    }

    private Person[] ReadPeople(IHubReader hub)
    {
        var list = new List<Person>();
        foreach (var person in hub.People())
        {
            if (!personIndices.TryAdd(person.Id.Value, list.Count))
                throw new BadInputException(source, $"person {person.Id} appears more than once in the person table");
            list.Add(person);
        }
        personIndices.Freeze();
        progress?.Report(new WorkProgress("Reading people", list.Count, list.Count));
        return list.ToArray();
    }

    /// <summary>The dense index of a person; <paramref name="what"/> names the referring row, and is only called to word an error.</summary>
    private int IndexOf<T>(PersonId person, Func<T, string> what, T row) =>
        personIndices.TryGetValue(person.Value, out var index)
            ? index
            : throw new BadInputException(source, $"{what(row)} refers to person {person}, who is not in the person table");

    private bool[] ReadOptOuts(IHubReader hub)
    {
        var optedOut = new bool[people.Length];
        // A register entry for someone the hub does not hold can exclude no family: it is skipped.
        foreach (var entry in hub.OptOuts())
        {
            if (personIndices.TryGetValue(entry.Person.Value, out var index))
                optedOut[index] = true;
        }
        return optedOut;
    }

    private (ResidencePeriod[] Periods, int[] Starts) ReadResidences(IHubReader hub)
    {
        var areas = new Dictionary<long, string>();
        foreach (var household in hub.Households())
            areas[household.Id.Value] = household.AreaCode;

        var owners = new List<int>();
        var periods = new List<ResidencePeriod>();
        foreach (var residence in hub.Residences())
        {
            if (!areas.TryGetValue(residence.Household.Value, out var area))
                throw new BadInputException(source,
                    $"a residence of person {residence.Person} refers to household {residence.Household}, which is not in the household table");
            owners.Add(IndexOf(residence.Person, _ => "a residence", residence));
            periods.Add(new ResidencePeriod(residence.Household, area, residence.Start, residence.End));
        }
        return GroupByPerson(periods.Count, i => owners[i], i => periods[i],
            (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Household.Value.CompareTo(b.Household.Value));
    }

    private (HistoryEvent[] Events, int[] Starts) ReadEvents(IHubReader hub)
    {
        var owners = new GrowingBuffer<int>();
        var records = new GrowingBuffer<HistoryEvent>();
        // Events come in runs of one dataset, usually as the catalogue's own string: try the last code first.
        var lastCode = "";
        var lastDataset = -1;
        foreach (var agencyEvent in hub.Events())
        {
            var dataset = lastDataset;
            if (!ReferenceEquals(agencyEvent.Dataset, lastCode) && !DatasetIndex.TryOf(lastCode = agencyEvent.Dataset, out dataset))
                throw new BadInputException(source, $"event {agencyEvent.EventId} has dataset '{agencyEvent.Dataset}', which is not in the catalogue");
            lastDataset = dataset;
            owners.Add(IndexOf(agencyEvent.Person, static e => $"event {e.EventId}", agencyEvent));
            records.Add(new HistoryEvent(dataset, agencyEvent.Start, agencyEvent.End, agencyEvent.Value, agencyEvent.LoadedOn));
            if (records.Count % ReportEvery == 0)
                progress?.Report(new WorkProgress("Reading events", records.Count, 0));
        }
        progress?.Report(new WorkProgress("Reading events", records.Count, records.Count));

        return GroupByPerson(records.Count, i => owners[i], i => records[i], (a, b) => a.CompareTo(b));
    }

    /// <summary>
    /// Lays items out person by person (a counting sort: one pass sizes each person's slice, one
    /// fills it), then orders each slice. Returns the items and where each person's slice starts.
    /// </summary>
    private (T[] Items, int[] Starts) GroupByPerson<T>(int count, Func<int, int> ownerAt, Func<int, T> itemAt, Comparison<T> order)
    {
        var starts = new int[people.Length + 1];
        for (var i = 0; i < count; i++)
            starts[ownerAt(i) + 1]++;
        for (var p = 0; p < people.Length; p++)
            starts[p + 1] += starts[p];
        var sorted = new T[count];
        var next = (int[])starts.Clone();
        for (var i = 0; i < count; i++)
            sorted[next[ownerAt(i)]++] = itemAt(i);
        Parallel.For(0, people.Length, p => sorted.AsSpan(starts[p], starts[p + 1] - starts[p]).Sort(order));
        return (sorted, starts);
    }

    /// <summary>Every membership with its person's index, ordered by family, person id, start and role.</summary>
    private (long Family, int Person, MembershipPeriod Period)[] ReadMemberships(IHubReader hub)
    {
        var memberships = hub.FamilyMemberships()
            .Select(m => (Family: m.Family.Value, Person: IndexOf(m.Person, static m => $"a membership of family {m.Family}", m),
                Period: new MembershipPeriod(m.Role, m.Start, m.End)))
            .ToArray();
        Array.Sort(memberships, (a, b) =>
            a.Family != b.Family ? a.Family.CompareTo(b.Family)
            : a.Person != b.Person ? people[a.Person].Id.Value.CompareTo(people[b.Person].Id.Value)
            : a.Period.Start != b.Period.Start ? a.Period.Start.CompareTo(b.Period.Start)
            : a.Period.Role.CompareTo(b.Period.Role));
        return memberships;
    }

    private FamilyHistory[] AssembleFamilies((long Family, int Person, MembershipPeriod Period)[] memberships,
        HistoryEvent[] events, int[] eventStarts, ResidencePeriod[] residences, int[] residenceStarts, bool[] optedOut)
    {
        var families = new List<FamilyHistory>();
        var members = new List<MemberHistory>();
        var periods = new List<MembershipPeriod>();
        for (var i = 0; i < memberships.Length; i++)
        {
            var (family, person, period) = memberships[i];
            periods.Add(period);
            var lastOfPerson = i + 1 == memberships.Length || memberships[i + 1].Family != family || memberships[i + 1].Person != person;
            if (lastOfPerson)
            {
                members.Add(new MemberHistory(
                    people[person].Id, people[person].BirthMonth, people[person].DeathMonth, periods.ToArray(),
                    events.AsMemory(eventStarts[person], eventStarts[person + 1] - eventStarts[person]),
                    new ArraySegment<ResidencePeriod>(residences, residenceStarts[person], residenceStarts[person + 1] - residenceStarts[person]),
                    optedOut[person]));
                periods.Clear();
            }
            if (i + 1 == memberships.Length || memberships[i + 1].Family != family)
            {
                families.Add(new FamilyHistory(new FamilyId(family), members.ToArray()));
                members.Clear();
            }
        }
        progress?.Report(new WorkProgress("Assembling families", families.Count, families.Count));
        return families.ToArray();
    }

    /// <summary>
    /// Hub person id to dense index. Hub ids are usually numbered from 1 without large gaps, so once
    /// every person is known the map becomes a plain array; sparse ids stay in the dictionary.
    /// </summary>
    private sealed class PersonIndices
    {
        private readonly Dictionary<long, int> byId = [];
        private int[]? byOffset;
        private long minimum;

        public bool TryAdd(long id, int index) => byId.TryAdd(id, index);

        public void Freeze()
        {
            if (byId.Count == 0)
                return;
            minimum = byId.Keys.Min();
            var span = byId.Keys.Max() - minimum + 1;
            if (span > 4L * byId.Count + 1024)
                return;
            byOffset = new int[span];
            Array.Fill(byOffset, -1);
            foreach (var (id, index) in byId)
                byOffset[id - minimum] = index;
        }

        public bool TryGetValue(long id, out int index)
        {
            if (byOffset is null)
                return byId.TryGetValue(id, out index);
            var offset = (ulong)(id - minimum);
            index = offset < (ulong)byOffset.Length ? byOffset[offset] : -1;
            return index >= 0;
        }
    }
}
