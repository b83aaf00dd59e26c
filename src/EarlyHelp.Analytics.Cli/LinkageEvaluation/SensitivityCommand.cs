using System.CommandLine;
using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Pipelines.Sensitivity;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Cli.LinkageEvaluation;

/// <summary><c>earlyhelp linkage sensitivity</c>: the model trained on a synthetic city linked by the model and by the truth, side by side.</summary>
internal static class SensitivityCommand
{
    /// <summary>Builds the subverb.</summary>
    public static Command Create()
    {
        var defaults = new TrainingOptions { AsOf = default };
        var city = new Option<string>("--city") { Description = "The synthetic city's extract folder (as 'earlyhelp generate' writes).", HelpName = "DIR", Required = true };
        var truth = new Option<string>("--truth") { Description = "The city's truth folder.", HelpName = "CITY-TRUTH-DIR", Required = true };
        var output = new Option<string>("--out") { Description = $"The folder to create: both hubs, both model folders and {LinkageSensitivity.TableFile}. An existing, non-empty folder is refused.", HelpName = "DIR", Required = true };
        var asOf = DateOption.Create("--as-of", "The training runs' as-of date. Default: the city's extract date.");
        asOf.Required = false;
        var resamples = new Option<int>("--resamples") { Description = $"Bootstrap resamples for every interval (100 to 100000). Default {defaults.BootstrapResamples}.", DefaultValueFactory = _ => defaults.BootstrapResamples };
        var command = new Command("sensitivity",
            "EVALUATION ONLY (synthetic cities): load the city twice, linked by the linkage model and by the truth, train the same model on each, " +
            $"and write {LinkageSensitivity.TableFile}: pairwise linkage quality, the model's test metrics with 95% intervals and the panel's selection " +
            "rate by group for both, and their difference (truth-linked minus linked): what linkage error costs the model.");
        foreach (var option in new Option[] { city, truth, output, asOf, resamples })
            command.Options.Add(option);
        command.SetAction((parseResult, cancellation) =>
        {
            var writer = parseResult.InvocationConfiguration.Output;
            var options = new TrainingOptions { AsOf = parseResult.GetValue(asOf), BootstrapResamples = parseResult.GetValue(resamples) };
            if (options.Validate().FirstOrDefault() is { } problem)
                throw new UsageException(problem);
            var request = new LinkageSensitivityRequest
            {
                CityFolder = parseResult.GetRequiredValue(city),
                TruthFolder = parseResult.GetRequiredValue(truth),
                OutputFolder = parseResult.GetRequiredValue(output),
                Actor = Environment.UserName,
            };
            var result = ConsoleProgress.Run(writer, progress => LinkageSensitivity.Run(request, options, progress, cancellation));
            Write(writer, request, result);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static void Write(TextWriter output, LinkageSensitivityRequest request, LinkageSensitivityResult result)
    {
        output.WriteLine($"Linkage sensitivity of {request.CityFolder} (evaluation only): the same training run on the hub linked by the model and on the hub linked by the truth.");
        output.WriteLine();
        var table = new TextTable("measure", "group", "linked", "truth-linked", "truth - linked");
        foreach (var row in result.Rows)
            table.Add(row.Measure, row.Group, Value(row.Linked), Value(row.TruthLinked), row.Difference is { } d ? d.ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture) : "");
        table.WriteTo(output);
        output.WriteLine();
        output.WriteLine("The two hubs' families differ, so the runs are not paired: a difference inside both intervals is not evidence that linkage error matters.");
        output.WriteLine($"Wrote {Path.Combine(request.OutputFolder, LinkageSensitivity.TableFile)}, the hubs and models/{LinkageSensitivity.LinkedArm}, models/{LinkageSensitivity.TruthLinkedArm}.");
    }

    private static string Value(SensitivityValue? value) => value switch
    {
        null => "",
        { Interval: { } interval } => string.Create(CultureInfo.InvariantCulture, $"{value.Value:0.0000} [{interval.Lower:0.0000}, {interval.Upper:0.0000}]"),
        _ => value.Value.ToString("0.0000", CultureInfo.InvariantCulture),
    };
}
