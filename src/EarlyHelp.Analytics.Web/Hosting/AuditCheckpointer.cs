using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Store;
using Microsoft.Extensions.Options;

namespace EarlyHelp.Analytics.Web.Hosting;

/// <summary>
/// Signed checkpoints of the audit trail while the app serves: one a day, and one after every check IG asks for that
/// finds the trail intact, appended to the checkpoint file outside the hub (see <see cref="AuditCheckpoint"/>). One
/// writer at a time, so that each checkpoint follows the one before it in the file.
/// </summary>
public sealed class AuditCheckpointer(IOptions<PanelOptions> options, HubConnections connections, ILogger<AuditCheckpointer> log) : BackgroundService
{
    /// <summary>Time between the checkpoints written while serving.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    private readonly Lock file = new();

    /// <summary>The checkpoint file: <see cref="PanelOptions.AuditCheckpointFile"/>, else as <see cref="AuditCheckpoint.FileFor"/> says.</summary>
    public string CheckpointFile => AuditCheckpoint.FileFor(HubLocation.FileBase(options.Value.HubPath), options.Value.AuditCheckpointFile);

    /// <summary>Checks the trail against every checkpoint in the file and, when it is intact, appends a new checkpoint.</summary>
    public AuditVerification Verify(IHubStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        lock (file)
        {
            var verification = store.AuditLog.Verify(AuditCheckpoint.Read(CheckpointFile));
            if (verification.IsIntact)
                store.AuditLog.WriteCheckpoint(CheckpointFile);
            return verification;
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await connections.UseAsync(store =>
                {
                    lock (file)
                        return store.AuditLog.WriteCheckpoint(CheckpointFile);
                }, stoppingToken);
                log.LogInformation("Audit checkpoint written to {File}.", CheckpointFile);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
