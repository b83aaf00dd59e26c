using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Ingest;

/// <summary>
/// One validated row of an agency extract, ready for the <c>event</c> table; its dataset travels with
/// the batch. <paramref name="SourceRef"/> is the agency's own record reference, which with the dataset
/// makes loading idempotent.
/// </summary>
/// <param name="Person">Who the record is about.</param>
/// <param name="Start">Date the record starts.</param>
/// <param name="End">Date it ends, or null.</param>
/// <param name="Value">Numeric value, or null.</param>
/// <param name="SourceRef">The agency's record reference.</param>
public readonly record struct SourceEvent(PersonId Person, DateOnly Start, DateOnly? End, double? Value, string SourceRef);

/// <summary>A person's identity as the council register holds it; read only by the audited re-identification step.</summary>
/// <param name="Person">Hub id.</param>
/// <param name="Forename">Forename.</param>
/// <param name="Surname">Surname.</param>
/// <param name="DateOfBirth">Full date of birth, when known.</param>
/// <param name="Postcode">Postcode of the current address.</param>
public sealed record PersonIdentity(PersonId Person, string Forename, string Surname, DateOnly? DateOfBirth, string Postcode);

/// <summary>The worker or team an agency record names, as the extract holds them (blank fields are null). Staff data, not the family's.</summary>
/// <param name="RecordRef">The agency's record reference.</param>
/// <param name="Worker">The allocated worker's name.</param>
/// <param name="Role">Their role.</param>
/// <param name="Team">The team.</param>
/// <param name="Phone">A phone number.</param>
/// <param name="Email">An email address.</param>
public sealed record RecordContact(string RecordRef, string? Worker, string? Role, string? Team, string? Phone, string? Email);
