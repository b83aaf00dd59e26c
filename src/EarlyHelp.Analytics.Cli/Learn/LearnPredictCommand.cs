using System.CommandLine;
using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Explanations;

namespace EarlyHelp.Analytics.Cli.Learn;

/// <summary><c>learn predict</c>: scores a CSV file with a saved model, optionally with each row's top reasons.</summary>
internal static class LearnPredictCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "The model folder written by 'learn fit'.", Required = true };
        var data = new Option<string>("--data") { Description = "CSV to score: the model's feature columns (any order), plus --id columns; a label column is ignored.", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the predictions CSV: id columns, then 'probability', rows in input order.", Required = true };
        var ids = new Option<string?>("--id") { Description = "Identifier columns, comma-separated: copied to the output." };
        var explain = new Option<int>("--explain") { Description = "Add each row's K largest TreeSHAP contributions as reason_k_feature, reason_k_value, reason_k_contribution (log-odds).", DefaultValueFactory = _ => 0 };
        var threads = new Option<int?>("--threads") { Description = "Threads to use (default: every core)." };

        var command = new Command("predict", "Scores a CSV file with a model folder: the probability of label 1 for every row.");
        foreach (var option in new Option[] { model, data, output, ids, explain, threads })
            command.Options.Add(option);
        command.SetAction(parse => Run(
            parse.InvocationConfiguration.Output,
            parse.GetRequiredValue(model),
            parse.GetRequiredValue(data),
            parse.GetRequiredValue(output),
            LearnInput.Names(parse.GetValue(ids)),
            parse.GetValue(explain),
            parse.GetValue(threads)));
        return command;
    }

    private static int Run(TextWriter output, string modelPath, string dataPath, string outputPath, IReadOnlyList<string> ids, int explain, int? threads)
    {
        if (explain < 0)
            throw new UsageException($"The '--explain' option must be at least 0. Got {explain} instead.");
        if (threads < 1)
            throw new UsageException($"The '--threads' option must be at least 1. Got {threads} instead.");
        var model = LearnInput.LoadModel(modelPath);
        var input = LearnInput.Read(dataPath, new CsvColumns
        {
            Label = model.LabelName,
            LabelRequired = false,
            Ids = ids,
            Features = model.FeatureNames,
        });

        var probabilities = model.PredictProbability(input.Dataset);
        var reasons = Math.Min(explain, input.Dataset.FeatureCount);
        var explanations = reasons > 0 ? new TreeShapExplainer(model.Ensemble).Explain(input.Dataset, threads) : null;
        PredictionCsvWriter.Write(outputPath, input, probabilities, explanations, reasons);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Scored {input.Dataset.RowCount:N0} rows; wrote {outputPath}."));
        return ExitCodes.Success;
    }
}
