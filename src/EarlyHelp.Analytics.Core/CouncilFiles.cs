namespace EarlyHelp.Analytics.Core;

/// <summary>
/// The council's address register and the relationship extracts that source systems hold (school
/// contacts, social care carers, council tax occupants, tenancy members, health visitor births), plus
/// the two records of protected characteristics (school census, social care). They carry each system's
/// own person references and identity fields, never a hub id. Documented column by column in docs/extracts.md.
/// </summary>
public static class CouncilFiles
{
    /// <summary>The address register (LLPG): one row per property.</summary>
    public static CouncilFileLayout Gazetteer { get; } = new()
    {
        FileName = "gazetteer.csv", Agency = "Council (LLPG)", DateFormat = "yyyy-MM-dd", RecordIdColumn = "uprn",
        Columns = ["uprn", "address", "postcode", "area_code", "imd_decile"],
    };

    /// <summary>School census: one row per pupil per January census; sex, ethnicity and SEN as the school recorded them.</summary>
    public static CouncilFileLayout SchoolCensus { get; } = new()
    {
        FileName = "school_census.csv", Agency = AgencyStyle.Schools.Agency, DateFormat = "yyyy-MM-dd", RecordIdColumn = "census_id",
        People = [new("pupil") { PersonRef = "person_id", Forename = "pupil_forename", Surname = "pupil_surname", BirthDate = "pupil_dob", Sex = "sex", Address = "home_address", Postcode = "home_postcode" }],
        RecordDateColumn = "census_date",
        Columns = ["census_id", "person_id", "pupil_forename", "pupil_surname", "pupil_dob", "home_address", "home_postcode", "census_date", "sex", "ethnicity", "sen"],
    };

    /// <summary>School pupil ↔ parent/carer contacts, with the school's contact reference; contacts carry no date of birth.</summary>
    public static CouncilFileLayout SchoolPupilContacts { get; } = new()
    {
        FileName = "school_pupil_contacts.csv", Agency = AgencyStyle.Schools.Agency, DateFormat = "yyyy-MM-dd", RecordIdColumn = "contact_id",
        People =
        [
            new("pupil") { PersonRef = "person_id", Forename = "pupil_forename", Surname = "pupil_surname", BirthDate = "pupil_dob" },
            new("contact") { PersonRef = "contact_ref", Forename = "contact_forename", Surname = "contact_surname", Address = "contact_address", Postcode = "contact_postcode" },
        ],
        RelationshipColumn = "relationship", StartDateColumn = "valid_from", EndDateColumn = "valid_to",
        Columns = ["contact_id", "person_id", "pupil_forename", "pupil_surname", "pupil_dob", "contact_ref", "contact_forename", "contact_surname",
            "contact_address", "contact_postcode", "relationship", "priority", "valid_from", "valid_to"],
    };

    /// <summary>Children's social care child ↔ parents/carers, both with the case system's person references.</summary>
    public static CouncilFileLayout SocialCareChildCarers { get; } = new()
    {
        FileName = "csc_child_carers.csv", Agency = AgencyStyle.ChildrensSocialCare.Agency, DateFormat = "yyyy-MM-dd", RecordIdColumn = "link_id",
        People =
        [
            new("child") { PersonRef = "person_id", Forename = "child_forename", Surname = "child_surname", BirthDate = "child_dob" },
            new("carer") { PersonRef = "carer_person_id", Forename = "carer_forename", Surname = "carer_surname", BirthDate = "carer_dob", Address = "carer_address", Postcode = "carer_postcode" },
        ],
        RelationshipColumn = "relationship", StartDateColumn = "start_date", EndDateColumn = "end_date",
        Columns = ["link_id", "person_id", "child_forename", "child_surname", "child_dob", "carer_person_id", "carer_forename", "carer_surname",
            "carer_dob", "carer_address", "carer_postcode", "relationship", "start_date", "end_date"],
    };

    /// <summary>Children's social care characteristics of a child as recorded on a date (may disagree with the school census).</summary>
    public static CouncilFileLayout SocialCareCharacteristics { get; } = new()
    {
        FileName = "csc_child_characteristics.csv", Agency = AgencyStyle.ChildrensSocialCare.Agency, DateFormat = "yyyy-MM-dd", RecordIdColumn = "characteristics_id",
        People = [new("child") { PersonRef = "person_id", Forename = "forename", Surname = "surname", BirthDate = "dob", Sex = "sex" }],
        RecordDateColumn = "recorded_date",
        Columns = ["characteristics_id", "person_id", "forename", "surname", "dob", "recorded_date", "sex", "ethnicity", "disability"],
    };

    /// <summary>Council tax occupants of a property (adults only; date of birth often missing), with the liable flag.</summary>
    public static CouncilFileLayout CouncilTaxOccupants { get; } = new()
    {
        FileName = "council_tax_occupants.csv", Agency = AgencyStyle.Revenues.Agency, DateFormat = "dd/MM/yyyy", RecordIdColumn = "OccupantRef",
        People = [new("occupant") { PersonRef = "PersonRef", Forename = "Forename", Surname = "Surname", BirthDate = "DateOfBirth", Address = "Address", Postcode = "Postcode", Uprn = "UPRN" }],
        StartDateColumn = "StartDate", EndDateColumn = "EndDate",
        Columns = ["OccupantRef", "AccountNumber", "PersonRef", "Forename", "Surname", "DateOfBirth", "Address", "Postcode", "UPRN", "StartDate", "EndDate", "Liable"],
    };

    /// <summary>Members of council and housing-association tenancies, with their relationship to the lead tenant.</summary>
    public static CouncilFileLayout HousingTenancyMembers { get; } = new()
    {
        FileName = "housing_tenancy_members.csv", Agency = AgencyStyle.Housing.Agency, DateFormat = "dd/MM/yyyy", RecordIdColumn = "MemberRef",
        People = [new("member") { PersonRef = "PersonID", Forename = "FirstName", Surname = "LastName", BirthDate = "DateOfBirth", Address = "Address", Postcode = "PostCode", Uprn = "UPRN" }],
        RelationshipColumn = "RelationshipToLead", StartDateColumn = "StartDate", EndDateColumn = "EndDate",
        Columns = ["MemberRef", "TenancyRef", "PersonID", "FirstName", "LastName", "DateOfBirth", "Address", "PostCode", "UPRN", "RelationshipToLead", "StartDate", "EndDate"],
    };

    /// <summary>Health visitor birth notifications: mother ↔ baby, both with NHS numbers and hospital numbers.</summary>
    public static CouncilFileLayout HealthVisitorBirths { get; } = new()
    {
        FileName = "health_visitor_births.csv", Agency = AgencyStyle.Health.Agency, DateFormat = "dd-MMM-yyyy", RecordIdColumn = "BirthRef",
        People =
        [
            new("mother") { PersonRef = "MotherPersonId", NhsNumber = "MotherNHSNumber", Forename = "MotherGivenName", Surname = "MotherFamilyName", BirthDate = "MotherBirthDate", Address = "Address", Postcode = "Postcode" },
            new("baby") { PersonRef = "BabyPersonId", NhsNumber = "BabyNHSNumber", Forename = "BabyGivenName", Surname = "BabyFamilyName", BirthDate = "BirthDate", Sex = "BabyGender", Address = "Address", Postcode = "Postcode" },
        ],
        RecordDateColumn = "BirthDate",
        Columns = ["BirthRef", "MotherPersonId", "MotherNHSNumber", "MotherGivenName", "MotherFamilyName", "MotherBirthDate",
            "BabyPersonId", "BabyNHSNumber", "BabyGivenName", "BabyFamilyName", "BabyGender", "BirthDate", "Address", "Postcode"],
    };

    /// <summary>Every council file, in the order they are written.</summary>
    public static IReadOnlyList<CouncilFileLayout> All { get; } =
        [Gazetteer, SchoolCensus, SchoolPupilContacts, SocialCareChildCarers, SocialCareCharacteristics, CouncilTaxOccupants, HousingTenancyMembers, HealthVisitorBirths];

    /// <summary>The dataset name of a council file in <c>record_people.csv</c>: its file name without extension, e.g. <c>school_census</c>.</summary>
    public static string DatasetName(CouncilFileLayout layout) => Path.GetFileNameWithoutExtension(layout.FileName);
}

/// <summary>The shape of one council file: its columns, date format, and which columns describe which person.</summary>
public sealed record CouncilFileLayout
{
    /// <summary>File name inside the extract folder.</summary>
    public required string FileName { get; init; }

    /// <summary>The agency whose system the file comes from.</summary>
    public required string Agency { get; init; }

    /// <summary>Date format of every date cell, as a .NET custom format string.</summary>
    public required string DateFormat { get; init; }

    /// <summary>Column of the row reference, unique in the file and stable across loads.</summary>
    public required string RecordIdColumn { get; init; }

    /// <summary>The people a row describes, in column order; the truth names each as <c>record_id/role</c>. Empty for the gazetteer.</summary>
    public IReadOnlyList<PersonColumns> People { get; init; } = [];

    /// <summary>Column naming the relationship (e.g. <c>mother</c>), or null.</summary>
    public string? RelationshipColumn { get; init; }

    /// <summary>Column of the date the relationship or occupancy started, or null.</summary>
    public string? StartDateColumn { get; init; }

    /// <summary>Column of the date it ended (blank while open), or null.</summary>
    public string? EndDateColumn { get; init; }

    /// <summary>Column of the date the row was recorded (census day, recording day, birth), or null.</summary>
    public string? RecordDateColumn { get; init; }

    /// <summary>Header columns, in file order.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>
    /// Whether each extract is the whole register or only changes. Default <see cref="ExtractRefresh.FullRefresh"/>: a
    /// council's registers and relationship files are whole snapshots. The gazetteer is an address list, never deleted from.
    /// </summary>
    public ExtractRefresh Refresh { get; init; } = ExtractRefresh.FullRefresh;
}

/// <summary>Which columns of a council file describe one person of a row; null for a field the system does not hold.</summary>
/// <param name="Role">The person's role in the row (<c>pupil</c>, <c>contact</c>, <c>child</c>, <c>carer</c>, <c>occupant</c>, <c>member</c>, <c>mother</c>, <c>baby</c>).</param>
public sealed record PersonColumns(string Role)
{
    /// <summary>Column of the system's own person reference.</summary>
    public string? PersonRef { get; init; }

    /// <summary>Column of the forename.</summary>
    public string? Forename { get; init; }

    /// <summary>Column of the surname.</summary>
    public string? Surname { get; init; }

    /// <summary>Column of the date of birth.</summary>
    public string? BirthDate { get; init; }

    /// <summary>Column of the sex (<c>F</c>, <c>M</c> or blank).</summary>
    public string? Sex { get; init; }

    /// <summary>Column of the address line as typed.</summary>
    public string? Address { get; init; }

    /// <summary>Column of the postcode as typed.</summary>
    public string? Postcode { get; init; }

    /// <summary>Column of the UPRN.</summary>
    public string? Uprn { get; init; }

    /// <summary>Column of the NHS number.</summary>
    public string? NhsNumber { get; init; }
}
