using System.Diagnostics;
using System.Globalization;

namespace EarlyHelp.Analytics.Cli.Features;

/// <summary>
/// Wall-clock and processor time of the stages of a run. Both are printed because on a shared
/// machine the wall clock measures the neighbours as much as the work.
/// </summary>
internal sealed class WorkClock
{
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private TimeSpan processorAtLap = Process.GetCurrentProcess().TotalProcessorTime;

    private WorkClock()
    {
    }

    /// <summary>Starts timing.</summary>
    public static WorkClock Start() => new();

    /// <summary>The time since the previous lap (or the start), and starts the next.</summary>
    public Lap Lap()
    {
        var processor = Process.GetCurrentProcess().TotalProcessorTime;
        var lap = new Lap(wall.Elapsed, processor - processorAtLap);
        wall.Restart();
        processorAtLap = processor;
        return lap;
    }
}

/// <summary>One stage's wall-clock time and the processor time it used on all threads.</summary>
/// <param name="Wall">Elapsed time.</param>
/// <param name="Processor">Processor time, summed over threads.</param>
internal readonly record struct Lap(TimeSpan Wall, TimeSpan Processor)
{
    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Wall.TotalSeconds:F1} s (processor {Processor.TotalSeconds:F1} s)");
}
