namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>What kind of row an identity record came from.</summary>
public enum IdentityRecordKind
{
    /// <summary>An agency event (an incident, a referral, a claim): identity as typed on the day.</summary>
    Event,

    /// <summary>A person-row of a council register or relationship file: dated, and evidence of where the person lived.</summary>
    Register,
}

/// <summary>
/// One agency record's identity exactly as received (the hub's <c>identity_record</c> row), plus what the hub
/// made of it: the gazetteer UPRN its address matched, the person it was linked to and the probability of that link.
/// </summary>
public sealed class IdentityRecord
{
    /// <summary>The dataset code of an event, or the council file's name without <c>.csv</c>.</summary>
    public required string Dataset { get; init; }

    /// <summary>The record reference: an event's own, or <c>row ref/role</c> for a person of a council file row.</summary>
    public required string RecordRef { get; init; }

    /// <summary>The kind of row.</summary>
    public required IdentityRecordKind Kind { get; init; }

    /// <summary>The agency's own person reference.</summary>
    public string? AgencyRef { get; init; }

    /// <summary>Forename as typed.</summary>
    public string? Forename { get; init; }

    /// <summary>Surname as typed.</summary>
    public string? Surname { get; init; }

    /// <summary>Date of birth as given (possibly a placeholder).</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>Sex as recorded (<c>F</c>, <c>M</c>) or null.</summary>
    public string? Sex { get; init; }

    /// <summary>Address line as typed.</summary>
    public string? Address { get; init; }

    /// <summary>Postcode as typed.</summary>
    public string? Postcode { get; init; }

    /// <summary>UPRN the agency holds (housing, council tax).</summary>
    public string? Uprn { get; init; }

    /// <summary>NHS number (NHS files only).</summary>
    public string? NhsNumber { get; init; }

    /// <summary>Ethnic group from a protected source (school census, social care), or null.</summary>
    public string? Ethnicity { get; init; }

    /// <summary>Disability (<c>Y</c>/<c>N</c>) from a protected source, or null.</summary>
    public string? Disability { get; init; }

    /// <summary>The record's date (an event's start, a census or recording day) or the start of the period it covers.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>The end of the period the record covers, or null; a later extract may fill in an open end (the one change a stored record takes).</summary>
    public DateOnly? ValidTo { get; set; }

    /// <summary>For a carer, contact or parent: the record reference of the child the row relates them to; for a tenancy member, the tenancy.</summary>
    public string? RelatedRef { get; init; }

    /// <summary>The relationship as the source wrote it (<c>mother</c>, <c>carer</c>, <c>lead</c>, …), or null.</summary>
    public string? Relationship { get; init; }

    /// <summary>The gazetteer UPRN the address matched, or null.</summary>
    public string? MatchedUprn { get; set; }

    /// <summary>The hub person the record is linked to (0 until linked).</summary>
    public long PersonId { get; set; }

    /// <summary>The match probability of the strongest link that joined the record to its person; NaN when it is its person's only record.</summary>
    public double MatchProbability { get; set; } = double.NaN;

    /// <summary>The record's key in the hub: dataset and record reference.</summary>
    public (string Dataset, string RecordRef) Key => (Dataset, RecordRef);
}
