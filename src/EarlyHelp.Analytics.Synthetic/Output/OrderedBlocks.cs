namespace EarlyHelp.Analytics.Synthetic.Output;

/// <summary>
/// Computes numbered blocks of work on several threads and hands their results to one consumer in
/// block order, with at most a fixed number in flight. The result is the same whatever the thread
/// scheduling, because each block's result depends only on its number.
/// </summary>
/// <typeparam name="T">A block's result.</typeparam>
internal sealed class OrderedBlocks<T> where T : class
{
    private readonly int count;
    private readonly int threads;
    private readonly SemaphoreSlim room;
    private readonly Func<int, T> work;
    private readonly CancellationToken cancellation;
    private readonly T?[] results;
    private readonly object gate = new();
    private int next = -1;
    private Exception? failure;

    /// <summary>Prepares <paramref name="count"/> blocks computed by <paramref name="work"/> on <paramref name="threads"/> threads, at most <paramref name="inFlight"/> at a time.</summary>
    public OrderedBlocks(int count, int threads, int inFlight, Func<int, T> work, CancellationToken cancellation)
    {
        this.count = count;
        this.threads = threads;
        this.work = work;
        this.cancellation = cancellation;
        room = new SemaphoreSlim(Math.Max(1, inFlight));
        results = new T?[count];
    }

    /// <summary>Runs the work and calls <paramref name="consume"/> with each block's result, in block order, on the calling thread.</summary>
    public void Consume(Action<int, T> consume)
    {
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(Work) { IsBackground = true }).ToArray();
        foreach (var worker in workers)
            worker.Start();
        try
        {
            for (var block = 0; block < count; block++)
            {
                T result;
                lock (gate)
                {
                    while (results[block] is null && failure is null)
                        Monitor.Wait(gate);
                    if (failure is not null)
                        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
                    result = results[block]!;
                    results[block] = null;
                }
                consume(block, result);
                room.Release();
            }
        }
        finally
        {
            lock (gate)
                failure ??= new OperationCanceledException();
            room.Release(threads);
            foreach (var worker in workers)
                worker.Join();
        }
    }

    private void Work()
    {
        try
        {
            while (true)
            {
                room.Wait(cancellation);
                lock (gate)
                {
                    if (failure is not null)
                        return;
                }
                var block = Interlocked.Increment(ref next);
                if (block >= count)
                    return;
                var result = work(block);
                lock (gate)
                {
                    results[block] = result;
                    Monitor.PulseAll(gate);
                }
            }
        }
        catch (Exception e)
        {
            lock (gate)
            {
                failure ??= e;
                Monitor.PulseAll(gate);
            }
        }
    }
}
