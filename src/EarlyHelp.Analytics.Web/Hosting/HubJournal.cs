using EarlyHelp.Analytics.Hub.Sqlite;
using EarlyHelp.Analytics.Hub.Store;
using Microsoft.Extensions.Options;

namespace EarlyHelp.Analytics.Web.Hosting;

/// <summary>
/// Runs the hub on a write-ahead log while the app serves it, and puts its rollback journal back afterwards (when
/// no other program holds it), so that loads between serving sessions keep the journal they are fastest with.
/// Registered first among the hosted services, so that it starts before any connection opens and stops after all
/// of them have closed.
/// </summary>
public sealed class HubJournal(IOptions<PanelOptions> options, HubConnections connections, ILogger<HubJournal> log) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A PostgreSQL hub has no journal file to switch.
        if (HubLocation.IsPostgreSqlConnectionString(options.Value.HubPath))
            return Task.CompletedTask;
        SqliteJournalMode.UseWriteAheadLog(HubLocation.SqlitePath(options.Value.HubPath));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        connections.Dispose();
        if (HubLocation.IsPostgreSqlConnectionString(options.Value.HubPath))
            return Task.CompletedTask;
        if (!SqliteJournalMode.TryUseRollbackJournal(HubLocation.SqlitePath(options.Value.HubPath)))
            log.LogInformation("The hub stays on its write-ahead log: another program still has it open");
        return Task.CompletedTask;
    }
}
