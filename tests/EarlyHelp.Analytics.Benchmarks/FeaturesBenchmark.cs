using System.Diagnostics;
using System.Globalization;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Benchmarks;

/// <summary>
/// Times feature building on a loaded hub: reading and indexing the hub, the table at one as-of
/// date, and the stacked table at several (quarterly by default) ending at it. Each repeat reads the
/// hub afresh; the medians are printed with the processor time over all threads, which holds steady
/// when other work shares the machine, and the process's peak working set.
/// </summary>
internal static class FeaturesBenchmark
{
    public static int Run(BenchmarkArguments arguments, TextWriter output)
    {
        var hubPath = arguments.Text("hub");
        var asOf = DateOnly.ParseExact(arguments.Text("as-of"), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var snapshots = arguments.Integer("snapshots", 8);
        var everyMonths = arguments.Integer("every-months", 3);
        var repeats = arguments.Integer("repeats", 3);
        var threads = arguments.Integer("threads", Environment.ProcessorCount);
        if (!File.Exists(hubPath))
            throw new ArgumentException($"There is no hub at '{hubPath}'.");
        output.WriteLine(Invariant($"# features hub={hubPath} as_of={asOf:yyyy-MM-dd} snapshots={snapshots} every_months={everyMonths} repeats={repeats} threads={threads} processors={Environment.ProcessorCount}"));

        var one = new FeatureTableOptions { AsOfDates = [asOf], MaxDegreeOfParallelism = threads };
        var many = one with { AsOfDates = FeatureTableOptions.Snapshots(asOf, snapshots, everyMonths) };
        var runs = new List<(Stage Read, Stage One, Stage Many)>();
        for (var repeat = 1; repeat <= repeats; repeat++)
        {
            var (hub, read) = Time(() =>
            {
                using var store = HubStore.Open(hubPath);
                return HubHistory.Read(store.OpenReader(), store.Name);
            });
            var (oneTable, oneStage) = Time(() => FeatureTableBuilder.Build(hub, one));
            var (manyTable, manyStage) = Time(() => FeatureTableBuilder.Build(hub, many));
            runs.Add((read, oneStage with { Rows = oneTable.RowCount }, manyStage with { Rows = manyTable.RowCount }));
            output.WriteLine(Invariant(
                $"repeat={repeat} people={hub.PersonCount} records={hub.EventCount} families={hub.Families.Count} {read.Text("read")} {runs[^1].One.Text("one_date")} {runs[^1].Many.Text($"{snapshots}_dates")} features={oneTable.FeatureCount}"));
            GC.Collect();
        }

        output.WriteLine(Invariant(
            $"median {Median(runs.Select(r => r.Read)).Text("read")} {Median(runs.Select(r => r.One)).Text("one_date")} {Median(runs.Select(r => r.Many)).Text($"{snapshots}_dates")} peak_working_set_gb={Process.GetCurrentProcess().PeakWorkingSet64 / 1e9:F2}"));
        return 0;
    }

    private static (T Result, Stage Stage) Time<T>(Func<T> work)
    {
        var processor = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        var result = work();
        return (result, new Stage(clock.Elapsed.TotalSeconds, (Environment.CpuUsage.TotalTime - processor).TotalSeconds, 0));
    }

    /// <summary>The stage of the repeat whose wall time is the median (the middle one for an odd count).</summary>
    private static Stage Median(IEnumerable<Stage> stages)
    {
        var ordered = stages.OrderBy(s => s.Seconds).ToArray();
        return ordered[ordered.Length / 2];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>One timed stage: wall seconds, processor seconds over all threads, and the rows it built.</summary>
    private readonly record struct Stage(double Seconds, double ProcessorSeconds, int Rows)
    {
        public string Text(string name) => Rows == 0
            ? Invariant($"{name}_s={Seconds:F2} {name}_cpu_s={ProcessorSeconds:F2}")
            : Invariant($"{name}_s={Seconds:F2} {name}_cpu_s={ProcessorSeconds:F2} {name}_rows={Rows} {name}_values_per_s={Rows * (double)Features.Catalogue.FeatureCatalogue.All.Count / Seconds:F0}");
    }
}
