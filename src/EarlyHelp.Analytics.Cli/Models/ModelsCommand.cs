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

/// <summary><c>earlyhelp models</c>: the registry. Subverbs <c>list</c>, <c>compare</c>, <c>propose</c>, <c>sign-off</c> (or <c>promote</c>) and <c>refuse</c>.</summary>
internal static class ModelsCommand
{
    /// <summary>Builds the verb with its subverbs.</summary>
    public static Command Create()
    {
        var command = new Command("models", "The model registry: list the models, compare two on the same test families, propose a candidate (analysts) and sign it off or refuse it (information governance).");
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateCompare());
        command.Subcommands.Add(CreatePropose());
        command.Subcommands.Add(CreateSignOff("sign-off", "An information governance reviewer's step: sign off a proposed candidate with a note answering each fairness flag; only then is it the champion."));
        // The older verb name, kept so that scripts and runbooks keep working: it is the sign-off, and needs a proposal too.
        command.Subcommands.Add(CreateSignOff("promote", "The same as 'sign-off': an information governance reviewer makes a proposed candidate the champion."));
        command.Subcommands.Add(CreateRefuse());
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
            var table = new TextTable("name", "kind", "status", "as of", "test date", "auc", "ece", "precision@K", "promoted", "folder");
            foreach (var model in listed)
            {
                var registered = model.Registered;
                var metrics = registered?.Registration.Metrics;
                table.Add(model.Name, model.Kind ?? "-", registered?.Status.Code() ?? "-", Date(registered?.Registration.AsOf), Date(registered?.Registration.TestAsOf),
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

    private static Command CreatePropose()
    {
        var (hub, name, note) = DecisionOptions("Why the candidate should replace the champion.");
        var command = new Command("propose", "An analyst's step: put a candidate forward for an information governance sign-off, if it beats both baselines, is no worse than the champion, is calibrated and shows no sign of leakage. Refused otherwise, with every reason.");
        AddAll(command, hub, name, note);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            using var store = ExistingHub.Open(parseResult.GetRequiredValue(hub), parseResult);
            var by = CommandActor.Resolve(parseResult, store, "models propose", [UserRole.Analyst], accountRequired: true);
            var outcome = ConsoleProgress.Run(output, progress => ModelPromoter.Propose(store, parseResult.GetRequiredValue(name), by, parseResult.GetRequiredValue(note), progress));
            return Report(parseResult, outcome);
        });
        return command;
    }

    private static Command CreateSignOff(string verb, string description)
    {
        var (hub, name, note) = DecisionOptions("What was concluded about each fairness flag: the note must quote every flag's id.");
        var command = new Command(verb, description);
        AddAll(command, hub, name, note);
        command.SetAction(parseResult =>
        {
            using var store = ExistingHub.Open(parseResult.GetRequiredValue(hub), parseResult);
            // Promotion is an information governance decision: it needs a named IG reviewer's account, whatever the hub holds.
            var by = CommandActor.Resolve(parseResult, store, $"models {verb}", [UserRole.Governance], accountRequired: true);
            return Report(parseResult, ModelPromoter.Promote(store, parseResult.GetRequiredValue(name), by, parseResult.GetRequiredValue(note)));
        });
        return command;
    }

    private static Command CreateRefuse()
    {
        var (hub, name, note) = DecisionOptions("Why the proposal is refused.");
        var command = new Command("refuse", "An information governance reviewer's step: refuse a proposed candidate; it stays a candidate and may be proposed again.");
        AddAll(command, hub, name, note);
        command.SetAction(parseResult =>
        {
            using var store = ExistingHub.Open(parseResult.GetRequiredValue(hub), parseResult);
            var by = CommandActor.Resolve(parseResult, store, "models refuse", [UserRole.Governance], accountRequired: true);
            var refused = store.Models.Refuse(parseResult.GetRequiredValue(name), by, parseResult.GetRequiredValue(note));
            parseResult.InvocationConfiguration.Output.WriteLine($"Refused proposal {refused.Id} of {refused.Model} (proposed by {refused.ProposedBy}); it stays a candidate. Recorded in the registry and the audit log.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static (Option<string> Hub, Argument<string> Name, Option<string> Note) DecisionOptions(string noteDescription) =>
        (HubOption.Create(), new Argument<string>("NAME") { Description = "The candidate's name in the registry." },
            new Option<string>("--note") { Description = noteDescription, HelpName = "TEXT", Required = true });

    private static void AddAll(Command command, Option<string> hub, Argument<string> name, Option<string> note)
    {
        command.Options.Add(hub);
        command.Arguments.Add(name);
        command.Options.Add(note);
    }

    private static int Report(ParseResult parseResult, PromotionOutcome outcome)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var checks = new TextTable("check", "result", "detail");
        foreach (var check in outcome.Checks)
            checks.Add(check.Rule, check.Passed ? "pass" : "FAIL", check.Detail);
        checks.WriteTo(output);
        switch (outcome)
        {
            case PromotionOutcome.Proposed proposed:
                var flags = proposed.Proposal.Evidence.FlagIds;
                output.WriteLine($"Proposed {proposed.Proposal.Model} (proposal {proposed.Proposal.Id}); it becomes the champion only when an information governance reviewer signs it off"
                    + (flags.Count == 0 ? "." : $" with a note answering each fairness flag: {string.Join(", ", flags)}."));
                return ExitCodes.Success;
            case PromotionOutcome.Promoted promoted:
                output.WriteLine($"Signed off: {promoted.Model.Name} is the champion{(promoted.Retired is null ? "" : $"; {promoted.Retired} is retired")}. Recorded in the registry and the audit log.");
                return ExitCodes.Success;
            case PromotionOutcome.Refused refused:
                parseResult.InvocationConfiguration.Error.WriteLine($"earlyhelp: {refused.Name}: proposal refused: {string.Join("; ", refused.Failed.Select(f => f.Rule))}");
                return ExitCodes.BadInput;
            default:
                throw new InvalidOperationException("Unknown promotion outcome.");
        }
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
