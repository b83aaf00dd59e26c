using System.Diagnostics;
using System.Globalization;
using System.Text;
using EarlyHelp.Analytics.Evaluation.Calibration;
using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Input;

namespace EarlyHelp.Analytics.Benchmarks;

/// <summary>
/// Times the fairness audit and calibration report on a seeded synthetic population of scored rows
/// with two group columns (six and two groups of unequal size, base rates and scores that differ
/// by group), and prints the median over the repeats. With <c>--csv PATH</c> it also writes the
/// rows as a scores file, so that <c>earlyhelp audit</c> can be timed end to end on the same data.
/// </summary>
internal static class AuditBenchmark
{
    private static readonly double[] FirstColumnShares = [0.55, 0.2, 0.1, 0.08, 0.05, 0.02];

    public static int Run(BenchmarkArguments arguments, TextWriter output)
    {
        var rows = arguments.Integer("rows", 1_000_000);
        var resamples = arguments.Integer("resamples", 1000);
        var repeats = arguments.Integer("repeats", 3);
        var fraction = arguments.Number("top-fraction", 0.05);
        var population = Generate(rows, arguments.Integer("seed", 2024));
        if (arguments.Text("csv", "") is { Length: > 0 } path)
            WriteCsv(population, path);
        output.WriteLine(Invariant($"# audit rows={rows} groups=6x2 resamples={resamples} selection=top {fraction:0.##%} repeats={repeats} processors={Environment.ProcessorCount}"));

        var options = new FairnessAuditOptions { Selection = new SelectionRule.TopFraction(fraction), BootstrapResamples = resamples };
        var fairnessTimes = new List<double>();
        var calibrationTimes = new List<double>();
        var processorTimes = new List<double>();
        for (var repeat = 1; repeat <= repeats; repeat++)
        {
            var processorTime = Environment.CpuUsage.TotalTime;
            var clock = Stopwatch.StartNew();
            var fairness = new FairnessAudit(options).Run(population);
            fairnessTimes.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            new CalibrationAudit().Run(population);
            calibrationTimes.Add(clock.Elapsed.TotalSeconds);
            // Processor time over all threads: the work done, whatever else shares the machine.
            processorTimes.Add((Environment.CpuUsage.TotalTime - processorTime).TotalSeconds);
            output.WriteLine(Invariant($"repeat={repeat} fairness_s={fairnessTimes[^1]:F2} calibration_s={calibrationTimes[^1]:F2} total_s={fairnessTimes[^1] + calibrationTimes[^1]:F2} cpu_s={processorTimes[^1]:F2} flags={fairness.Findings.Count(f => f.Severity == "flag")}"));
        }

        output.WriteLine(Invariant($"median fairness_s={Median(fairnessTimes):F2} calibration_s={Median(calibrationTimes):F2} total_s={Median(fairnessTimes.Zip(calibrationTimes, (f, c) => f + c).ToList()):F2} cpu_s={Median(processorTimes):F2}"));
        return 0;
    }

    /// <summary>
    /// Rows whose outcome follows a logistic model with group effects. The score is the true
    /// probability rounded to four decimals (so there are ties); the raw score is an over-confident
    /// version, σ(1.6·z + 0.3) of the true log-odds z, as a model looks before its calibrator.
    /// </summary>
    private static ScoredPopulation Generate(int rows, int seed)
    {
        var random = new Random(seed);
        var first = new string[rows];
        var second = new string[rows];
        var labels = new double[rows];
        var scores = new double[rows];
        var raw = new double[rows];
        var ids = new long[rows];
        for (var i = 0; i < rows; i++)
        {
            var group = Pick(random.NextDouble());
            first[i] = $"G{group + 1}";
            second[i] = random.NextDouble() < 0.5 ? "S1" : "S2";
            var logOdds = -2.2 + 0.15 * group + (second[i] == "S2" ? 0.2 : 0) + 2.4 * (random.NextDouble() + random.NextDouble() - 1);
            var probability = 1 / (1 + Math.Exp(-logOdds));
            labels[i] = random.NextDouble() < probability ? 1 : 0;
            scores[i] = Math.Round(probability, 4);
            raw[i] = Math.Round(1 / (1 + Math.Exp(-(1.6 * logOdds + 0.3))), 4);
            ids[i] = i;
        }

        return new ScoredPopulation(scores, labels, [new GroupColumn("group_a", first), new GroupColumn("group_b", second)], "probability")
        {
            RawScores = raw,
            RawScoreName = "uncalibrated",
            TieKeys = ids,
        };
    }

    private static int Pick(double draw)
    {
        var cumulative = 0.0;
        for (var g = 0; g < FirstColumnShares.Length; g++)
        {
            cumulative += FirstColumnShares[g];
            if (draw < cumulative)
                return g;
        }

        return FirstColumnShares.Length - 1;
    }

    private static void WriteCsv(ScoredPopulation population, string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("id,probability,uncalibrated,outcome,group_a,group_b");
        for (var i = 0; i < population.Count; i++)
            writer.WriteLine(Invariant($"{population.TieKeys![i]},{population.Scores[i]},{population.RawScores![i]},{population.Labels[i]},{population.Groups[0].Values[i]},{population.Groups[1].Values[i]}"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
