using System.Diagnostics;
using System.Globalization;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Cli.CommandLine;

/// <summary>
/// Passes progress on and, when a stage starts, writes the memory the process holds at that boundary: the live
/// managed heap after a full collection, the resident set, and the resident peak so far. A full collection at
/// each boundary costs a second or two at city scale, which is why it is only done when asked for
/// (<c>--memory</c>): it tells what a stage keeps alive apart from what the collector has not yet reclaimed.
/// </summary>
internal sealed class MemoryProgress(TextWriter output, IProgress<WorkProgress> inner) : IProgress<WorkProgress>
{
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly Stopwatch clock = Stopwatch.StartNew();

    /// <inheritdoc />
    public void Report(WorkProgress value)
    {
        bool first;
        lock (seen)
            first = seen.Add(value.Stage);
        if (first)
            output.WriteLine(Line(value.Stage, clock.Elapsed));
        inner.Report(value);
    }

    /// <summary>The memory line written when <paramref name="stage"/> starts.</summary>
    public static string Line(string stage, TimeSpan elapsed)
    {
        var live = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture,
            $"[{elapsed:hh\\:mm\\:ss}] memory before '{stage}': live managed heap {Megabytes(live)} MB, resident {Megabytes(process.WorkingSet64)} MB, resident peak {Megabytes(process.PeakWorkingSet64)} MB");
    }

    private static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString("N0", CultureInfo.InvariantCulture);
}
