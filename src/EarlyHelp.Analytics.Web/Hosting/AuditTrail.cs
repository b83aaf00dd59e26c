using System.Security.Claims;
using System.Threading.Channels;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;
using Microsoft.Extensions.Options;

namespace EarlyHelp.Analytics.Web.Hosting;

/// <summary>
/// Writes the audit entries of views (a prompt, the queue) with group commit: a request hands over its entry and
/// waits until the entry is committed, while one writer appends every entry waiting at that moment in a single
/// transaction. A page is shown only after its entry is on disk, yet 32 readers at once cost one disk flush per
/// batch rather than one each. Writes that change something (reviews, re-identification, users, opt-outs) audit
/// in their own transaction instead, so that the entry stands or falls with the change.
/// </summary>
public sealed class AuditTrail : IHostedService, IDisposable
{
    /// <summary>The most entries committed together.</summary>
    public const int MaximumBatch = 256;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string hubPath;
    private readonly string? auditKeyFile;
    private readonly TimeProvider clock;
    private readonly HubConnections connections;
    private Task? writer;

    /// <summary>A trail writing to the hub the options name, taking its turns with the requests' writes in <paramref name="connections"/>.</summary>
    public AuditTrail(IOptions<PanelOptions> options, TimeProvider clock, HubConnections connections)
    {
        hubPath = options.Value.HubPath;
        auditKeyFile = options.Value.AuditKeyFile;
        this.clock = clock;
        this.connections = connections;
    }

    /// <summary>Appends an entry; completes once it is committed, and fails if it could not be.</summary>
    public Task RecordAsync(AuditRecord record)
    {
        var pending = new Pending(record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
            throw new InvalidOperationException("The audit trail has stopped; nothing more can be recorded.");
        return pending.Committed.Task;
    }

    /// <summary>Appends what the signed-in <paramref name="user"/> did; completes once it is committed.</summary>
    public Task RecordAsync(ClaimsPrincipal user, string action, string subject, string detail = "") =>
        RecordAsync(new AuditRecord(user.Identity?.Name ?? UserStore.AnonymousActor, action, subject, detail));

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var store = HubStore.Open(hubPath, clock, auditKeyFile);
        writer = Task.Factory.StartNew(() => Write(store), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        if (writer is not null)
            await writer.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => queue.Writer.TryComplete();

    private async Task Write(IHubStore store)
    {
        using (store)
        {
            var batch = new List<Pending>(MaximumBatch);
            while (await queue.Reader.WaitToReadAsync())
            {
                while (batch.Count < MaximumBatch && queue.Reader.TryRead(out var pending))
                    batch.Add(pending);
                try
                {
                    using (await connections.WriteTurnAsync())
                        store.AuditLog.Append(batch.Select(p => p.Record).ToArray());
                    batch.ForEach(p => p.Committed.SetResult());
                }
                catch (Exception e)
                {
                    batch.ForEach(p => p.Committed.SetException(e));
                }
                batch.Clear();
            }
        }
    }

    private sealed record Pending(AuditRecord Record, TaskCompletionSource Committed);
}
