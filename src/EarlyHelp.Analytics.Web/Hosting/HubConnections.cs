using System.Collections.Concurrent;
using EarlyHelp.Analytics.Hub.Store;
using Microsoft.Extensions.Options;

namespace EarlyHelp.Analytics.Web.Hosting;

/// <summary>
/// Open hub connections for requests. A hub store is one connection and not thread-safe, so each request
/// borrows one for its reads and writes and gives it back; SQLite serialises writers across connections.
/// Keeping them open saves opening the file and reading its schema on every request.
/// Writes take turns here, first come first served (<see cref="WriteAsync{T}"/>, and the audit trail's commits):
/// SQLite hands its write lock to whichever waiting connection polls first, so 32 reviewers beside the audit
/// writer left some reviews waiting seconds while others went through (docs/panel-benchmark.md). Reads need no
/// turn: on the write-ahead log they never wait for a writer.
/// No lease or turn may be held while awaiting the audit trail: its writer needs a turn, and a turn's holder may
/// be waiting for a connection.
/// </summary>
public sealed class HubConnections : IDisposable
{
    private readonly ConcurrentBag<IHubStore> idle = [];
    private readonly SemaphoreSlim slots;
    private readonly SemaphoreSlim writeTurn = new(1, 1);
    private readonly string hubPath;
    private readonly string? auditKeyFile;
    private readonly TimeProvider clock;
    private bool disposed;

    /// <summary>Connections to the hub the options name, at most <see cref="PanelOptions.HubConnections"/> at once.</summary>
    public HubConnections(IOptions<PanelOptions> options, TimeProvider clock)
    {
        hubPath = options.Value.HubPath;
        auditKeyFile = options.Value.AuditKeyFile;
        this.clock = clock;
        slots = new SemaphoreSlim(options.Value.HubConnections);
    }

    /// <summary>Borrows a connection until the lease is disposed; waits while all are in use.</summary>
    public async Task<HubLease> BorrowAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await slots.WaitAsync(cancellationToken);
        try
        {
            return new HubLease(this, idle.TryTake(out var store) ? store : HubStore.Open(hubPath, clock, auditKeyFile));
        }
        catch
        {
            slots.Release();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> on a borrowed connection.</summary>
    public async Task<T> UseAsync<T>(Func<IHubStore, T> work, CancellationToken cancellationToken = default)
    {
        using var lease = await BorrowAsync(cancellationToken);
        return work(lease.Store);
    }

    /// <summary>Runs <paramref name="work"/>, which writes, on a borrowed connection once the server's earlier writes are done.</summary>
    public async Task<T> WriteAsync<T>(Func<IHubStore, T> work, CancellationToken cancellationToken = default)
    {
        using var turn = await WriteTurnAsync(cancellationToken);
        return await UseAsync(work, cancellationToken);
    }

    /// <summary>Waits for this server's turn to write (after the writes that asked before it); disposing ends the turn.</summary>
    public async Task<IDisposable> WriteTurnAsync(CancellationToken cancellationToken = default)
    {
        await writeTurn.WaitAsync(cancellationToken);
        return new WriteTurn(writeTurn);
    }

    internal void Return(IHubStore store)
    {
        if (disposed)
            store.Dispose();
        else
            idle.Add(store);
        slots.Release();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        disposed = true;
        while (idle.TryTake(out var store))
            store.Dispose();
    }
}

/// <summary>A borrowed hub connection; disposing gives it back.</summary>
public sealed class HubLease : IDisposable
{
    private readonly HubConnections owner;
    private bool returned;

    internal HubLease(HubConnections owner, IHubStore store)
    {
        this.owner = owner;
        Store = store;
    }

    /// <summary>The borrowed store.</summary>
    public IHubStore Store { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (returned)
            return;
        returned = true;
        owner.Return(Store);
    }
}

/// <summary>A turn to write; disposing (once) lets the next writer in.</summary>
internal sealed class WriteTurn(SemaphoreSlim turns) : IDisposable
{
    private int ended;

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref ended, 1) == 0)
            turns.Release();
    }
}
