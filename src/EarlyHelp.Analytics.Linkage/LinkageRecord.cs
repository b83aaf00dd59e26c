namespace EarlyHelp.Analytics.Linkage;

/// <summary>One record to link: who a source says a person is. Every field is optional except <see cref="Source"/> and <see cref="RecordId"/>.</summary>
public sealed record LinkageRecord
{
    /// <summary>The dataset or file the record came from.</summary>
    public required string Source { get; init; }

    /// <summary>The record's reference, unique within <see cref="Source"/>.</summary>
    public required string RecordId { get; init; }

    /// <summary>The source's own person reference, if it keeps one (evidence, not a rule: sources have duplicate and mis-merged registrations).</summary>
    public string? SourceEntityRef { get; init; }

    /// <summary>Forename (given name) as typed.</summary>
    public string? Forename { get; init; }

    /// <summary>Surname (family name) as typed.</summary>
    public string? Surname { get; init; }

    /// <summary>Date of birth; placeholder dates (such as 1900-01-01) are treated as missing.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>
    /// The dates of birth the record's context allows (a school pupil is 2 to 20 on the census day, a benefit claimant an
    /// adult), or null. Two records whose ranges cannot meet, or whose one's date of birth lies outside the other's range,
    /// are two people and never join, even when names agree and dates of birth are missing.
    /// </summary>
    public BirthDateRange? ImpliedBirthDates { get; init; }

    /// <summary>Sex as recorded: "F", "M", or null.</summary>
    public string? Sex { get; init; }

    /// <summary>Postcode as typed (UK postcodes get unit, sector and district levels; others unit and prefix).</summary>
    public string? Postcode { get; init; }

    /// <summary>Free-text address line(s).</summary>
    public string? Address { get; init; }

    /// <summary>NHS number or any other strong national identifier.</summary>
    public string? NhsNumber { get; init; }

    /// <summary>
    /// Positions, in the same list of records, of records of other people the source relates to this one (the pupil a
    /// parent is the school's contact for, the other members of a tenancy), or null. Used by <see cref="GroupLinkage"/>.
    /// </summary>
    public IReadOnlyList<int>? RelatedRecords { get; init; }

    /// <summary>Extra fields by name, each compared exactly and with Jaro–Winkler bands.</summary>
    public IReadOnlyDictionary<string, string>? Other { get; init; }
}
