namespace EarlyHelp.Analytics.Web.Hosting;

/// <summary>
/// Keeps the audit trail's commits and the requests' reads of the hub apart inside the server: any number of
/// readers, or the one audit writer, never both. SQLite allows both at once on a write-ahead log, but a reader
/// that starts its snapshot while a commit moves the log's end retries, and after a few quick retries the bundled
/// SQLite library sleeps — a whole second, as it is built without <c>usleep</c>. Under 32 connections on two
/// cores that stalled about one view in a hundred for 0.9 to 1 s. Waiting here instead costs a reader at most
/// one commit (a few milliseconds), and a waiting writer goes first, so a stream of readers cannot starve it.
/// Unlike <see cref="ReaderWriterLockSlim"/> a pass may be given back on another thread.
/// </summary>
public sealed class HubGate
{
    private readonly object sync = new();
    private int readers;
    private int writersWaiting;
    private bool writing;

    /// <summary>Waits until no audit commit is running or waiting, then lets a reader in until the pass is disposed.</summary>
    public IDisposable EnterRead()
    {
        lock (sync)
        {
            while (writing || writersWaiting > 0)
                Monitor.Wait(sync);
            readers++;
        }
        return new Pass(this, isWriter: false);
    }

    /// <summary>Waits until no reader is in, then lets the writer in until the pass is disposed.</summary>
    public IDisposable EnterWrite()
    {
        lock (sync)
        {
            writersWaiting++;
            while (writing || readers > 0)
                Monitor.Wait(sync);
            writersWaiting--;
            writing = true;
        }
        return new Pass(this, isWriter: true);
    }

    private void Exit(bool isWriter)
    {
        lock (sync)
        {
            if (isWriter)
                writing = false;
            else
                readers--;
            Monitor.PulseAll(sync);
        }
    }

    private sealed class Pass(HubGate gate, bool isWriter) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
                gate.Exit(isWriter);
        }
    }
}
