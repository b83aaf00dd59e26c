using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Tests.Fixtures;

/// <summary>
/// Writes the canonical tables (households, people, residences, families, events) of a hand-built hub
/// directly through a load, as linkage would have left them: for tests of what is read from a hub,
/// where going through extracts and linkage would only hide the case being tested.
/// </summary>
public sealed class CanonicalHubBuilder(DateOnly extractDate)
{
    private readonly List<Household> households = [];
    private readonly List<Person> people = [];
    private readonly List<ProtectedCharacteristics> protectedRows = [];
    private readonly List<Residence> residences = [];
    private readonly List<FamilyId> families = [];
    private readonly List<FamilyMembership> members = [];
    private readonly Dictionary<string, List<SourceEvent>> events = new(StringComparer.Ordinal);

    /// <summary>A household at UPRN <c>1000</c> + its id.</summary>
    public CanonicalHubBuilder Household(long id, int imdDecile = 5, string tenure = "owner")
    {
        households.Add(new Household(new HouseholdId(id), $"1000{id:D8}", $"E0100{id % 1000:D4}", imdDecile, tenure));
        return this;
    }

    /// <summary>A person with protected characteristics.</summary>
    public CanonicalHubBuilder Person(long id, string birthMonth, string? deathMonth = null, string sex = "F", string ethnicity = "white_british", string disability = "N")
    {
        YearMonth.TryParse(birthMonth, out var birth);
        YearMonth? death = deathMonth is not null && YearMonth.TryParse(deathMonth, out var died) ? died : null;
        people.Add(new Person(new PersonId(id), birth, death));
        protectedRows.Add(new ProtectedCharacteristics(new PersonId(id), sex, ethnicity, disability));
        return this;
    }

    /// <summary>A residence period.</summary>
    public CanonicalHubBuilder Residence(long person, long household, DateOnly start, DateOnly? end = null)
    {
        residences.Add(new Residence(new PersonId(person), new HouseholdId(household), start, end));
        return this;
    }

    /// <summary>A family.</summary>
    public CanonicalHubBuilder Family(long id)
    {
        families.Add(new FamilyId(id));
        return this;
    }

    /// <summary>A family membership.</summary>
    public CanonicalHubBuilder Member(long family, long person, string role, DateOnly start, DateOnly? end = null)
    {
        FamilyRoles.TryParse(role, out var parsed);
        members.Add(new FamilyMembership(new FamilyId(family), new PersonId(person), parsed, start, end));
        return this;
    }

    /// <summary>An event of <paramref name="dataset"/> about <paramref name="person"/>.</summary>
    public CanonicalHubBuilder Event(string dataset, string sourceRef, long person, DateOnly start, DateOnly? end = null, double? value = null)
    {
        if (!events.TryGetValue(dataset, out var rows))
            events[dataset] = rows = [];
        rows.Add(new SourceEvent(new PersonId(person), start, end, value, sourceRef));
        return this;
    }

    /// <summary>Writes everything into <paramref name="store"/> in one load dated at the extract date.</summary>
    public void LoadInto(IHubStore store)
    {
        using var load = store.BeginLoad();
        load.ReplaceDerived(new DerivedHub(people, protectedRows, [], households, residences, families, members, []));
        foreach (var (dataset, rows) in events)
            load.AddEvents(dataset, rows.ToArray());
        var now = DateTimeOffset.UnixEpoch;
        load.Commit(new IngestReport("hand-built", extractDate, "EarlyHelp.Analytics.Hub.Tests", "1", now, now, []), "tester");
    }
}
