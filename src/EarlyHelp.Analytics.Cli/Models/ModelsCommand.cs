using System.CommandLine;
using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Pipelines.Comparison;
using EarlyHelp.Analytics.Pipelines.Promotion;
using EarlyHelp.Analytics.Pipelines.Registry;

namespace EarlyHelp.Analytics.Cli.Models;

/// <summary><c>earlyhelp models</c>: the registry. Subverbs <c>list</c>, <c>compare</c> and <c>promote</c>.</summary>
internal static class ModelsCommand
{
    /// <summary>Builds the verb with its subverbs.</summary>
    public static Command Create()
    {
        var command = new Command("models", "The model registry: list the models, compare two on the same test families, promote a candidate to champion.");
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateCompare());
        command.Subcommands.Add(CreatePromote());
        return command;
    }

    private static Command CreateList()
    {
        var hub = HubOption.Create();
        var directory = new Option<string>("--dir")
        {
            Description = "Folder of model folders to look in for folders the registry does not hold (an interrupted run's, or copied in). Default: models.",
            DefaultValueFactory = _ => "models",
            HelpName = "DIR",
        };
        var command = new Command("list", "List every registered model with its status, as-of date, test metrics and promotion, and flag folders that are missing, changed or not registered.");
        command.Options.Add(hub);
        command.Options.Add(directory);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            using var store = ExistingHub.Open(parseResult.GetRequiredValue(hub), parseResult);
            var listed = RegistryListing.List(store, parseResult.GetValue(directory));
            if (listed.Count == 0)
            {
                output.WriteLine($"No model is registered in {store.Name}. Train one with 'earlyhelp train'.");
                return ExitCodes.Success;
            }
            var table = new TextTable("name", "status", "as of", "test date", "auc", "ece", "precision@K", "promoted", "folder");
            foreach (var model in listed)
            {
                var registered = model.Registered;
                var metrics = registered?.Registration.Metrics;
                table.Add(model.Name, registered?.Status.Code() ?? "-", Date(registered?.Registration.AsOf), Date(registered?.Registration.TestAsOf),
                    Number(metrics, MetricNames.Auc, "0.000"), Number(metrics, MetricNames.ExpectedCalibrationError, "0.0000"), Number(metrics, MetricNames.PrecisionAtCapacity, "0.0%"),
                    registered?.Promotion is { } promotion ? $"{promotion.By} {promotion.At:yyyy-MM-dd}" : "-", FolderText(model));
            }
            table.WriteTo(output);
            foreach (var model in listed.Where(m => m.Registered?.Promotion is not null))
                output.WriteLine($"{model.Name}: promoted by {model.Registered!.Promotion!.By}: {model.Registered.Promotion.Note}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateCompare()
    {
        var hub = HubOption.Create();
        var first = new Argument<string>("A") { Description = "The first model's folder (models/NAME)." };
        var second = new Argument<string>("B") { Description = "The second model's folder; the table shows B minus A." };
        var command = new Command("compare", "Score two models on the same test families (those of the one tested later, rebuilt from the hub), side by side: metrics with paired intervals of B - A, fairness by group, flags, and drift.");
        command.Options.Add(hub);
        command.Arguments.Add(first);
        command.Arguments.Add(second);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            using var store = ExistingHub.Open(parseResult.GetRequiredValue(hub), parseResult);
            var report = ConsoleProgress.Run(output, progress => ModelComparison.Compare(store, parseResult.GetRequiredValue(first), parseResult.GetRequiredValue(second), progress));
            ComparisonText.Write(output, report);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreatePromote()
    {
        var hub = HubOption.Create();
        var name = new Argument<string>("NAME") { Description = "The candidate's name in the registry." };
        var note = new Option<string>("--note") { Description = "Why, and what was concluded about each fairness flag: the note must quote every flag's id.", HelpName = "TEXT", Required = true };
        var command = new Command("promote", "Make a candidate the champion the panel's scoring uses, if it beats both baselines, is no worse than the champion, is calibrated, shows no sign of leakage, and the note acknowledges every fairness flag. Refused otherwise, with every reason.");
        command.Options.Add(hub);
        command.Arguments.Add(name);
        command.Options.Add(note);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            using var store = ExistingHub.Open(parseResult.GetRequiredValue(hub), parseResult);
            // Promotion is an information governance decision: it needs a named IG reviewer's account, whatever the hub holds.
            var by = CommandActor.Resolve(parseResult, store, "models promote", [UserRole.Governance], accountRequired: true);
            var outcome = ConsoleProgress.Run(output, progress => ModelPromoter.Promote(store, parseResult.GetRequiredValue(name), by, parseResult.GetRequiredValue(note), progress));
            var checks = new TextTable("check", "result", "detail");
            foreach (var check in outcome.Checks)
                checks.Add(check.Rule, check.Passed ? "pass" : "FAIL", check.Detail);
            checks.WriteTo(output);
            switch (outcome)
            {
                case PromotionOutcome.Promoted promoted:
                    output.WriteLine($"Promoted {promoted.Model.Name} to champion{(promoted.Retired is null ? "" : $"; {promoted.Retired} is retired")}. Recorded in the registry and the audit log.");
                    return ExitCodes.Success;
                case PromotionOutcome.Refused refused:
                    parseResult.InvocationConfiguration.Error.WriteLine($"earlyhelp: {refused.Name}: promotion refused: {string.Join("; ", refused.Failed.Select(f => f.Rule))}");
                    return ExitCodes.BadInput;
                default:
                    throw new InvalidOperationException("Unknown promotion outcome.");
            }
        });
        return command;
    }


    private static string FolderText(ListedModel model) => model.State switch
    {
        FolderState.Intact => model.Folder ?? "",
        FolderState.Missing => $"MISSING {model.Folder}",
        FolderState.Changed => $"CHANGED (model file hash differs) {model.Folder}",
        FolderState.NotRegistered => $"NOT REGISTERED {model.Folder} (never used for scoring)",
        FolderState.Partial => $"PARTIAL {model.Folder} (an interrupted run; the next run of that name removes it)",
        _ => model.Folder ?? "",
    };

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    private static string Number(IReadOnlyDictionary<string, double>? metrics, string name, string format) =>
        metrics is not null && metrics.TryGetValue(name, out var value) ? value.ToString(format, CultureInfo.InvariantCulture) : "-";
}
