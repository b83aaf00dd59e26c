namespace EarlyHelp.Analytics.Core;

/// <summary>
/// The conventions one agency's system uses in every extract it sends: naming of the record and
/// person columns, identity columns and date format. Real agencies differ in all of these.
/// </summary>
/// <param name="Agency">Plain name of the agency.</param>
/// <param name="DateFormat">Its date format as a .NET custom format string.</param>
/// <param name="RecordIdColumn">Its name for the record reference column.</param>
/// <param name="PersonIdColumn">Its name for the person id column.</param>
/// <param name="Identity">Its names for the identity columns.</param>
public sealed record AgencyStyle(
    string Agency, string DateFormat, string RecordIdColumn, string PersonIdColumn, IdentityColumns Identity)
{
    /// <summary>Police: UK day-first dates with slashes, PascalCase columns.</summary>
    public static AgencyStyle Police { get; } = new("Police", "dd/MM/yyyy", "OccurrenceRef", "PersonRef",
        new("Forename", "Surname", "DOB", "Postcode"));

    /// <summary>Youth Justice Service: ISO dates, snake_case columns.</summary>
    public static AgencyStyle YouthJustice { get; } = new("Youth Justice Service", "yyyy-MM-dd", "yjs_ref", "person_id",
        new("first_name", "last_name", "date_of_birth", "postcode"));

    /// <summary>Council housing: UK day-first dates, PascalCase columns.</summary>
    public static AgencyStyle Housing { get; } = new("Housing", "dd/MM/yyyy", "CaseRef", "PersonID",
        new("FirstName", "LastName", "DateOfBirth", "PostCode"));

    /// <summary>Schools (the council's education management system): ISO dates.</summary>
    public static AgencyStyle Schools { get; } = new("Schools", "yyyy-MM-dd", "record_id", "person_id",
        new("pupil_forename", "pupil_surname", "pupil_dob", "home_postcode"));

    /// <summary>Careers service: day-first dates with hyphens.</summary>
    public static AgencyStyle Careers { get; } = new("Careers service", "dd-MM-yyyy", "ActivityID", "PersonId",
        new("GivenName", "FamilyName", "BirthDate", "Postcode"));

    /// <summary>Children's social care case system: ISO dates.</summary>
    public static AgencyStyle ChildrensSocialCare { get; } = new("Children's social care", "yyyy-MM-dd", "episode_id", "person_id",
        new("forename", "surname", "dob", "postcode"));

    /// <summary>Early help service (same case system as social care, its own extract).</summary>
    public static AgencyStyle EarlyHelp { get; } = new("Early help service", "yyyy-MM-dd", "eh_episode_id", "person_id",
        new("forename", "surname", "dob", "postcode"));

    /// <summary>Department for Work and Pensions: compact dates, upper-case columns.</summary>
    public static AgencyStyle Dwp { get; } = new("DWP", "yyyyMMdd", "CLAIM_ID", "PERSON_ID",
        new("FORENAME", "SURNAME", "DOB", "POSTCODE"));

    /// <summary>Council revenues (council tax): UK day-first dates.</summary>
    public static AgencyStyle Revenues { get; } = new("Council revenues", "dd/MM/yyyy", "AccountRef", "PersonRef",
        new("Forename", "Surname", "DateOfBirth", "Postcode"));

    /// <summary>NHS trusts: dates with an abbreviated month name, e.g. 12-Feb-2024.</summary>
    public static AgencyStyle Health { get; } = new("NHS", "dd-MMM-yyyy", "EpisodeNumber", "PersonId",
        new("GivenName", "FamilyName", "BirthDate", "Postcode"));

    /// <summary>Domestic abuse partnership (MARAC and IDVA service): UK day-first dates.</summary>
    public static AgencyStyle DomesticAbusePartnership { get; } = new("Domestic abuse partnership", "dd/MM/yyyy", "CaseNo", "PersonRef",
        new("Forename", "Surname", "DOB", "Postcode"));

    /// <summary>Local welfare assistance scheme: ISO dates.</summary>
    public static AgencyStyle LocalWelfare { get; } = new("Local welfare assistance", "yyyy-MM-dd", "award_id", "person_id",
        new("forename", "surname", "dob", "postcode"));

    /// <summary>Builds the layout of one extract in this agency's style.</summary>
    public ExtractLayout Layout(string fileName, string startDateColumn, string? endDateColumn = null, string? valueColumn = null) => new()
    {
        FileName = fileName,
        RecordIdColumn = RecordIdColumn,
        PersonIdColumn = PersonIdColumn,
        StartDateColumn = startDateColumn,
        EndDateColumn = endDateColumn,
        ValueColumn = valueColumn,
        DateFormat = DateFormat,
        Identity = Identity,
    };
}
