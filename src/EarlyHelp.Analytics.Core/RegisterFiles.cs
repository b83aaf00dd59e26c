namespace EarlyHelp.Analytics.Core;

/// <summary>
/// The canonical registers of people, households and families with master ids: households, people,
/// their protected characteristics and identities, residence and family membership. No council holds
/// these; the hub builds them by linkage, and the synthetic city writes its true versions only to its
/// truth folder (for evaluation). Their columns are the hub's column names and their dates are ISO
/// <c>YYYY-MM-DD</c>. The files a council really sends are <see cref="CouncilFiles"/>.
/// </summary>
public static class RegisterFiles
{
    /// <summary>Households: <c>household_id,uprn,area_code,imd_decile,tenure</c>.</summary>
    public static RegisterLayout Households { get; } = new("households.csv", ["household_id", "uprn", "area_code", "imd_decile", "tenure"]);

    /// <summary>People: <c>person_id,birth_month,death_month</c>.</summary>
    public static RegisterLayout People { get; } = new("people.csv", ["person_id", "birth_month", "death_month"]);

    /// <summary>Protected characteristics, kept apart from everything features read.</summary>
    public static RegisterLayout PeopleProtected { get; } = new("people_protected.csv", ["person_id", "sex", "ethnicity", "disability"]);

    /// <summary>Identities, read only by the audited re-identification step.</summary>
    public static RegisterLayout PeopleIdentity { get; } = new("people_identity.csv", ["person_id", "forename", "surname", "date_of_birth", "postcode"]);

    /// <summary>Who lived where, when.</summary>
    public static RegisterLayout Residences { get; } = new("residences.csv", ["person_id", "household_id", "start_date", "end_date"]);

    /// <summary>Families: <c>family_id</c>.</summary>
    public static RegisterLayout Families { get; } = new("families.csv", ["family_id"]);

    /// <summary>Who belonged to which family, in which role, when.</summary>
    public static RegisterLayout FamilyMembers { get; } = new("family_members.csv", ["family_id", "person_id", "role", "start_date", "end_date"]);

    /// <summary>Every register, in the order they must be loaded (referenced tables first).</summary>
    public static IReadOnlyList<RegisterLayout> All { get; } =
        [Households, People, PeopleProtected, PeopleIdentity, Residences, Families, FamilyMembers];
}

/// <summary>A register file's name and its columns in file order.</summary>
/// <param name="FileName">File name inside the extract folder.</param>
/// <param name="Columns">Header columns, in order.</param>
public sealed record RegisterLayout(string FileName, IReadOnlyList<string> Columns);
