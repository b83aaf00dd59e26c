using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Schema;
using EarlyHelp.Analytics.Hub.Store;
using Microsoft.Data.Sqlite;

namespace EarlyHelp.Analytics.Hub.Sqlite;

/// <summary>
/// A hub in one SQLite file. Opening creates the file if needed and applies any missing schema steps.
/// The file uses a rollback journal: a load's single large transaction then writes each page once
/// (a write-ahead log writes it twice, measured about twice as slow to commit), and a rolled-back load
/// restores the file byte for byte. While the panel app serves the hub it switches the file to a write-ahead log
/// (<see cref="SqliteJournalMode"/>), and a store opened meanwhile keeps that mode.
/// </summary>
public sealed class SqliteHubStore : DbHubStore
{
    /// <summary>Page cache of the connection in ordinary use, in KiB (64 MiB).</summary>
    internal const int NormalCacheKibibytes = 64 * 1024;

    /// <summary>Page cache while loading, in KiB (1 GiB): the event table and its key index stay in memory until commit.</summary>
    internal const int LoadCacheKibibytes = 1024 * 1024;

    private readonly SqliteConnection connection;

    static SqliteHubStore() => SQLitePCL.Batteries_V2.Init();

    private SqliteHubStore(string path, SqliteConnection connection, TimeProvider clock, AuditKey auditKey)
        : base(path, connection, SqliteDialect.Instance, clock, auditKey) => this.connection = connection;

    /// <summary>
    /// Opens (creating if needed, readable by its owner only: see <see cref="HubFileAccess"/>) the SQLite hub at
    /// <paramref name="path"/>, migrates it to the latest schema and reads its audit key (see <see cref="AuditKey.FileFor"/>;
    /// <paramref name="auditKeyFile"/> overrides where). Throws <see cref="BadInputException"/> when the file cannot be
    /// opened as a hub or is newer, or when the key of a keyed trail is missing.
    /// </summary>
    public static SqliteHubStore Open(string path, TimeProvider? clock = null, string? auditKeyFile = null)
    {
        HubFiles.Prepare(path);
        var connection = new SqliteConnection(ConnectionString(path, readOnly: false));
        try
        {
            connection.Open();
            // A hub being served by the panel app runs on a write-ahead log (see SqliteJournalMode); switching
            // back needs the file to itself, so a hub found in that mode is left in it, with every commit synced
            // and the log copied back by the server's own checkpointer rather than by whichever commit fills it.
            var writeAhead = SqliteJournalMode.IsWriteAheadLog(connection);
            if (writeAhead)
                SqliteJournalMode.LeaveCheckpointsToTheServer(connection);
            else
                Pragma(connection, "journal_mode = DELETE");
            Pragma(connection, writeAhead ? "synchronous = FULL" : "synchronous = NORMAL");
            Pragma(connection, "temp_store = MEMORY");
            Pragma(connection, "busy_timeout = 30000");
            Pragma(connection, $"cache_size = -{NormalCacheKibibytes}");
            // Removed rows (a record removed as wrongly held, retention's deletions) are zeroed in the file rather than
            // left in freed space, where the file's bytes, and any backup copied from them, would still hold them.
            Pragma(connection, "secure_delete = ON");
            SchemaMigrator.Migrate(connection, SqliteDialect.Instance, path);
            var auditKey = HubAuditKey.For(connection, path, auditKeyFile);
            return new SqliteHubStore(path, connection, clock ?? TimeProvider.System, auditKey);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new BadInputException(path, $"cannot open the hub: {e.Message}");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public override IProtectedCharacteristicsReader OpenProtectedCharacteristicsReader() =>
        new DbProtectedCharacteristicsReader(() => SqliteReading.Open(ConnectionString(Name, readOnly: true)));

    /// <inheritdoc />
    public override IHubLoad BeginLoad() => new SqliteLoad(connection, AuditLog);

    /// <inheritdoc />
    private protected override IHubReader OpenReader(DateOnly extractDate) =>
        new SqliteHubReader(Name, ConnectionString(Name, readOnly: true), extractDate);

    /// <summary>Sets a pragma on a connection.</summary>
    internal static void Pragma(SqliteConnection connection, string assignment) =>
        connection.Execute(null, $"PRAGMA {assignment}");

    /// <summary>
    /// A connection string without pooling: a closed connection then really closes the file, so that its
    /// bytes can be compared and the journal is gone.
    /// </summary>
    internal static string ConnectionString(string path, bool readOnly) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
    }.ToString();
}
