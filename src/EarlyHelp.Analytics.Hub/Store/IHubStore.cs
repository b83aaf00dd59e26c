using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Clerical;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Hub.OptOuts;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>
/// A hub database, opened and migrated to the current schema. One implementation per database
/// (SQLite now); everything above it — ingest, statistics, the opt-out register, the audit log — is
/// written against this interface. Not thread-safe; readers open their own connections and are.
/// </summary>
public interface IHubStore : IDisposable
{
    /// <summary>How the hub is named in messages (a file path for SQLite).</summary>
    string Name { get; }

    /// <summary>The hub's schema version (always the latest once opened).</summary>
    int SchemaVersion { get; }

    /// <summary>The newest extract date loaded, or null when nothing has been loaded.</summary>
    DateOnly? ExtractDate { get; }

    /// <summary>A reader of everything features may see. Throws <see cref="BadInputException"/> when nothing has been loaded.</summary>
    IHubReader OpenReader();

    /// <summary>A reader of protected characteristics, for the fairness audit only.</summary>
    IProtectedCharacteristicsReader OpenProtectedCharacteristicsReader();

    /// <summary>The person, household and family ids the hub holds.</summary>
    HubIds ExistingIds();

    /// <summary>The stored identity records, gazetteer and clerical decisions, and the ids derivation keeps stable.</summary>
    IdentityState ReadIdentityState();

    /// <summary>Each stored identity record's dataset, record reference and the person it is linked to, in load order; without the identity fields, for evaluations that need only the links.</summary>
    IReadOnlyList<(string Dataset, string RecordRef, long PersonId)> ReadRecordPeople();

    /// <summary>The value of each stored event of <paramref name="dataset"/> that has one, by record reference.</summary>
    IReadOnlyDictionary<string, double?> EventValues(string dataset);

    /// <summary>The newest linkage's figures, or null when nothing has been linked.</summary>
    LinkageFigures? LatestLinkage();

    /// <summary>Rows per table and per dataset.</summary>
    HubCounts Counts();

    /// <summary>Starts a load in one transaction; see <see cref="IHubLoad"/>.</summary>
    IHubLoad BeginLoad();

    /// <summary>Every ingest run recorded, oldest first.</summary>
    IReadOnlyList<IngestRunRecord> IngestRuns();

    /// <summary>Finding a person for a right, by name and date of birth with the linkage model; every search audited.</summary>
    Rights.PersonSearch People { get; }

    /// <summary>Subject access: everything the hub holds about one person, the export audited.</summary>
    Rights.SubjectAccess SubjectAccess { get; }

    /// <summary>The data-steward queue: data-quality queries raised by "data looks wrong" reviews, routed to the dataset's owner and answered.</summary>
    DataQuality.DataQualityQueries DataQuality { get; }

    /// <summary>The retention periods the hub keeps, used by every load and every retention run.</summary>
    Lifecycle.RetentionSettings Retention { get; }

    /// <summary>The opt-out register.</summary>
    OptOutRegister OptOuts { get; }

    /// <summary>The append-only, hash-chained audit log.</summary>
    AuditLog AuditLog { get; }

    /// <summary>Scoring runs, prompts and the panel's reviews.</summary>
    PromptStore Prompts { get; }

    /// <summary>The panel app's local user accounts.</summary>
    UserStore Users { get; }

    /// <summary>The panel app's signed-in sessions.</summary>
    SessionStore Sessions { get; }

    /// <summary>Clerical review of record pairs: the queue and the decisions that override the linkage model.</summary>
    Identity.ClericalReview ClericalReview { get; }

    /// <summary>The model registry: candidates, the champion and retired models.</summary>
    ModelRegistry Models { get; }

    /// <summary>The panel app's clerical review: the queue with its decisions, a pair's records and waterfall, checked decisions stored through <see cref="ClericalReview"/>.</summary>
    ClericalReviews Clerical { get; }
}
