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

/// <summary><c>learn fit</c>: trains gradient-boosted trees (ML.NET FastTree or LightGbm) on a CSV file and saves the model folder.</summary>
internal static class LearnFitCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Training CSV: a header row, then numeric cells; an empty cell is a missing value.", Required = true };
        var label = new Option<string>("--label") { Description = "The label column: 0 or 1 on every row.", Required = true };
        var model = new Option<string>("--model") { Description = "The model folder to write: model.zip (ML.NET), trees.json (readable trees) and fingerprint.", Required = true };
        var validation = new Option<string?>("--valid") { Description = "Validation CSV with the same columns: reported on, and used by --early-stopping." };
        var ids = new Option<string?>("--id") { Description = "Identifier columns, comma-separated: never features." };
        var hyperparameters = new HyperparameterOptions();

        var command = new Command("fit", "Trains gradient-boosted trees for a 0/1 label on a CSV file with ML.NET. Every column other than the label and --id columns is a feature.");
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
        var reserved = training.FeatureNames.FirstOrDefault(name => FeatureFrame.ReservedNames.Contains(name, StringComparer.Ordinal));
        if (reserved is not null)
            throw new BadInputException(dataPath, 1, 0, $"the column '{reserved}' would be a feature, but the model uses that name for its own column; rename it or list it in --id");

        var clock = Stopwatch.StartNew();
        var trained = ConsoleProgress.Run(output, progress =>
        {
            progress.Report(new WorkProgress("Growing trees", 0, 1));
            var fitted = new GradientBoostingTrainer(options).Fit(training, validation);
            progress.Report(new WorkProgress("Growing trees", 1, 1));
            return fitted;
        });
        var seconds = clock.Elapsed.TotalSeconds;

        var metrics = new Dictionary<string, double>();
        AddMetrics(metrics, "training", trained, training);
        if (validation is not null)
            AddMetrics(metrics, "validation", trained, validation);
        var scoring = trained with
        {
            LabelName = label,
            Metrics = metrics,
            Metadata = new Dictionary<string, string>
            {
                ["training_data"] = Path.GetFileName(dataPath),
                ["training_rows"] = training.RowCount.ToString(CultureInfo.InvariantCulture),
                ["validation_data"] = validationPath is null ? "" : Path.GetFileName(validationPath),
            },
        };
        var fingerprint = ModelFiles.Save(scoring, modelPath);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Trained {scoring.Ensemble.Trees.Count} trees ({options.Trainer}) on {training.RowCount:N0} rows x {training.FeatureCount} features in {seconds:F1} s; wrote {modelPath} (fingerprint {fingerprint})."));
        foreach (var (name, value) in metrics)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {value:F5}"));
        return ExitCodes.Success;
    }

    /// <summary>ROC AUC and log loss of the model's probabilities on a labelled dataset, named after it.</summary>
    private static void AddMetrics(Dictionary<string, double> metrics, string dataset, ScoringModel model, DenseDataset data)
    {
        var probabilities = model.PredictProbability(data);
        metrics[$"{dataset}_auc"] = BinaryMetrics.RocAuc<float, double>(data.Labels, probabilities);
        metrics[$"{dataset}_log_loss"] = BinaryMetrics.LogLoss<float, double>(data.Labels, probabilities);
    }
}
