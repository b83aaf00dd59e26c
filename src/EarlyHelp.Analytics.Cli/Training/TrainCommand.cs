using System.CommandLine;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Cli.Training;

/// <summary><c>earlyhelp train</c>: from the hub to a registered candidate model with its card and reports.</summary>
internal static class TrainCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var defaults = new TrainingOptions { AsOf = default };
        var hub = HubOption.Create();
        hub.Description = "The hub: a SQLite file path or a PostgreSQL connection string (Host=…;Database=…), which must hold a hub (load it with 'earlyhelp ingest'). The model is registered in it.";
        var asOf = DateOption.Create("--as-of", "The run's as-of date T: no record or outcome after T is used. The test period is the latest quarter whose outcome year ends by T (and by the hub's extract date).");
        var output = new Option<string>("--out") { Description = "The model folder to create, models/NAME; NAME is the model's name in the registry. An existing folder is refused: a model is never overwritten.", HelpName = "models/NAME", Required = true };
        var capacity = new Option<int?>("--capacity") { Description = "Families the panel reviews from a monthly scoring run, city-wide. Default: half a per cent of the families eligible at --as-of.", HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = $"Seed of the family partition, the boosting and the bootstrap. Keep it across retrains so test families stay test families. Default {defaults.Seed}.", DefaultValueFactory = _ => defaults.Seed };
        var horizon = new Option<int>("--horizon-months") { Description = $"Months after T in which an escalation counts (1 to 60). Default {defaults.HorizonMonths}.", DefaultValueFactory = _ => defaults.HorizonMonths };
        var resamples = new Option<int>("--resamples") { Description = $"Bootstrap resamples for every interval (100 to 100000). Default {defaults.BootstrapResamples}.", DefaultValueFactory = _ => defaults.BootstrapResamples };
        var truth = new Option<string?>("--truth") { Description = "A synthetic city's truth folder (written by 'earlyhelp generate'): audit the model against true need as well. Never exists for a real hub.", HelpName = "DIR" };
        var backtest = new Option<int>("--backtest") { Description = "Also backtest over N consecutive test quarters ending at the test date (2 to 20): the model retrained at each, and the first one aged; writes backtest.json and backtest.html. Default: none.", HelpName = "N" };
        var regressionInputs = new Option<string>("--regression-inputs") { Description = "Whether the logistic regression caps each input at its training values' 0.5th and 99.5th percentiles: capped or uncapped. Default uncapped (docs/learning.md, \"Bounded inputs for the regression\").", HelpName = "capped|uncapped", DefaultValueFactory = _ => "uncapped" };
        regressionInputs.AcceptOnlyFromAmong("capped", "uncapped");
        var threads = new Option<int?>("--threads") { Description = "Threads for features and training. Default: every core. The model does not depend on it." };

        var command = new Command("train",
            "Train a candidate model from the hub: quarterly as-of dates, a split by time and by family, gradient-boosted trees with early stopping, " +
            "a calibrator, two baselines, test metrics with bootstrap intervals, a fairness and calibration audit by group, drift, a model card; " +
            "writes models/NAME and registers it as a candidate. Nothing reaches the panel until an analyst proposes it ('earlyhelp models propose') and an information governance reviewer signs it off ('earlyhelp models sign-off').");
        foreach (var option in new Option[] { hub, asOf, output, capacity, seed, horizon, resamples, truth, backtest, regressionInputs, threads })
            command.Options.Add(option);
        command.SetAction((parseResult, cancellation) =>
        {
            var writer = parseResult.InvocationConfiguration.Output;
            var folder = parseResult.GetRequiredValue(output);
            if (Directory.Exists(folder) || File.Exists(folder))
                throw new UsageException($"The model folder '{folder}' already exists; a model is never overwritten, so choose another --out.");
            var options = new TrainingOptions
            {
                AsOf = parseResult.GetValue(asOf),
                Capacity = parseResult.GetValue(capacity),
                Seed = parseResult.GetValue(seed),
                HorizonMonths = parseResult.GetValue(horizon),
                BootstrapResamples = parseResult.GetValue(resamples),
                Threads = parseResult.GetValue(threads),
                BacktestQuarters = parseResult.GetValue(backtest),
                CapRegressionInputs = parseResult.GetValue(regressionInputs) == "capped",
            };
            if (options.Validate().FirstOrDefault() is { } problem)
                throw new UsageException(problem);
            using var store = ExistingHub.Open(parseResult.GetRequiredValue(hub), parseResult);
            var request = new TrainingRequest
            {
                ModelFolder = folder, Actor = CommandActor.Resolve(parseResult, store, "train", [UserRole.Analyst]), TruthFolder = parseResult.GetValue(truth),
            };
            var result = ConsoleProgress.Run(writer, progress => TrainingPipeline.Run(store, request, options, progress, cancellation));
            TrainingSummary.Write(writer, result);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
