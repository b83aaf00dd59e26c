using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Metrics;
using EarlyHelp.Analytics.Learning.Models;
using EarlyHelp.Analytics.Learning.Trees;

namespace EarlyHelp.Analytics.Cli.Learn;

/// <summary><c>learn fit</c>: trains gradient-boosted trees on a CSV file and saves the model file.</summary>
internal static class LearnFitCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Training CSV: a header row, then numeric cells; an empty cell is a missing value.", Required = true };
        var label = new Option<string>("--label") { Description = "The label column: 0 or 1 on every row.", Required = true };
        var model = new Option<string>("--model") { Description = "Where to write the model file (JSON with its sha256).", Required = true };
        var validation = new Option<string?>("--valid") { Description = "Validation CSV with the same columns: reported on, and used by --early-stopping." };
        var ids = new Option<string?>("--id") { Description = "Identifier columns, comma-separated: never features." };
        var hyperparameters = new HyperparameterOptions();

        var command = new Command("fit", "Trains gradient-boosted trees (binary log loss) on a CSV file. Every column other than the label and --id columns is a feature.");
        foreach (var option in new Option[] { data, label, model, validation, ids })
            command.Options.Add(option);
        hyperparameters.AddTo(command);
        command.SetAction(parse => Run(
            parse.InvocationConfiguration.Output,
            parse.GetRequiredValue(data),
            parse.GetRequiredValue(label),
            parse.GetRequiredValue(model),
            parse.GetValue(validation),
            LearnInput.Names(parse.GetValue(ids)),
            hyperparameters.Read(parse)));
        return command;
    }

    private static int Run(TextWriter output, string dataPath, string label, string modelPath, string? validationPath, IReadOnlyList<string> ids, GradientBoostingOptions options)
    {
        if (options.EarlyStoppingRounds is not null && validationPath is null)
            throw new UsageException("The '--early-stopping' option needs a validation set (--valid).");
        var columns = new CsvColumns { Label = label, Ids = ids };
        var training = LearnInput.Read(dataPath, columns).Dataset;
        var validation = validationPath is null ? null : LearnInput.Read(validationPath, columns with { Features = training.FeatureNames, FeaturesOwner = "the training data" }).Dataset;
        var unknown = options.MonotoneConstraints.Keys.Where(name => !training.FeatureNames.Contains(name, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
            throw new UsageException($"The '--monotone' option names features the data does not have: {string.Join(", ", unknown.Select(n => $"'{n}'"))}.");

        var clock = Stopwatch.StartNew();
        var ensemble = ConsoleProgress.Run(output, progress =>
            new GradientBoostingTrainer(options).Fit(training, validation, new TreeProgress(progress)));
        var seconds = clock.Elapsed.TotalSeconds;

        var metrics = new Dictionary<string, double>();
        AddMetrics(metrics, "training", ensemble, training, options.NumberOfThreads);
        if (validation is not null)
            AddMetrics(metrics, "validation", ensemble, validation, options.NumberOfThreads);
        var scoring = new ScoringModel(ensemble)
        {
            LabelName = label,
            TrainingOptions = options,
            Metrics = metrics,
            Metadata = new Dictionary<string, string>
            {
                ["training_data"] = Path.GetFileName(dataPath),
                ["training_rows"] = training.RowCount.ToString(CultureInfo.InvariantCulture),
                ["validation_data"] = validationPath is null ? "" : Path.GetFileName(validationPath),
            },
        };
        ModelFile.Save(scoring, modelPath);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Trained {ensemble.Trees.Count} trees on {training.RowCount:N0} rows x {training.FeatureCount} features in {seconds:F1} s; wrote {modelPath}."));
        foreach (var (name, value) in metrics)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {value:F5}"));
        return ExitCodes.Success;
    }

    /// <summary>ROC AUC and log loss of the model's probabilities on a labelled dataset, named after it.</summary>
    private static void AddMetrics(Dictionary<string, double> metrics, string dataset, TreeEnsemble ensemble, DenseDataset data, int? threads)
    {
        var probabilities = ensemble.PredictProbability(data, threads);
        metrics[$"{dataset}_auc"] = BinaryMetrics.RocAuc<float, double>(data.Labels, probabilities);
        metrics[$"{dataset}_log_loss"] = BinaryMetrics.LogLoss<float, double>(data.Labels, probabilities);
    }

    /// <summary>Shows boosting progress as the command line's work progress, one unit per tree.</summary>
    private sealed class TreeProgress(IProgress<WorkProgress> progress) : IProgress<BoostingProgress>
    {
        public void Report(BoostingProgress value) => progress.Report(new WorkProgress("Growing trees", value.TreesGrown, value.NumberOfTrees));
    }
}
