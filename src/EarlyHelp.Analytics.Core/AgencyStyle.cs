namespace EarlyHelp.Analytics.Core;

/// <summary>
/// The conventions one agency's system uses in every extract it sends: naming of the record and
/// person columns, identity columns, date format and the shape of its own person references. Real
/// agencies differ in all of these.
/// </summary>
/// <param name="Agency">Plain name of the agency.</param>
/// <param name="DateFormat">Its date format as a .NET custom format string.</param>
/// <param name="RecordIdColumn">Its name for the record reference column.</param>
/// <param name="PersonIdColumn">Its name for the column of its own person reference.</param>
/// <param name="PersonRefPrefix">
/// Prefix of its person references, e.g. <c>PN</c> for police nominals. Agencies that share one case
/// system (children's social care and early help) share the prefix and so give a person the same reference.
/// </param>
/// <param name="Identity">Its names for the identity columns.</param>
public sealed record AgencyStyle(
    string Agency, string DateFormat, string RecordIdColumn, string PersonIdColumn, string PersonRefPrefix, IdentityColumns Identity)
{
    /// <summary>Police: UK day-first dates with slashes, PascalCase columns; records sex.</summary>
    public static AgencyStyle Police { get; } = new("Police", "dd/MM/yyyy", "OccurrenceRef", "PersonRef", "PN",
        new("Forename", "Surname", "DOB", "Postcode") { Sex = "Sex", Address = "AddressLine" });

    /// <summary>Youth Justice Service: ISO dates, snake_case columns; records gender.</summary>
    public static AgencyStyle YouthJustice { get; } = new("Youth Justice Service", "yyyy-MM-dd", "yjs_ref", "person_id", "YJ",
        new("first_name", "last_name", "date_of_birth", "postcode") { Sex = "gender", Address = "address" });

    /// <summary>Council housing: UK day-first dates, PascalCase columns; holds the UPRN, not sex.</summary>
    public static AgencyStyle Housing { get; } = new("Housing", "dd/MM/yyyy", "CaseRef", "PersonID", "HN",
        new("FirstName", "LastName", "DateOfBirth", "PostCode") { Address = "Address", Uprn = "UPRN" });

    /// <summary>Schools (the council's education management system): ISO dates; records sex.</summary>
    public static AgencyStyle Schools { get; } = new("Schools", "yyyy-MM-dd", "record_id", "person_id", "ED",
        new("pupil_forename", "pupil_surname", "pupil_dob", "home_postcode") { Sex = "pupil_sex", Address = "home_address" });

    /// <summary>Careers service: day-first dates with hyphens; records gender.</summary>
    public static AgencyStyle Careers { get; } = new("Careers service", "dd-MM-yyyy", "ActivityID", "PersonId", "CS",
        new("GivenName", "FamilyName", "BirthDate", "Postcode") { Sex = "Gender", Address = "Address" });

    /// <summary>Children's social care case system: ISO dates; records gender.</summary>
    public static AgencyStyle ChildrensSocialCare { get; } = new("Children's social care", "yyyy-MM-dd", "episode_id", "person_id", "LCS",
        new("forename", "surname", "dob", "postcode") { Sex = "gender", Address = "address" });

    /// <summary>Early help service: the same case system as social care (same person references), its own extract.</summary>
    public static AgencyStyle EarlyHelp { get; } = new("Early help service", "yyyy-MM-dd", "eh_episode_id", "person_id", "LCS",
        new("forename", "surname", "dob", "postcode") { Sex = "gender", Address = "address" });

    /// <summary>Department for Work and Pensions: compact dates, upper-case columns; records sex.</summary>
    public static AgencyStyle Dwp { get; } = new("DWP", "yyyyMMdd", "CLAIM_ID", "PERSON_ID", "DW",
        new("FORENAME", "SURNAME", "DOB", "POSTCODE") { Sex = "SEX", Address = "ADDRESS_LINE_1" });

    /// <summary>Council revenues (council tax): UK day-first dates; holds the UPRN, not sex.</summary>
    public static AgencyStyle Revenues { get; } = new("Council revenues", "dd/MM/yyyy", "AccountRef", "PersonRef", "CT",
        new("Forename", "Surname", "DateOfBirth", "Postcode") { Address = "Address", Uprn = "UPRN" });

    /// <summary>NHS trusts: dates with an abbreviated month name, e.g. 12-Feb-2024; the local hospital number and the NHS number.</summary>
    public static AgencyStyle Health { get; } = new("NHS", "dd-MMM-yyyy", "EpisodeNumber", "PersonId", "RH",
        new("GivenName", "FamilyName", "BirthDate", "Postcode") { Sex = "Gender", Address = "Address", NhsNumber = "NHSNumber" });

    /// <summary>Domestic abuse partnership (MARAC and IDVA service): UK day-first dates; records gender.</summary>
    public static AgencyStyle DomesticAbusePartnership { get; } = new("Domestic abuse partnership", "dd/MM/yyyy", "CaseNo", "PersonRef", "DA",
        new("Forename", "Surname", "DOB", "Postcode") { Sex = "Gender", Address = "Address" });

    /// <summary>Local welfare assistance scheme: ISO dates; no sex.</summary>
    public static AgencyStyle LocalWelfare { get; } = new("Local welfare assistance", "yyyy-MM-dd", "award_id", "person_id", "LW",
        new("forename", "surname", "dob", "postcode") { Address = "address" });

    /// <summary>Every agency style, each once.</summary>
    public static IReadOnlyList<AgencyStyle> All { get; } =
        [Police, YouthJustice, Housing, Schools, Careers, ChildrensSocialCare, EarlyHelp, Dwp, Revenues, Health, DomesticAbusePartnership, LocalWelfare];
}
