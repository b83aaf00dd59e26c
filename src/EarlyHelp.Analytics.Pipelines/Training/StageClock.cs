using System.Diagnostics;
using System.Text.Json.Serialization;

namespace EarlyHelp.Analytics.Pipelines.Training;

/// <summary>One stage's wall-clock time, processor time and the most memory the process held during it.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="WallSeconds">Elapsed seconds.</param>
/// <param name="ProcessorSeconds">Processor seconds, summed over threads (on a shared machine the wall clock measures the neighbours too).</param>
/// <param name="PeakWorkingSetBytes">Largest resident set sampled during the stage (every 20 ms, and at its start and end).</param>
public sealed record StageTiming(
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("wall_seconds")] double WallSeconds,
    [property: JsonPropertyName("processor_seconds")] double ProcessorSeconds,
    [property: JsonPropertyName("peak_working_set_bytes")] long PeakWorkingSetBytes);

/// <summary>Times stages and samples the resident set while each runs.</summary>
internal sealed class StageClock : IDisposable
{
    private readonly List<StageTiming> timings = [];
    private readonly Timer sampler;
    private long peak;

    public StageClock() => sampler = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));

    /// <summary>Every stage timed so far, in order.</summary>
    public IReadOnlyList<StageTiming> Timings => timings;

    /// <summary>Runs <paramref name="work"/> as stage <paramref name="stage"/>.</summary>
    public T Time<T>(string stage, Func<T> work)
    {
        var wall = Stopwatch.StartNew();
        var processor = Process.GetCurrentProcess().TotalProcessorTime;
        Interlocked.Exchange(ref peak, Environment.WorkingSet);
        try
        {
            return work();
        }
        finally
        {
            Sample();
            timings.Add(new StageTiming(stage, wall.Elapsed.TotalSeconds,
                (Process.GetCurrentProcess().TotalProcessorTime - processor).TotalSeconds, Interlocked.Read(ref peak)));
        }
    }

    /// <summary>Runs <paramref name="work"/> as stage <paramref name="stage"/>.</summary>
    public void Time(string stage, Action work) => Time(stage, () =>
    {
        work();
        return true;
    });

    public void Dispose() => sampler.Dispose();

    private void Sample()
    {
        var now = Environment.WorkingSet;
        long seen;
        do
            seen = Interlocked.Read(ref peak);
        while (now > seen && Interlocked.CompareExchange(ref peak, now, seen) != seen);
    }
}
