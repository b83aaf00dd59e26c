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

    /// <summary>Column holding the hub person id (until record matching replaces it).</summary>
    public required string PersonIdColumn { get; init; }

    /// <summary>Column holding the date the record starts (the incident, the referral, the claim start).</summary>
    public required string StartDateColumn { get; init; }

    /// <summary>Column holding the date the record ends, for records with a duration; null when there is none.</summary>
    public string? EndDateColumn { get; init; }

    /// <summary>Column holding the record's numeric value (percent absent, arrears in pounds); null when there is none.</summary>
    public string? ValueColumn { get; init; }

    /// <summary>The agency's date format as a .NET custom format string, e.g. <c>dd/MM/yyyy</c>.</summary>
    public required string DateFormat { get; init; }

    /// <summary>Identity columns the agency's system carries: forename, surname, date of birth, postcode.</summary>
    public required IdentityColumns Identity { get; init; }

    /// <summary>Every column of the extract, in file order.</summary>
    public IReadOnlyList<string> Columns =>
        [
            RecordIdColumn, PersonIdColumn, Identity.Forename, Identity.Surname, Identity.BirthDate, Identity.Postcode,
            StartDateColumn, .. EndDateColumn is null ? Array.Empty<string>() : [EndDateColumn],
            .. ValueColumn is null ? Array.Empty<string>() : [ValueColumn],
        ];
}

/// <summary>Names of the identity columns in one agency's extracts.</summary>
/// <param name="Forename">Column of the forename.</param>
/// <param name="Surname">Column of the surname.</param>
/// <param name="BirthDate">Column of the date of birth, in the extract's date format.</param>
/// <param name="Postcode">Column of the postcode.</param>
public sealed record IdentityColumns(string Forename, string Surname, string BirthDate, string Postcode);
