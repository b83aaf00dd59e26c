namespace EarlyHelp.Analytics.Core;

/// <summary>
/// How one agency extract is shaped: its file name, its own column names and its date format.
/// The generator writes extracts in this shape and ingest reads them through it, so this
/// declaration is the mapping from an agency's columns to the hub's <c>event</c> table.
/// </summary>
public sealed record ExtractLayout
{
    /// <summary>File name of the extract, e.g. <c>police_asb_incidents.csv</c>.</summary>
    public required string FileName { get; init; }

    /// <summary>The agency's own reference for a record; with the dataset code it makes loading idempotent.</summary>
    public required string RecordIdColumn { get; init; }

    /// <summary>
    /// Column holding the agency's own person reference: stable inside that agency's system (across its
    /// datasets), never the hub's person id; a person may occasionally hold two (a duplicate registration).
    /// </summary>
    public required string PersonIdColumn { get; init; }

    /// <summary>Column holding the date the record starts (the incident, the referral, the claim start).</summary>
    public required string StartDateColumn { get; init; }

    /// <summary>Column holding the date the record ends, for records with a duration; null when there is none.</summary>
    public string? EndDateColumn { get; init; }

    /// <summary>Column holding the record's numeric value (percent absent, arrears in pounds); null when there is none.</summary>
    public string? ValueColumn { get; init; }

    /// <summary>The agency's date format as a .NET custom format string, e.g. <c>dd/MM/yyyy</c>.</summary>
    public required string DateFormat { get; init; }

    /// <summary>Identity columns the agency's system carries (see <see cref="IdentityColumns"/>).</summary>
    public required IdentityColumns Identity { get; init; }

    /// <summary>The columns naming the allocated worker or team, for case systems that hold them; null otherwise.</summary>
    public ContactColumns? Contact { get; init; }

    /// <summary>Every column of the extract, in file order: record, person reference, identity, dates, value, worker contact.</summary>
    public IReadOnlyList<string> Columns =>
        [
            RecordIdColumn, PersonIdColumn, .. Identity.InFileOrder,
            StartDateColumn, .. EndDateColumn is null ? Array.Empty<string>() : [EndDateColumn],
            .. ValueColumn is null ? Array.Empty<string>() : [ValueColumn],
            .. Contact?.InFileOrder ?? [],
        ];
}

/// <summary>
/// Names of the identity columns in one agency's extracts. Forename, surname, date of birth, address and
/// postcode are always present (cells may be blank); sex, UPRN and NHS number only where the agency's
/// system records them (null otherwise).
/// </summary>
/// <param name="Forename">Column of the forename.</param>
/// <param name="Surname">Column of the surname.</param>
/// <param name="BirthDate">Column of the date of birth, in the extract's date format.</param>
/// <param name="Postcode">Column of the postcode, as typed.</param>
public sealed record IdentityColumns(string Forename, string Surname, string BirthDate, string Postcode)
{
    /// <summary>Column of the sex (<c>F</c>, <c>M</c> or blank); null when the agency does not record sex.</summary>
    public string? Sex { get; init; }

    /// <summary>Column of the address line as typed (house, street), without the postcode; null when the file has none.</summary>
    public string? Address { get; init; }

    /// <summary>Column of the Unique Property Reference Number; only housing and council tax hold one.</summary>
    public string? Uprn { get; init; }

    /// <summary>Column of the 10-digit NHS number (valid modulus-11 check digit); only NHS extracts hold one.</summary>
    public string? NhsNumber { get; init; }

    /// <summary>
    /// The identity columns in file order: forename, surname, date of birth, sex, address, postcode,
    /// UPRN, NHS number (absent ones left out).
    /// </summary>
    public IReadOnlyList<string> InFileOrder =>
        [.. new[] { Forename, Surname, BirthDate, Sex, Address, Postcode, Uprn, NhsNumber }.OfType<string>()];
}
