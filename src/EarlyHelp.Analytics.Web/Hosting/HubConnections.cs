using System.Collections.Concurrent;
using EarlyHelp.Analytics.Hub.Store;
using Microsoft.Extensions.Options;

namespace EarlyHelp.Analytics.Web.Hosting;

/// <summary>
/// Open hub connections for requests. A hub store is one connection and not thread-safe, so each request
/// borrows one for its reads and writes and gives it back; SQLite serialises writers across connections.
/// Keeping them open saves opening the file and reading its schema on every request. A lease also holds a
/// reader's pass through the <see cref="HubGate"/>, so no lease may await the audit trail.
/// </summary>
public sealed class HubConnections : IDisposable
{
    private readonly ConcurrentBag<IHubStore> idle = [];
    private readonly SemaphoreSlim slots;
    private readonly string hubPath;
    private readonly TimeProvider clock;
    private readonly HubGate gate;
    private bool disposed;

    /// <summary>Connections to the hub the options name, at most <see cref="PanelOptions.HubConnections"/> at once.</summary>
    public HubConnections(IOptions<PanelOptions> options, TimeProvider clock, HubGate gate)
    {
        hubPath = options.Value.HubPath;
        this.clock = clock;
        this.gate = gate;
        slots = new SemaphoreSlim(options.Value.HubConnections);
    }

    /// <summary>Borrows a connection until the lease is disposed; waits while all are in use.</summary>
    public async Task<HubLease> BorrowAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await slots.WaitAsync(cancellationToken);
        var pass = gate.EnterRead();
        try
        {
            return new HubLease(this, idle.TryTake(out var store) ? store : HubStore.Open(hubPath, clock), pass);
        }
        catch
        {
            pass.Dispose();
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

    internal void Return(IHubStore store, IDisposable pass)
    {
        pass.Dispose();
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
    private readonly IDisposable pass;
    private bool returned;

    internal HubLease(HubConnections owner, IHubStore store, IDisposable pass)
    {
        this.owner = owner;
        this.pass = pass;
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
        owner.Return(Store, pass);
    }
}
