using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;

namespace EarlyHelp.Analytics.Features.Tests.Support;

/// <summary>
/// A hub held in lists, for tests: families are written out person by person, and the reader can
/// hand its tables back in a shuffled order to show that nothing depends on the hub's order.
/// </summary>
internal sealed class InMemoryHub(DateOnly extractDate) : IHubReader
{
    private readonly List<Household> households = [];
    private readonly List<Person> people = [];
    private readonly List<Residence> residences = [];
    private readonly List<FamilyMembership> memberships = [];
    private readonly List<AgencyEvent> events = [];
    private readonly List<OptOut> optOuts = [];
    private long nextEventId = 1;

    /// <summary>When set, every table is returned in an order shuffled with this seed.</summary>
    public int? ShuffleSeed { get; set; }

    public DateOnly ExtractDate { get; } = extractDate;

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public PersonId Person(long id, string birthMonth, string? deathMonth = null)
    {
        Assert.True(YearMonth.TryParse(birthMonth, out var born));
        YearMonth? died = deathMonth is null ? null : YearMonth.TryParse(deathMonth, out var month) ? month : throw new ArgumentException(deathMonth);
        people.Add(new Person(new PersonId(id), born, died));
        return new PersonId(id);
    }

    public InMemoryHub Member(long family, PersonId person, FamilyRole role, string start, string? end = null)
    {
        memberships.Add(new FamilyMembership(new FamilyId(family), person, role, Date(start), end is null ? null : Date(end)));
        return this;
    }

    public InMemoryHub Lives(PersonId person, long household, string start, string? end = null)
    {
        if (households.All(h => h.Id.Value != household))
            households.Add(new Household(new HouseholdId(household), $"UPRN{household}", "E01000001", 5, "social_rent"));
        residences.Add(new Residence(person, new HouseholdId(household), Date(start), end is null ? null : Date(end)));
        return this;
    }

    public InMemoryHub Record(PersonId person, string dataset, string start, string? end = null, double? value = null)
    {
        events.Add(new AgencyEvent(nextEventId++, person, dataset, Date(start), end is null ? null : Date(end), value));
        return this;
    }

    public InMemoryHub Record(AgencyEvent agencyEvent)
    {
        events.Add(agencyEvent with { EventId = nextEventId++ });
        return this;
    }

    public InMemoryHub OptOut(PersonId person)
    {
        optOuts.Add(new OptOut(person, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), "objection"));
        return this;
    }

    /// <summary>The hub read and indexed, as feature building sees it.</summary>
    public HubHistory Read() => HubHistory.Read(this, "memory");

    /// <summary>The history of one family.</summary>
    public FamilyHistory Family(long family) => Read().Find(new FamilyId(family)) ?? throw new InvalidOperationException($"No family {family}.");

    public IEnumerable<Household> Households() => Ordered(households);

    public IEnumerable<Person> People() => Ordered(people);

    public IEnumerable<Residence> Residences() => Ordered(residences);

    public IEnumerable<FamilyMembership> FamilyMemberships() => Ordered(memberships);

    public IEnumerable<AgencyEvent> Events() => Ordered(events);

    public IEnumerable<OptOut> OptOuts() => Ordered(optOuts);

    private IEnumerable<T> Ordered<T>(List<T> items)
    {
        if (ShuffleSeed is not { } seed)
            return items;
        var copy = items.ToArray();
        new Random(seed).Shuffle(copy);
        return copy;
    }
}
