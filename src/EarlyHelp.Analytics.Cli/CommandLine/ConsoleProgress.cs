using System.Diagnostics;
using EarlyHelp.Analytics.Core;
using Spectre.Console;

namespace EarlyHelp.Analytics.Cli.CommandLine;

/// <summary>
/// Shows <see cref="WorkProgress"/> reports: a Spectre.Console progress bar per stage when the
/// output is a terminal, plain time-stamped log lines when it is redirected (logs and CI).
/// </summary>
public static class ConsoleProgress
{
    /// <summary>Runs <paramref name="work"/>, showing the progress it reports on <paramref name="output"/>.</summary>
    public static T Run<T>(TextWriter output, Func<IProgress<WorkProgress>, T> work)
    {
        var interactive = WrappingWriter.IsConsole(output) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive)
            return work(new LogLineProgress(output));

        return AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context => work(new BarProgress(context)));
    }

    /// <summary>Runs <paramref name="work"/> that returns nothing, showing its progress.</summary>
    public static void Run(TextWriter output, Action<IProgress<WorkProgress>> work) =>
        Run(output, progress =>
        {
            work(progress);
            return true;
        });

    /// <summary>One bar per stage; reports may come from several threads.</summary>
    private sealed class BarProgress(ProgressContext context) : IProgress<WorkProgress>
    {
        private readonly Dictionary<string, ProgressTask> tasks = [];

        public void Report(WorkProgress value)
        {
            lock (tasks)
            {
                if (!tasks.TryGetValue(value.Stage, out var task))
                    tasks[value.Stage] = task = context.AddTask(Markup.Escape(value.Stage), maxValue: Math.Max(1, value.Total));
                if (value.Total > 0)
                    task.MaxValue = value.Total;
                task.Value = value.Total > 0 ? value.Done : 0;
                if (value.Total > 0 && value.Done >= value.Total)
                    task.StopTask();
            }
        }
    }

    /// <summary>A log line when a stage starts, at most every few seconds while it runs, and when it ends.</summary>
    private sealed class LogLineProgress(TextWriter output) : IProgress<WorkProgress>
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly Dictionary<string, TimeSpan> lastLine = [];

        public void Report(WorkProgress value)
        {
            lock (lastLine)
            {
                var now = clock.Elapsed;
                var finished = value.Total > 0 && value.Done >= value.Total;
                var first = !lastLine.TryGetValue(value.Stage, out var last);
                if (!first && !finished && now - last < Interval)
                    return;
                lastLine[value.Stage] = finished ? TimeSpan.MaxValue / 2 : now;
                if (!first && last == TimeSpan.MaxValue / 2)
                    return;
                var amount = value.Total > 0 ? $"{value.Done:N0}/{value.Total:N0}" : $"{value.Done:N0}";
                output.WriteLine($"[{now:hh\\:mm\\:ss}] {value.Stage}: {amount}{(finished ? " done" : "")}");
            }
        }
    }
}
