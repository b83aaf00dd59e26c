using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Ingest;

namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>
/// One load into a hub, in one transaction: nothing written through it is visible until
/// <see cref="Commit"/>, and disposing it without committing leaves the hub exactly as it was.
/// Rows arrive validated. A row whose key is already present is not inserted again; records change only through
/// <see cref="AmendRecords"/> and <see cref="RemoveRecords"/>, and an open end may be closed by a later row.
/// </summary>
public interface IHubLoad : IDisposable
{
    /// <summary>Households, keyed by id.</summary>
    LoadCounts AddHouseholds(ReadOnlySpan<Household> rows);

    /// <summary>People, keyed by id; a month of death may be added to a person who had none.</summary>
    LoadCounts AddPeople(ReadOnlySpan<Person> rows);

    /// <summary>Protected characteristics, keyed by person.</summary>
    LoadCounts AddProtectedCharacteristics(ReadOnlySpan<ProtectedCharacteristics> rows);

    /// <summary>Identities, keyed by person.</summary>
    LoadCounts AddIdentities(ReadOnlySpan<PersonIdentity> rows);

    /// <summary>Residence periods, keyed by person, household and start date.</summary>
    LoadCounts AddResidences(ReadOnlySpan<Residence> rows);

    /// <summary>Families, keyed by id.</summary>
    LoadCounts AddFamilies(ReadOnlySpan<FamilyId> rows);

    /// <summary>Family memberships, keyed by family, person, role and start date.</summary>
    LoadCounts AddFamilyMemberships(ReadOnlySpan<FamilyMembership> rows);

    /// <summary>Events of one dataset, keyed by dataset and source reference.</summary>
    LoadCounts AddEvents(string dataset, ReadOnlySpan<SourceEvent> rows);

    /// <summary>Replaces the worker and team contacts of <paramref name="dataset"/>'s records with those of its newest extract.</summary>
    void ReplaceContacts(string dataset, IReadOnlyList<RecordContact> rows);

    /// <summary>Gazetteer addresses, keyed by UPRN.</summary>
    LoadCounts AddGazetteer(IReadOnlyList<Identity.GazetteerEntry> rows);

    /// <summary>Identity records as received, with their person and match, keyed by dataset and record reference.</summary>
    LoadCounts AddIdentityRecords(IReadOnlyList<Identity.IdentityRecord> rows);

    /// <summary>Deletes stored records, with their events and versions: deleted at source or past retention.</summary>
    void RemoveRecords(IReadOnlyList<Identity.IdentityRecord> records);

    /// <summary>
    /// Deletes the clerical queue lines and decisions that name any of <paramref name="records"/>, which retention removed:
    /// a decision's reason describes the people on its records, and such a record never comes back. Returns the decisions deleted.
    /// </summary>
    long ForgetClericalPairs(IReadOnlyList<Identity.IdentityRecord> records);

    /// <summary>Replaces stored records (and their events) with the versions a newer extract gives, keeping what changed.</summary>
    void AmendRecords(IReadOnlyList<Lifecycle.RecordAmendment> amendments);

    /// <summary>
    /// Deletes the prompts nothing has been done with since <paramref name="cutoff"/> (run, reviews, next steps, queries), with
    /// their reviews, next steps and data-quality queries; the review chain's cut is recorded at <see cref="CommitMaintenance"/>.
    /// </summary>
    Lifecycle.PromptRemoval RemovePrompts(DateTimeOffset cutoff);

    /// <summary>Moves stored records (and their events) to the person linkage now gives them, and fills in open ends.</summary>
    void UpdateLinks(IReadOnlyList<Identity.IdentityRecord> changed);

    /// <summary>Replaces people, their protected characteristics and identities, residences and families with <paramref name="hub"/>'s, and adds its new households.</summary>
    IReadOnlyList<DerivedTableCount> ReplaceDerived(Identity.DerivedHub hub);

    /// <summary>Stores the run's linkage model as a new version, the clerical queue and the person history.</summary>
    void RecordLinkage(LinkageRecording recording, DateTimeOffset at);

    /// <summary>Records the run in <c>ingest_run</c>, <c>ingest_file</c> and the audit log, and commits.</summary>
    void Commit(IngestReport report, string actor);

    /// <summary>
    /// Commits work that is not an ingest run (retention applied on its own), with its audit entries; then, when reviews
    /// were removed or <paramref name="auditLogBefore"/> is given, cuts the audit trail (entries written before it) and
    /// records the cut. Returns the cut, or null when the trail was not cut.
    /// </summary>
    Audit.AuditTrailCut? CommitMaintenance(string actor, IReadOnlyList<(string Action, string Subject, string Detail)> entries, DateTimeOffset? auditLogBefore = null);
}
