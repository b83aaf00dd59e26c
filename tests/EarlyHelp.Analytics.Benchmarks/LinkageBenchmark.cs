using System.Diagnostics;
using System.Globalization;
using EarlyHelp.Analytics.Linkage;
using EarlyHelp.Analytics.Linkage.Tests.Support;

namespace EarlyHelp.Analytics.Benchmarks;

/// <summary>
/// Times the linkage library end to end (u sampling and EM, blocking and scoring, clustering) on a seeded
/// synthetic population: households with twins, namesakes and common surnames, each person with 1 to 3
/// records (2 on average) carrying typos, nicknames, swapped names, wrong or placeholder dates and moves.
/// Prints records per second, comparisons per record, peak memory, and pairwise quality against the truth.
/// </summary>
internal static class LinkageBenchmark
{
    public static int Run(BenchmarkArguments arguments, TextWriter output)
    {
        var people = arguments.Integer("people", 600_000);
        var sources = arguments.Integer("sources", 4);
        var threads = arguments.Integer("threads", Environment.ProcessorCount);
        var clock = Stopwatch.StartNew();
        var city = SyntheticIdentities.Generate(people, sources, arguments.Integer("seed", 1));
        var records = city.Records;
        output.WriteLine(Invariant($"# linkage people={people} records={records.Count} sources={sources} threads={threads} generated in {clock.Elapsed.TotalSeconds:0.0} s"));
        GC.Collect();

        var settings = LinkageSettings.Default with { DegreeOfParallelism = threads };
        var processorTime = Environment.CpuUsage.TotalTime;
        clock.Restart();
        var model = LinkageModel.Estimate(records, settings, seed: 7);
        var estimate = clock.Elapsed.TotalSeconds;
        var scored = PairScoring.ScoreWithStatistics(records, model);
        var score = clock.Elapsed.TotalSeconds - estimate;
        var entities = Clustering.Cluster(records, scored.Pairs, model, []);
        var total = clock.Elapsed.TotalSeconds;
        var processor = (Environment.CpuUsage.TotalTime - processorTime).TotalSeconds;

        var quality = LinkageQuality.Pairwise(entities, city.Truth);
        var expected = LinkageQuality.Expected(records, scored.Pairs, entities, model);
        var twinsApart = city.TwinRecords.Count(p => entities[p.Item1] != entities[p.Item2]);
        output.WriteLine(Invariant($"estimate {estimate:0.0} s (candidate pairs {model.Training.CandidatePairs:N0}, EM iterations {model.Training.Iterations}); score {score:0.0} s; cluster {total - estimate - score:0.0} s"));
        output.WriteLine(Invariant($"total {total:0.0} s  records/s {records.Count / total:N0}  comparisons/record {scored.ComparisonsPerRecord:0.0}  cpu {processor:0.0} s  peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e9:0.00} GB"));
        output.WriteLine(Invariant($"pairwise precision={quality.Precision:0.0000} recall={quality.Recall:0.0000} f1={quality.F1:0.0000} (tp {quality.TruePositives:N0} fp {quality.FalsePositives:N0} fn {quality.FalseNegatives:N0})"));
        output.WriteLine(Invariant($"expected false links {expected.ExpectedFalseLinks:N1}; expected missed {expected.ExpectedMissedLinks:N1}; twins kept apart {twinsApart}/{city.TwinRecords.Count}; load {File.ReadAllText("/proc/loadavg").Trim()}"));
        return 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
