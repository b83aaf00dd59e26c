using System.Diagnostics;
using System.Globalization;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Explanations;
using EarlyHelp.Analytics.Learning.Metrics;
using EarlyHelp.Analytics.Learning.Trees;

namespace EarlyHelp.Analytics.Benchmarks;

/// <summary>
/// Trains and scores the project's gradient-boosted trees (ML.NET FastTree, or LightGbm with
/// <c>--trainer lightgbm</c>) on the anchor script's files and prints one line in its format (medians
/// over the repeats), so the figures sit beside XGBoost's. CSV loading is timed apart and left out;
/// train_s covers the whole fit: the DataFrame, the missing-value transform, ML.NET's binning and
/// trees, and the routing of the training rows for the node counts.
/// </summary>
internal static class GradientBoostingBenchmark
{
    public static int Run(BenchmarkArguments arguments, TextWriter output)
    {
        var label = arguments.Text("label", "label");
        var trainer = arguments.Text("trainer", "fasttree") == "lightgbm" ? TreeTrainer.LightGbm : TreeTrainer.FastTree;
        var engine = trainer == TreeTrainer.LightGbm ? "mlnet_lightgbm" : "mlnet_fasttree";
        var options = new GradientBoostingOptions
        {
            Trainer = trainer,
            NumberOfTrees = arguments.Integer("trees", 200),
            NumberOfLeaves = arguments.Integer("leaves", 31),
            LearningRate = arguments.Number("lr", 0.1),
            MaximumBinCountPerFeature = arguments.Integer("bins", 255),
            MinimumExampleCountPerLeaf = arguments.Integer("min-leaf", 20),
            NumberOfThreads = arguments.Integer("threads", 2),
            MissingValues = arguments.Text("missing", "low") == "learned" ? MissingValuePolicy.LearnedPerFeature : MissingValuePolicy.BelowEveryValue,
        };
        var repeats = arguments.Integer("repeats", 3);
        var shapRows = arguments.Integer("shap-rows", 0);

        var clock = Stopwatch.StartNew();
        var train = CsvDatasetReader.Read(arguments.Text("train"), new CsvColumns { Label = label }).Dataset;
        var trainLoad = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var test = CsvDatasetReader.Read(arguments.Text("test"), new CsvColumns { Label = label }).Dataset;
        output.WriteLine(Invariant($"# load train rows={train.RowCount} features={train.FeatureCount} load_s={trainLoad:F3} | test rows={test.RowCount} load_s={clock.Elapsed.TotalSeconds:F3}"));
        output.WriteLine(Invariant($"# params trees={options.NumberOfTrees} leaves={options.NumberOfLeaves} lr={options.LearningRate} bins={options.MaximumBinCountPerFeature} min_leaf={options.MinimumExampleCountPerLeaf} threads={options.NumberOfThreads} missing={options.MissingValues} repeats={repeats}"));

        var runs = new List<(double Train, double Predict, double Auc, double LogLoss)>();
        TreeEnsemble? model = null;
        Learning.Models.ScoringModel? scoring = null;
        for (var repeat = 1; repeat <= repeats; repeat++)
        {
            var processorTime = Environment.CpuUsage.UserTime;
            clock.Restart();
            scoring = new GradientBoostingTrainer(options).Fit(train);
            model = scoring.Ensemble;
            var trainSeconds = clock.Elapsed.TotalSeconds;
            var trainProcessorSeconds = (Environment.CpuUsage.UserTime - processorTime).TotalSeconds;
            clock.Restart();
            var probabilities = scoring.PredictProbability(test);
            var predictSeconds = clock.Elapsed.TotalSeconds;
            var (auc, logLoss) = (BinaryMetrics.RocAuc<float, double>(test.Labels, probabilities), BinaryMetrics.LogLoss<float, double>(test.Labels, probabilities));
            runs.Add((trainSeconds, predictSeconds, auc, logLoss));
            output.WriteLine(Invariant($"# run engine={engine} rep={repeat} train_s={trainSeconds:F3} train_cpu_s={trainProcessorSeconds:F3} predict_s={predictSeconds:F3} auc={auc:F5} logloss={logLoss:F5} leaves={model.Trees.Sum(t => t.LeafCount)}"));
        }

        if (model is not null && model.MissingValues.AnyHigh)
            output.WriteLine($"# missing high={string.Join(',', model.FeatureNames.Where((_, feature) => model.MissingValues.Sides[feature] == MissingValueSide.High))}");
        if (arguments.Integer("stages", 0) == 1 && model is not null)
            output.WriteLine(StagesLine(engine, options, train, model));
        if (shapRows > 0 && model is not null)
            output.WriteLine(ShapLine(engine, model, test, Math.Min(shapRows, test.RowCount), options.NumberOfThreads));
        output.WriteLine(Invariant(
            $"engine={engine} train_s={Median(runs.Select(r => r.Train)):F3} predict_s={Median(runs.Select(r => r.Predict)):F3} auc={Median(runs.Select(r => r.Auc)):F5} logloss={Median(runs.Select(r => r.LogLoss)):F5} rows={train.RowCount} features={train.FeatureCount}"));
        return 0;
    }

    /// <summary>
    /// What a fit's time is made of, as far as it can be cut from outside ML.NET: a one-tree fit is the data
    /// preparation (the trainer's row-wise pass, binning and column-wise copy) plus one tree; routing the
    /// training rows for the node counts is timed on its own; the rest of a full fit is growing the other trees.
    /// </summary>
    private static string StagesLine(string engine, GradientBoostingOptions options, DenseDataset train, TreeEnsemble trained)
    {
        var (oneTree, oneTreeProcessor, _) = Timed(() => new GradientBoostingTrainer(options with { NumberOfTrees = 1 }).Fit(train));
        var (counts, countsProcessor, _) = Timed(() => trained.WithCounts(train, options.NumberOfThreads));
        return Invariant($"# stages engine={engine} one_tree_fit_s={oneTree:F3} one_tree_fit_cpu_s={oneTreeProcessor:F3} node_counts_s={counts:F3} node_counts_cpu_s={countsProcessor:F3}");
    }

    private static (double Seconds, double ProcessorSeconds, T Result) Timed<T>(Func<T> work)
    {
        var processorTime = Environment.CpuUsage.UserTime;
        var clock = Stopwatch.StartNew();
        var result = work();
        return (clock.Elapsed.TotalSeconds, (Environment.CpuUsage.UserTime - processorTime).TotalSeconds, result);
    }

    /// <summary>Times TreeSHAP on the first rows of the test set and checks that contributions add up to the log-odds of the raw scores.</summary>
    private static string ShapLine(string engine, TreeEnsemble model, DenseDataset test, int rows, int? threads)
    {
        var sample = test.Select([.. Enumerable.Range(0, rows)]);
        var explainer = new TreeShapExplainer(model);
        var processorTime = Environment.CpuUsage.UserTime;
        var clock = Stopwatch.StartNew();
        var contributions = explainer.Explain(sample, threads);
        var seconds = clock.Elapsed.TotalSeconds;
        var processorSeconds = (Environment.CpuUsage.UserTime - processorTime).TotalSeconds;
        var raw = model.PredictRaw(sample, threads);
        var error = Enumerable.Range(0, rows).Max(row => Math.Abs(explainer.ExpectedValue + Sum(contributions.Row(row)) - model.LogOdds(raw[row])));
        return Invariant($"# shap engine={engine} rows={rows} threads={threads} shap_s={seconds:F3} shap_us_per_row={1e6 * seconds / rows:F1} shap_cpu_us_per_row={1e6 * processorSeconds / rows:F1} additivity_err={error:G2}");
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (var value in values)
            sum += value;
        return sum;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
