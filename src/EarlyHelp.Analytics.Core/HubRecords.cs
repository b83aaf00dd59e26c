namespace EarlyHelp.Analytics.Core;

/// <summary>A household: an address (UPRN) in an area with a deprivation decile.</summary>
/// <param name="Id">Hub id.</param>
/// <param name="Uprn">Unique Property Reference Number.</param>
/// <param name="AreaCode">Code of the small area (LSOA) the address lies in.</param>
/// <param name="ImdDecile">Index of Multiple Deprivation decile of the area: 1 is the most deprived tenth of England.</param>
/// <param name="Tenure">Tenure code (<c>owner</c>, <c>private_rent</c>, <c>social_rent</c>).</param>
public sealed record Household(HouseholdId Id, string Uprn, string AreaCode, int ImdDecile, string Tenure);

/// <summary>A person, known to the month of birth (and of death, if any).</summary>
/// <param name="Id">Hub id.</param>
/// <param name="BirthMonth">Month of birth.</param>
/// <param name="DeathMonth">Month of death, or null.</param>
public sealed record Person(PersonId Id, YearMonth BirthMonth, YearMonth? DeathMonth);

/// <summary>A period in which a person lived in a household; <paramref name="End"/> null means still there.</summary>
/// <param name="Person">Who.</param>
/// <param name="Household">Where.</param>
/// <param name="Start">First day.</param>
/// <param name="End">Day they left, or null.</param>
public sealed record Residence(PersonId Person, HouseholdId Household, DateOnly Start, DateOnly? End);

/// <summary>A person's role in a family.</summary>
public enum FamilyRole
{
    /// <summary>A parent or carer.</summary>
    Parent,

    /// <summary>A dependent child.</summary>
    Child,

    /// <summary>Another member (e.g. a grandparent or an adult sibling).</summary>
    Other,
}

/// <summary>Codes of <see cref="FamilyRole"/> values.</summary>
public static class FamilyRoles
{
    /// <summary>The hub code: <c>parent</c>, <c>child</c> or <c>other</c>.</summary>
    public static string Code(this FamilyRole role) => role switch
    {
        FamilyRole.Parent => "parent",
        FamilyRole.Child => "child",
        FamilyRole.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown family role."),
    };

    /// <summary>Reads a hub code; returns false for anything else.</summary>
    public static bool TryParse(string? code, out FamilyRole role)
    {
        (var ok, role) = code switch
        {
            "parent" => (true, FamilyRole.Parent),
            "child" => (true, FamilyRole.Child),
            "other" => (true, FamilyRole.Other),
            _ => (false, default),
        };
        return ok;
    }
}

/// <summary>A period in which a person belonged to a family in a role; <paramref name="End"/> null means still a member.</summary>
/// <param name="Family">Which family.</param>
/// <param name="Person">Who.</param>
/// <param name="Role">Their role.</param>
/// <param name="Start">First day of membership.</param>
/// <param name="End">Day membership ended, or null.</param>
public sealed record FamilyMembership(FamilyId Family, PersonId Person, FamilyRole Role, DateOnly Start, DateOnly? End);

/// <summary>One agency record about a person, mapped to the hub's <c>event</c> table.</summary>
/// <param name="EventId">Hub id.</param>
/// <param name="Person">Who the record is about.</param>
/// <param name="Dataset">Dataset code (see <see cref="DatasetCatalogue"/>).</param>
/// <param name="Start">Date the record starts.</param>
/// <param name="End">Date it ends, for records with a duration.</param>
/// <param name="Value">Numeric value, where the dataset has one.</param>
/// <param name="LoadedOn">
/// The extract date of the load that first brought the record, when that was a later load than its dataset's first
/// (back-filled) one; null when it came in the first load, or the hub cannot say. Features at T use it only from the
/// day after (docs/validation.md, "Records as known then").
/// </param>
public readonly record struct AgencyEvent(long EventId, PersonId Person, string Dataset, DateOnly Start, DateOnly? End, double? Value, DateOnly? LoadedOn = null);

/// <summary>Protected characteristics of a person: read by the fairness audit only, never by features.</summary>
/// <param name="Person">Who.</param>
/// <param name="Sex">Sex code (see <see cref="ProtectedCodes"/>).</param>
/// <param name="Ethnicity">Ethnic group code (see <see cref="ProtectedCodes"/>).</param>
/// <param name="Disability">Disability code (see <see cref="ProtectedCodes"/>).</param>
public sealed record ProtectedCharacteristics(PersonId Person, string Sex, string Ethnicity, string Disability);

/// <summary>An entry on the opt-out register: the person objected to, or restricted, processing.</summary>
/// <param name="Person">Who.</param>
/// <param name="RecordedAt">When the objection was recorded.</param>
/// <param name="Reason">Reason given.</param>
public sealed record OptOut(PersonId Person, DateTimeOffset RecordedAt, string Reason)
{
    /// <summary>Who recorded it (an account name), or null for an entry from before the register kept it and not found in the audit log.</summary>
    public string? RecordedBy { get; init; }
}
