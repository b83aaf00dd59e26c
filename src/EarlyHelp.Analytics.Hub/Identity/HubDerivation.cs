using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>The canonical tables as derived from linked identity records: what features, labels and the panel read.</summary>
/// <param name="People">One row per person.</param>
/// <param name="Protected">Protected characteristics of the people whose sources give them.</param>
/// <param name="Identities">Each person's name, date of birth and postcode, for re-identification.</param>
/// <param name="Households">Households (gazetteer UPRNs) someone lived at; new ones and those already in the hub.</param>
/// <param name="Residences">Who lived where, when.</param>
/// <param name="Families">Family ids.</param>
/// <param name="Memberships">Who belonged to which family, in which role, when.</param>
/// <param name="FamilyHistory">How family ids merged and split since the last load.</param>
public sealed record DerivedHub(
    IReadOnlyList<Person> People, IReadOnlyList<ProtectedCharacteristics> Protected, IReadOnlyList<Ingest.PersonIdentity> Identities,
    IReadOnlyList<Household> Households, IReadOnlyList<Residence> Residences, IReadOnlyList<FamilyId> Families,
    IReadOnlyList<FamilyMembership> Memberships, IReadOnlyList<IdHistory> FamilyHistory);

/// <summary>What the hub knew before this load that derivation keeps stable.</summary>
/// <param name="HouseholdOfUprn">Household id of each UPRN already in the hub.</param>
/// <param name="FamilyOfChild">The family each person was a child of (their first such membership).</param>
/// <param name="FirstUnusedFamily">The smallest family id never used.</param>
public sealed record PreviousDerivation(IReadOnlyDictionary<string, long> HouseholdOfUprn, IReadOnlyDictionary<long, long> FamilyOfChild, long FirstUnusedFamily);

/// <summary>
/// Builds people, households, residences and families from linked identity records: a household is a gazetteer
/// UPRN (<see cref="Gazetteer"/>), residences follow <see cref="ResidenceDerivation"/>, families
/// <see cref="FamilyDerivation"/> and, for children no relationship places, <see cref="CoResidenceFamilies"/>, and a
/// person's details <see cref="PersonResolution"/>. Relationships come from
/// records that point at a child's record (school contacts, social care carers, health visitor births) and from
/// tenancies: a lead tenant and partner are carers of the tenancy's children while both are members.
/// </summary>
public static class HubDerivation
{
    /// <summary>Tenure of a household at which a housing tenancy is recorded; any other is recorded as <c>owner</c>, since no source the hub receives tells owners from private tenants.</summary>
    public const string HousingDataset = "housing_tenancy_members";

    /// <summary>The council tax occupancy file.</summary>
    public const string CouncilTaxDataset = "council_tax_occupants";

    /// <summary>Derives the canonical tables from <paramref name="records"/> (each with its person and matched UPRN).</summary>
    public static DerivedHub Derive(IReadOnlyList<IdentityRecord> records, Gazetteer gazetteer, PreviousDerivation previous, DateOnly asOf)
    {
        var byPerson = records.GroupBy(r => r.PersonId).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<IdentityRecord>)g.ToArray());
        var people = byPerson.Select(p => PersonResolution.Person(new PersonId(p.Key), p.Value)).ToArray();
        var identities = byPerson.Select(p => PersonResolution.Identity(new PersonId(p.Key), p.Value)).ToArray();
        var protectedRows = byPerson.Select(p => PersonResolution.Protected(new PersonId(p.Key), p.Value)).OfType<ProtectedCharacteristics>().ToArray();

        var residencesByPerson = new Dictionary<long, IReadOnlyList<(string Uprn, Period Period)>>();
        foreach (var (person, own) in byPerson)
        {
            var observations = own.Select((r, i) => (Record: r, Order: i))
                .Where(o => o.Record is { MatchedUprn: not null, ValidFrom: not null })
                .Select(o => new AddressObservation(o.Record.MatchedUprn!, new Period(o.Record.ValidFrom!.Value, o.Record.ValidTo), EvidenceOf(o.Record), o.Order))
                .ToArray();
            var residences = ResidenceDerivation.Derive(observations);
            if (residences.Count > 0)
                residencesByPerson[person] = residences;
        }

        var households = Households(records, residencesByPerson, gazetteer, previous.HouseholdOfUprn);
        var householdOfUprn = households.ToDictionary(h => h.Uprn, h => h.Id);
        var residenceRows = residencesByPerson
            .SelectMany(p => p.Value.Select(r => new Residence(new PersonId(p.Key), householdOfUprn[r.Uprn], r.Period.Start, r.Period.End)))
            .ToArray();

        var dates = byPerson.ToDictionary(p => p.Key, p => new PersonDates(
            PersonResolution.BirthDate(p.Value) is { } birth ? YearMonth.Of(birth) : null,
            p.Value.Min(r => r.ValidFrom) ?? asOf));
        var links = CarerLinks(records);
        var families = CoResidenceFamilies.Extend(FamilyDerivation.Derive(links, residencesByPerson, asOf), links, residencesByPerson, dates);
        var (familyIds, familyHistory) = StableIds.Assign<long>(
            families.Select(f => (IReadOnlyList<long>)f.Members.Where(m => m.Role == FamilyRole.Child).Select(m => m.Person).Distinct().ToArray()).ToArray(),
            child => previous.FamilyOfChild.TryGetValue(child, out var family) ? family : null, previous.FirstUnusedFamily);
        var memberships = families
            .SelectMany((family, i) => family.Members.Select(m => new FamilyMembership(new FamilyId(familyIds[i]), new PersonId(m.Person), m.Role, m.Period.Start, m.Period.End)))
            .ToArray();
        return new DerivedHub(people, protectedRows, identities, households, residenceRows,
            familyIds.Select(id => new FamilyId(id)).ToArray(), memberships, familyHistory);
    }

    /// <summary>The child–carer relationships between linked people.</summary>
    public static IReadOnlyList<CarerLink> CarerLinks(IReadOnlyList<IdentityRecord> records)
    {
        var personOf = new Dictionary<(string, string), long>(records.Count);
        foreach (var record in records)
            personOf[record.Key] = record.PersonId;
        var links = new List<CarerLink>();
        foreach (var record in records)
        {
            if (record.Dataset == HousingDataset || record.RelatedRef is null || record.ValidFrom is not { } from
                || !personOf.TryGetValue((record.Dataset, record.RelatedRef), out var child) || child == record.PersonId)
                continue;
            links.Add(new CarerLink(child, record.PersonId, CarerRelationships.Parse(record.Relationship), new Period(from, record.ValidTo)));
        }
        foreach (var tenancy in records.Where(r => r.Dataset == HousingDataset && r.RelatedRef is not null && r.ValidFrom is not null).GroupBy(r => r.RelatedRef))
        {
            var members = tenancy.ToArray();
            foreach (var child in members.Where(m => Is(m, "child")))
            {
                foreach (var carer in members.Where(m => (Is(m, "lead") || Is(m, "partner")) && m.PersonId != child.PersonId))
                {
                    var period = new Period(child.ValidFrom!.Value, child.ValidTo).Intersect(new Period(carer.ValidFrom!.Value, carer.ValidTo));
                    if (!period.IsEmpty)
                        links.Add(new CarerLink(child.PersonId, carer.PersonId, CarerRelationship.Carer, period));
                }
            }
        }
        return links;
    }

    /// <summary>What a record's address says: occupancies (council tax, tenancies) have their own periods; other register rows place the person on their date.</summary>
    public static AddressEvidence EvidenceOf(IdentityRecord record) => record switch
    {
        { Kind: IdentityRecordKind.Event } => AddressEvidence.Event,
        { Dataset: HousingDataset or CouncilTaxDataset } => AddressEvidence.Occupancy,
        _ => AddressEvidence.Point,
    };

    private static bool Is(IdentityRecord record, string relationship) => string.Equals(record.Relationship, relationship, StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<Household> Households(IReadOnlyList<IdentityRecord> records,
        Dictionary<long, IReadOnlyList<(string Uprn, Period Period)>> residences, Gazetteer gazetteer, IReadOnlyDictionary<string, long> existing)
    {
        var socialRent = records.Where(r => r.Dataset == HousingDataset && r.MatchedUprn is not null).Select(r => r.MatchedUprn!).ToHashSet(StringComparer.Ordinal);
        var next = existing.Count == 0 ? 1 : existing.Values.Max() + 1;
        var households = new List<Household>();
        foreach (var uprn in residences.Values.SelectMany(r => r.Select(x => x.Uprn)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var entry = gazetteer.Find(uprn)!;
            var id = existing.TryGetValue(uprn, out var known) ? known : next++;
            households.Add(new Household(new HouseholdId(id), uprn, entry.AreaCode, entry.ImdDecile, socialRent.Contains(uprn) ? "social_rent" : "owner"));
        }
        return households;
    }
}
