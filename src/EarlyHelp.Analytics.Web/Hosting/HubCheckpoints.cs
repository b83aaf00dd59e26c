using EarlyHelp.Analytics.Hub.Sqlite;
using EarlyHelp.Analytics.Hub.Store;
using Microsoft.Extensions.Options;

namespace EarlyHelp.Analytics.Web.Hosting;

/// <summary>
/// Copies the hub's write-ahead log back into the database file every second, off the requests' path, so that no
/// commit (and no view waiting for its audit entry) has to do it (see <see cref="SqliteJournalMode.Checkpoint"/>).
/// </summary>
public sealed class HubCheckpoints(IOptions<PanelOptions> options, ILogger<HubCheckpoints> log) : BackgroundService
{
    /// <summary>Time between checkpoints.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A PostgreSQL hub has no write-ahead log file to copy back.
        if (HubLocation.IsPostgreSqlConnectionString(options.Value.HubPath))
            return;
        var path = HubLocation.SqlitePath(options.Value.HubPath);
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await Task.Run(() => SqliteJournalMode.Checkpoint(path), stoppingToken);
                }
                catch (Microsoft.Data.Sqlite.SqliteException e)
                {
                    // A busy hub is checkpointed at the next tick; the log only grows meanwhile.
                    log.LogWarning("Checkpoint of the hub's write-ahead log postponed: {Message}", e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the switch back to the rollback journal checkpoints whatever is left.
        }
    }
}
