using System.Data.Common;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Clerical;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Hub.OptOuts;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Schema;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>
/// What every hub database shares: the components over one open connection and the portable queries. A store
/// for one database adds how it opens, how it reads in bulk and how it loads.
/// </summary>
public abstract class DbHubStore : IHubStore
{
    /// <summary>Builds the components over <paramref name="connection"/>, already migrated.</summary>
    /// <param name="name">How the hub is named in messages.</param>
    /// <param name="connection">The store's open connection.</param>
    /// <param name="dialect">The database's dialect.</param>
    /// <param name="clock">The clock of the times recorded.</param>
    /// <param name="auditKey">The key of the audit trail.</param>
    private protected DbHubStore(string name, DbConnection connection, SqlDialect dialect, TimeProvider clock, AuditKey auditKey)
    {
        Name = name;
        Connection = connection;
        Dialect = dialect;
        Clock = clock;
        AuditLog = new AuditLog(connection, clock, auditKey);
        AuditLog.SignChainStart(auditKey.Created);
        OptOuts = new OptOutRegister(connection, AuditLog, clock);
        Prompts = new PromptStore(connection, AuditLog, clock);
        Sessions = new SessionStore(connection, clock);
        Users = new UserStore(connection, AuditLog, Sessions, clock);
        Models = new ModelRegistry(connection, AuditLog, clock);
        ClericalReview = new Identity.ClericalReview(connection, AuditLog, clock);
        Clerical = new ClericalReviews(connection, ClericalReview);
        People = new Rights.PersonSearch(connection, AuditLog);
        SubjectAccess = new Rights.SubjectAccess(connection, AuditLog, clock);
        DataQuality = new DataQuality.DataQualityQueries(connection, AuditLog, clock);
        Retention = new Lifecycle.RetentionSettings(connection, AuditLog, clock);
    }

    /// <summary>The store's own connection: the components' and the loads'.</summary>
    private protected DbConnection Connection { get; }

    /// <summary>The database's dialect.</summary>
    private protected SqlDialect Dialect { get; }

    /// <summary>The clock of the times recorded.</summary>
    private protected TimeProvider Clock { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int SchemaVersion => SchemaMigrator.CurrentVersion(Connection, Dialect);

    /// <inheritdoc />
    public DateOnly? ExtractDate => HubQueries.ExtractDate(Connection);

    /// <inheritdoc />
    public OptOutRegister OptOuts { get; }

    /// <inheritdoc />
    public AuditLog AuditLog { get; }

    /// <inheritdoc />
    public PromptStore Prompts { get; }

    /// <inheritdoc />
    public UserStore Users { get; }

    /// <inheritdoc />
    public SessionStore Sessions { get; }

    /// <inheritdoc />
    public ModelRegistry Models { get; }

    /// <inheritdoc />
    public Identity.ClericalReview ClericalReview { get; }

    /// <inheritdoc />
    public ClericalReviews Clerical { get; }

    /// <inheritdoc />
    public Rights.PersonSearch People { get; }

    /// <inheritdoc />
    public Rights.SubjectAccess SubjectAccess { get; }

    /// <inheritdoc />
    public DataQuality.DataQualityQueries DataQuality { get; }

    /// <inheritdoc />
    public Lifecycle.RetentionSettings Retention { get; }

    /// <inheritdoc />
    public IHubReader OpenReader() => OpenReader(ExtractDate
        ?? throw new BadInputException(Name, "the hub holds no extract yet; load one with 'earlyhelp ingest' first"));

    /// <inheritdoc />
    public abstract IProtectedCharacteristicsReader OpenProtectedCharacteristicsReader();

    /// <inheritdoc />
    public HubIds ExistingIds() => HubQueries.ExistingIds(Connection);

    /// <inheritdoc />
    public IdentityState ReadIdentityState() => IdentityReading.Read(Connection, Dialect);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double?> EventValues(string dataset) => HubQueries.EventValues(Connection, dataset);

    /// <inheritdoc />
    public IReadOnlyList<(string Dataset, string RecordRef, long PersonId)> ReadRecordPeople() => IdentityReading.RecordPeople(Connection, Dialect);

    /// <inheritdoc />
    public LinkageFigures? LatestLinkage() => HubQueries.LatestLinkage(Connection);

    /// <inheritdoc />
    public HubCounts Counts() => HubQueries.Counts(Connection);

    /// <inheritdoc />
    public IReadOnlyList<IngestRunRecord> IngestRuns() => HubQueries.IngestRuns(Connection);

    /// <inheritdoc />
    public abstract IHubLoad BeginLoad();

    /// <inheritdoc />
    public void Dispose()
    {
        Connection.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A reader of a hub whose newest extract is of <paramref name="extractDate"/>.</summary>
    private protected abstract IHubReader OpenReader(DateOnly extractDate);
}
