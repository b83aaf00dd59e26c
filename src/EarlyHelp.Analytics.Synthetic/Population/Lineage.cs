using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Places;
using EarlyHelp.Analytics.Synthetic.Randomness;

namespace EarlyHelp.Analytics.Synthetic.Population;

/// <summary>
/// Everything descended from one household of the starting city: the people born into it or joining
/// it, the households they form and the families they make, with their records. A lineage never
/// touches another, so lineages are simulated in parallel and each depends only on its own seeds.
/// Ids are the lineage number times <see cref="IdsPerLineage"/> plus a running count, so they do not
/// depend on thread scheduling and a longer run keeps a shorter run's ids.
/// </summary>
internal sealed class Lineage
{
    /// <summary>Ids available to one lineage for each of people, households and families.</summary>
    public const int IdsPerLineage = 10_000;

    private readonly int[] sequences = new int[DatasetCatalogue.All.Count];

    /// <summary>Starts lineage <paramref name="number"/> (from 1) under the master seed.</summary>
    public Lineage(int number, long seed)
    {
        Number = number;
        Truth = SeedSequence.Stream(seed, number, RandomPurpose.Truth);
        Observation = SeedSequence.Stream(seed, number, RandomPurpose.Observation);
        Identity = SeedSequence.Stream(seed, number, RandomPurpose.Identity);
    }

    /// <summary>The lineage number, from 1.</summary>
    public int Number { get; }

    /// <summary>Random stream of the true state: demography and latent need.</summary>
    public RandomStream Truth { get; }

    /// <summary>Random stream of what agencies record.</summary>
    public RandomStream Observation { get; }

    /// <summary>Random stream of names and days of birth.</summary>
    public RandomStream Identity { get; }

    /// <summary>Every person, in order of creation.</summary>
    public List<SimPerson> People { get; } = [];

    /// <summary>Every household, in order of creation.</summary>
    public List<SimHousehold> Households { get; } = [];

    /// <summary>Every family, in order of creation.</summary>
    public List<SimFamily> Families { get; } = [];

    /// <summary>Residence periods.</summary>
    public List<ResidenceRow> Residences { get; } = [];

    /// <summary>Family membership periods.</summary>
    public List<MembershipRow> Memberships { get; } = [];

    /// <summary>Agency records.</summary>
    public List<EventRow> Events { get; } = [];

    /// <summary>True need of families, by month.</summary>
    public List<NeedRow> Needs { get; } = [];

    /// <summary>A new person with the next person id.</summary>
    public SimPerson NewPerson()
    {
        var person = new SimPerson { Index = People.Count, Id = NextId(People.Count, "people") };
        People.Add(person);
        return person;
    }

    /// <summary>A new household at a new address in <paramref name="area"/>.</summary>
    public SimHousehold NewHousehold(Area area, Tenure tenure, float adversity)
    {
        var index = Households.Count;
        var household = new SimHousehold
        {
            Index = index,
            Id = NextId(index, "households"),
            Area = area,
            Tenure = tenure,
            Adversity = adversity,
            Postcode = Postcodes.ForAddress(area, Truth),
        };
        Households.Add(household);
        return household;
    }

    /// <summary>A new family living in <paramref name="household"/>.</summary>
    public SimFamily NewFamily(SimHousehold household)
    {
        var family = new SimFamily { Index = Families.Count, Id = NextId(Families.Count, "families"), Household = household };
        Families.Add(family);
        household.Family = family;
        return family;
    }

    /// <summary>Starts <paramref name="person"/>'s residence in <paramref name="household"/> on <paramref name="day"/>.</summary>
    public void MoveIn(SimPerson person, SimHousehold household, int day)
    {
        person.Household = household;
        household.Residents.Add(person);
        household.Closed = false;
        person.OpenResidence = Residences.Count;
        Residences.Add(new ResidenceRow(person.Index, household.Index, day, Days.Open));
    }

    /// <summary>Ends <paramref name="person"/>'s residence on <paramref name="day"/>; the household closes when it empties.</summary>
    public void MoveOut(SimPerson person, int day)
    {
        var household = person.Household!;
        household.Residents.Remove(person);
        if (household.Residents.Count == 0)
            household.Closed = true;
        var row = Residences[person.OpenResidence];
        Residences[person.OpenResidence] = row with { End = Math.Max(row.Start, day) };
        person.OpenResidence = -1;
        person.Household = null;
    }

    /// <summary>Starts <paramref name="person"/>'s membership of <paramref name="family"/> in <paramref name="role"/>.</summary>
    public void Join(SimPerson person, SimFamily family, FamilyRole role, int day)
    {
        person.Family = family;
        person.Role = role;
        family.Members.Add(person);
        family.Ended = false;
        person.OpenMembership = Memberships.Count;
        Memberships.Add(new MembershipRow(family.Index, person.Index, role, day, Days.Open));
    }

    /// <summary>Ends <paramref name="person"/>'s family membership on <paramref name="day"/>.</summary>
    public void Leave(SimPerson person, int day)
    {
        var family = person.Family!;
        family.Members.Remove(person);
        if (family.Members.Count == 0)
        {
            family.Ended = true;
            if (family.Household.Family == family)
                family.Household.Family = null;
        }
        var row = Memberships[person.OpenMembership];
        Memberships[person.OpenMembership] = row with { End = Math.Max(row.Start, day) };
        person.OpenMembership = -1;
        person.Family = null;
    }

    /// <summary>Records an agency event; returns its index in <see cref="Events"/>.</summary>
    public int Record(int dataset, SimPerson person, int start, int end, float value = float.NaN)
    {
        var index = Events.Count;
        Events.Add(new EventRow((byte)dataset, person.Index, person.Household!.Index, sequences[dataset]++, start, end, value));
        return index;
    }

    /// <summary>Ends an open record on <paramref name="day"/> (never before it started).</summary>
    public void EndRecord(int index, int day)
    {
        var row = Events[index];
        Events[index] = row with { End = Math.Max(row.Start, day) };
    }

    /// <summary>
    /// Takes <paramref name="person"/> out of the city on <paramref name="day"/> (by death when
    /// <paramref name="died"/>): residence and membership end and every open agency spell closes.
    /// </summary>
    public void Depart(SimPerson person, int day, bool died)
    {
        if (died)
            person.DeathMonth = Days.MonthOf(day);
        person.Present = false;
        if (person.Family is not null)
            Leave(person, day);
        MoveOut(person, day);
        CloseSpells(person, day, _ => true);
    }

    /// <summary>Closes <paramref name="person"/>'s open spells in the datasets <paramref name="which"/> accepts, on <paramref name="day"/>.</summary>
    public void CloseSpells(SimPerson person, int day, Func<int, bool> which)
    {
        if (person.OpenSpells is not { } spells)
            return;
        for (var dataset = 0; dataset < spells.Length; dataset++)
        {
            if (spells[dataset] < 0 || !which(dataset))
                continue;
            if (Events[spells[dataset]].End > day)
                EndRecord(spells[dataset], day);
            spells[dataset] = -1;
        }
    }

    private long NextId(int count, string what)
    {
        if (count >= IdsPerLineage)
            throw new InvalidOperationException($"Lineage {Number} ran out of {what} ids ({IdsPerLineage}); shorten the run.");
        return (long)Number * IdsPerLineage + count;
    }
}
