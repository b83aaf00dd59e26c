using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Statistics;

/// <summary>A resident at the reference date: who, their age in whole years, and their household.</summary>
/// <param name="Person">Who.</param>
/// <param name="Age">Age at the reference date, counting from the 1st of the birth month.</param>
/// <param name="Household">The household of the residence covering the reference date.</param>
internal readonly record struct Resident(PersonId Person, int Age, HouseholdId Household);

/// <summary>The people resident at a date, and the deprivation decile of each household.</summary>
internal sealed class ResidentPopulation
{
    private readonly Dictionary<HouseholdId, int> deciles;

    private ResidentPopulation(IReadOnlyList<Resident> residents, Dictionary<HouseholdId, int> deciles)
    {
        Residents = residents;
        this.deciles = deciles;
    }

    /// <summary>Every resident.</summary>
    public IReadOnlyList<Resident> Residents { get; }

    /// <summary>The IMD decile of a household's area.</summary>
    public int DecileOf(HouseholdId household) => deciles.GetValueOrDefault(household);

    /// <summary>The residents of the hub on <paramref name="date"/>.</summary>
    public static ResidentPopulation At(IHubReader reader, DateOnly date)
    {
        // A person with two residences covering the date (a register overlap) lives where they moved last.
        var homes = new Dictionary<PersonId, Residence>();
        foreach (var residence in reader.Residences())
        {
            if (residence.Start > date || residence.End <= date)
                continue;
            if (!homes.TryGetValue(residence.Person, out var current) || residence.Start > current.Start
                || (residence.Start == current.Start && residence.Household.Value > current.Household.Value))
                homes[residence.Person] = residence;
        }

        var residents = new List<Resident>();
        foreach (var person in reader.People())
        {
            var born = person.BirthMonth.FirstDay <= date;
            var alive = person.DeathMonth is not { } death || death.FirstDay > date;
            if (born && alive && homes.TryGetValue(person.Id, out var home))
                residents.Add(new Resident(person.Id, person.BirthMonth.AgeOn(date), home.Household));
        }
        var deciles = reader.Households().ToDictionary(household => household.Id, household => household.ImdDecile);
        return new ResidentPopulation(residents, deciles);
    }
}
