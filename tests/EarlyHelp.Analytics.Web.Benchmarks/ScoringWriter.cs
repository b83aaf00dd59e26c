using System.Diagnostics;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Benchmarks;

/// <summary>
/// Stands in for <c>earlyhelp score</c> writing to the hub the panel serves: from its own connection, as another
/// process would, it saves a scoring run of the given size in one transaction (prompts with full evidence, and the
/// run's audit entry), pauses, and saves the next, until stopped. Each save's duration is kept.
/// </summary>
internal sealed class ScoringWriter
{
    private readonly List<double> saves = [];
    private readonly Thread thread;
    private volatile bool stopping;

    private ScoringWriter(string hubPath, int prompts, TimeSpan pause)
    {
        thread = new Thread(() => Write(hubPath, prompts, pause)) { IsBackground = true, Name = "scoring writer" };
    }

    /// <summary>Starts saving runs of <paramref name="prompts"/> prompts to <paramref name="hubPath"/>, <paramref name="pause"/> apart.</summary>
    public static ScoringWriter Start(string hubPath, int prompts, TimeSpan pause)
    {
        var writer = new ScoringWriter(hubPath, prompts, pause);
        writer.thread.Start();
        return writer;
    }

    /// <summary>Stops after the save under way and summarises the saves' durations.</summary>
    public LatencySummary Stop()
    {
        stopping = true;
        thread.Join();
        return LatencySummary.Of(saves);
    }

    private void Write(string hubPath, int prompts, TimeSpan pause)
    {
        var submission = SampleRun.Submission(prompts, capacity: prompts);
        using var store = HubStore.Open(hubPath);
        while (!stopping)
        {
            var clock = Stopwatch.StartNew();
            store.Prompts.SaveRun(submission);
            saves.Add(clock.Elapsed.TotalMilliseconds);
            Thread.Sleep(pause);
        }
    }
}
