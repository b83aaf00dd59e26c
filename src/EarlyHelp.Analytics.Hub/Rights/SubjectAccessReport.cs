namespace EarlyHelp.Analytics.Hub.Rights;

/// <summary>Everything the hub holds about one person, for a subject access request; other people's data left out.</summary>
/// <param name="Person">The hub person id.</param>
/// <param name="ExportedAt">When the export was made.</param>
/// <param name="Identity">The name, date of birth and postcode the hub resolved for them, if any.</param>
/// <param name="BirthMonth">Their birth month as the hub holds it.</param>
/// <param name="Records">Each agency record linked to them, with the identity fields exactly as the agency sent them.</param>
/// <param name="Events">Each agency event of theirs.</param>
/// <param name="Residences">Where the hub places them, when.</param>
/// <param name="Families">Their family memberships (the family's id and their role; not the other members).</param>
/// <param name="Prompts">Prompts about a family they belonged to, with the panel's reviews.</param>
/// <param name="Objections">Their entries on the opt-out register.</param>
/// <param name="Accesses">Every audit entry of someone finding, viewing or re-identifying them or their family's prompts.</param>
public sealed record SubjectAccessReport(
    long Person, DateTimeOffset ExportedAt, SubjectIdentity? Identity, string? BirthMonth, IReadOnlyList<SubjectRecord> Records,
    IReadOnlyList<SubjectEvent> Events, IReadOnlyList<SubjectResidence> Residences, IReadOnlyList<SubjectFamily> Families,
    IReadOnlyList<SubjectPrompt> Prompts, IReadOnlyList<SubjectObjection> Objections, IReadOnlyList<SubjectAccessEntry> Accesses)
{
    /// <summary>Scoring runs that kept a family of theirs in the comparison set (ranked just below the cut-off, not prompted).</summary>
    public IReadOnlyList<SubjectComparison> Comparisons { get; init; } = [];
}

/// <summary>A family of theirs in a scoring run's comparison set: all the hub keeps is the family, the run and the rank.</summary>
/// <param name="Family">The family's id.</param>
/// <param name="Run">The scoring run.</param>
/// <param name="AsOf">The run's as-of date (ISO).</param>
/// <param name="Rank">The family's rank in the run (just below the prompts).</param>
public sealed record SubjectComparison(long Family, long Run, string AsOf, int Rank);

/// <summary>The resolved identity.</summary>
/// <param name="Forename">Forename.</param>
/// <param name="Surname">Surname.</param>
/// <param name="DateOfBirth">Date of birth (ISO).</param>
/// <param name="Postcode">Postcode.</param>
public sealed record SubjectIdentity(string? Forename, string? Surname, string? DateOfBirth, string? Postcode);

/// <summary>One agency record as received.</summary>
/// <param name="Agency">The agency that sent it.</param>
/// <param name="Dataset">The dataset (catalogue code or council file).</param>
/// <param name="RecordRef">The agency's record reference.</param>
/// <param name="AgencyRef">The agency's own reference for the person.</param>
/// <param name="Forename">Forename as typed.</param>
/// <param name="Surname">Surname as typed.</param>
/// <param name="DateOfBirth">Date of birth as given.</param>
/// <param name="Sex">Sex as recorded.</param>
/// <param name="Address">Address as typed.</param>
/// <param name="Postcode">Postcode as typed.</param>
/// <param name="NhsNumber">NHS number, when sent.</param>
/// <param name="Ethnicity">Ethnic group, when the source records it.</param>
/// <param name="Disability">Disability, when the source records it.</param>
/// <param name="ValidFrom">Start or date of the record.</param>
/// <param name="ValidTo">End, if any.</param>
/// <param name="Relationship">Their relationship as the source wrote it (mother, carer, lead), if any.</param>
/// <param name="MatchProbability">How strongly linkage joined the record to them, if it was joined by a link.</param>
public sealed record SubjectRecord(string Agency, string Dataset, string RecordRef, string? AgencyRef, string? Forename, string? Surname,
    string? DateOfBirth, string? Sex, string? Address, string? Postcode, string? NhsNumber, string? Ethnicity, string? Disability,
    string? ValidFrom, string? ValidTo, string? Relationship, double? MatchProbability);

/// <summary>One agency event.</summary>
/// <param name="Dataset">The dataset code.</param>
/// <param name="Name">What the record is, in plain words.</param>
/// <param name="RecordRef">The agency's record reference.</param>
/// <param name="Start">Start date.</param>
/// <param name="End">End date, if any.</param>
/// <param name="Value">Value, if any.</param>
public sealed record SubjectEvent(string Dataset, string Name, string RecordRef, string Start, string? End, double? Value);

/// <summary>A residence.</summary>
/// <param name="Address">The gazetteer address.</param>
/// <param name="Postcode">Its postcode.</param>
/// <param name="Start">From.</param>
/// <param name="End">To, if ended.</param>
public sealed record SubjectResidence(string Address, string Postcode, string Start, string? End);

/// <summary>A family membership.</summary>
/// <param name="Family">The family id.</param>
/// <param name="Role">Parent, child or other.</param>
/// <param name="Start">From.</param>
/// <param name="End">To, if ended.</param>
public sealed record SubjectFamily(long Family, string Role, string Start, string? End);

/// <summary>A prompt about a family of theirs, with its reviews.</summary>
/// <param name="Reference">The prompt's pseudonymous reference.</param>
/// <param name="AsOf">The scoring run's as-of date.</param>
/// <param name="Probability">The calibrated probability shown.</param>
/// <param name="Band">The risk band shown.</param>
/// <param name="Hidden">Why it is hidden from the panel, if it is.</param>
/// <param name="Reviews">The panel's review records.</param>
public sealed record SubjectPrompt(string Reference, string AsOf, double Probability, string Band, string? Hidden, IReadOnlyList<SubjectReview> Reviews)
{
    /// <summary>The life of each data-quality query a review of the prompt raised: what the owner was asked and answered about the records.</summary>
    public IReadOnlyList<SubjectDataQualityStep> DataQuality { get; init; } = [];
}

/// <summary>One step of a data-quality query about their family's records.</summary>
/// <param name="Query">The query's number.</param>
/// <param name="Status">Its status after the step.</param>
/// <param name="Dataset">The dataset it was routed to, if any.</param>
/// <param name="Actor">Who took the step.</param>
/// <param name="At">When.</param>
/// <param name="Note">Their note.</param>
public sealed record SubjectDataQualityStep(long Query, string Status, string? Dataset, string Actor, string At, string Note);

/// <summary>A review of a prompt.</summary>
/// <param name="Outcome">The outcome recorded.</param>
/// <param name="Reason">The reason given.</param>
/// <param name="Reviewer">Who recorded it.</param>
/// <param name="At">When.</param>
public sealed record SubjectReview(string Outcome, string Reason, string Reviewer, string At);

/// <summary>An entry on the opt-out register.</summary>
/// <param name="RecordedAt">When.</param>
/// <param name="Reason">Why.</param>
public sealed record SubjectObjection(string RecordedAt, string Reason);

/// <summary>An audit entry of an access to them, without other people's ids.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Action">What (<c>person.find</c>, <c>prompt.view</c>, <c>prompt.reidentify</c>, …).</param>
/// <param name="Purpose">The purpose stated, when the action needs one.</param>
public sealed record SubjectAccessEntry(string At, string Actor, string Action, string? Purpose);
