using System.Buffers;
using System.Collections.Concurrent;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Ingest;

/// <summary>Writes a batch of validated rows to the load and says what happened to them.</summary>
/// <typeparam name="T">The hub row type.</typeparam>
internal delegate LoadCounts BatchWriter<T>(IHubLoad load, ReadOnlySpan<T> rows);

/// <summary>
/// Parsing and inserting run on two threads: the caller parses and validates rows and sends them in
/// batches; one consumer thread writes them to the load in order. The queue is bounded, so memory stays
/// small and the faster side waits for the slower. A failure on either side stops both.
/// </summary>
internal sealed class LoadPipeline : IDisposable
{
    /// <summary>Rows per batch: large enough to make hand-over cheap, small enough to stay off the large object heap.</summary>
    public const int BatchSize = 2048;

    private readonly BlockingCollection<PendingBatch> queue = new(boundedCapacity: 16);
    private readonly CancellationTokenSource stop = new();
    private readonly Dictionary<int, LoadCounts> countsByFile = [];
    private readonly Task consumer;

    /// <summary>Starts the consumer thread writing to <paramref name="load"/>.</summary>
    public LoadPipeline(IHubLoad load) =>
        consumer = Task.Factory.StartNew(() => Consume(load), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Starts a batch for file <paramref name="file"/>; rows go in with <see cref="Batch{T}.Add"/>.</summary>
    public Batch<T> Start<T>(int file, BatchWriter<T> writer) => new(this, file, writer);

    /// <summary>Waits for every batch to be written; returns what happened to the rows of each file.</summary>
    public IReadOnlyDictionary<int, LoadCounts> Complete()
    {
        queue.CompleteAdding();
        consumer.GetAwaiter().GetResult();
        return countsByFile;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!queue.IsAddingCompleted)
        {
            // The producer failed: stop the consumer before the load is rolled back.
            stop.Cancel();
            queue.CompleteAdding();
        }
        try
        {
            consumer.Wait();
        }
        catch (AggregateException)
        {
            // Already reported to the producer, or the consumer was stopped on purpose.
        }
        queue.Dispose();
        stop.Dispose();
    }

    private void Send(PendingBatch batch)
    {
        try
        {
            queue.Add(batch, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // The consumer failed: surface its exception rather than the cancellation.
            consumer.GetAwaiter().GetResult();
            throw;
        }
    }

    private void Consume(IHubLoad load)
    {
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable(stop.Token))
                countsByFile[batch.File] = countsByFile.GetValueOrDefault(batch.File) + batch.Write(load);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch
        {
            stop.Cancel();
            throw;
        }
    }

    /// <summary>Rows of one file on their way to the consumer.</summary>
    private abstract class PendingBatch(int file)
    {
        public int File { get; } = file;

        public abstract LoadCounts Write(IHubLoad load);
    }

    private sealed class PendingBatch<T>(int file, T[] rows, int count, BatchWriter<T> writer) : PendingBatch(file)
    {
        public override LoadCounts Write(IHubLoad load)
        {
            try
            {
                return writer(load, rows.AsSpan(0, count));
            }
            finally
            {
                ArrayPool<T>.Shared.Return(rows, clearArray: true);
            }
        }
    }

    /// <summary>Collects rows of one file and sends them on in batches.</summary>
    /// <typeparam name="T">The hub row type.</typeparam>
    internal sealed class Batch<T>(LoadPipeline pipeline, int file, BatchWriter<T> writer)
    {
        private T[]? rows;
        private int count;

        /// <summary>Adds a row; sends the batch when it is full.</summary>
        public void Add(in T row)
        {
            rows ??= ArrayPool<T>.Shared.Rent(BatchSize);
            rows[count++] = row;
            if (count == rows.Length)
                Flush();
        }

        /// <summary>Sends the rows collected so far; the consumer returns their array to the pool.</summary>
        public void Flush()
        {
            if (rows is null || count == 0)
                return;
            pipeline.Send(new PendingBatch<T>(file, rows, count, writer));
            rows = null;
            count = 0;
        }
    }
}
