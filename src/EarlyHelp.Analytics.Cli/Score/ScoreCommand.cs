using System.CommandLine;
using EarlyHelp.Analytics.Cli.AuditLog;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Pipelines.Scoring;

namespace EarlyHelp.Analytics.Cli.Score;

/// <summary><c>earlyhelp score</c>: scores every eligible family at T and stores the top K as prompts for the panel.</summary>
internal static class ScoreCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var defaults = new ScoringOptions { AsOf = default, Capacity = 1 };
        var hub = HubOption.Create();
        hub.Description = "The hub: a SQLite file path or a PostgreSQL connection string (Host=…;Database=…), which must hold a hub. The run and its prompts are stored in it.";
        var model = new Option<string?>("--model") { Description = "A registered model's folder, models/NAME. Default: the registry's champion. A model that is not the champion needs --trial.", HelpName = "models/NAME" };
        var trial = new Option<bool>("--trial") { Description = "Score with the --model that is not the champion, for evaluation: the run is marked as a trial on every page, in the audit log and in the run record." };
        var asOf = DateOption.Create("--as-of", "The as-of date T: features use only what was recorded before T. At most the day after the hub's extract date.");
        var capacity = new Option<int>("--capacity") { Description = "The panel's capacity K: how many prompts to store, the K highest-ranked families. At least 1.", HelpName = "K", Required = true };
        var raising = new Option<int>("--raising-factors") { Description = $"Factors that raised the score shown on each prompt (1 to 20). Default {defaults.RaisingFactors}.", DefaultValueFactory = _ => defaults.RaisingFactors };
        var lowering = new Option<int>("--lowering-factors") { Description = $"Factors that lowered the score shown on each prompt (0 to 20). Default {defaults.LoweringFactors}.", DefaultValueFactory = _ => defaults.LoweringFactors };
        var threads = new Option<int?>("--threads") { Description = "Threads for features, scores and explanations. Default: every core. The run does not depend on it." };
        var command = new Command("score",
            "Score every eligible family at the as-of date with the champion (or, as a marked trial, another registered model), rank them by calibrated probability, " +
            "and store the run with the top K as prompts for professional review, each with dated evidence, trajectories, agencies and data freshness. " +
            "Families on the opt-out register, without a dependent child or already in statutory care are counted, never scored.");
        foreach (var option in new Option[] { hub, model, trial, asOf, capacity, raising, lowering, threads })
            command.Options.Add(option);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var options = new ScoringOptions
            {
                AsOf = parseResult.GetValue(asOf),
                Capacity = parseResult.GetValue(capacity),
                RaisingFactors = parseResult.GetValue(raising),
                LoweringFactors = parseResult.GetValue(lowering),
                Threads = parseResult.GetValue(threads),
            };
            if (options.Validate().FirstOrDefault() is { } problem)
                throw new UsageException(problem);
            using var store = ExistingHub.Open(parseResult.GetRequiredValue(hub), parseResult);
            AuditCheckpoints.Write(store);
            var request = new ScoringRequest { ModelFolder = parseResult.GetValue(model), Trial = parseResult.GetValue(trial), Actor = CommandActor.Resolve(parseResult, store, "score", [UserRole.Analyst]) };
            var result = ConsoleProgress.Run(output, progress => ScoringPipeline.Run(store, request, options, progress));
            ScoringSummary.Write(output, result);
            return ExitCodes.Success;
        });
        return command;
    }
}
