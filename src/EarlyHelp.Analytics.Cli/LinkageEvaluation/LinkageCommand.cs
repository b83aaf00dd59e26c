using System.CommandLine;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Identity;

namespace EarlyHelp.Analytics.Cli.LinkageEvaluation;

/// <summary><c>earlyhelp linkage</c>: how well the hub linked its records. Subverb <c>evaluate</c> compares it with a synthetic city's truth.</summary>
internal static class LinkageCommand
{
    /// <summary>Builds the verb with its subverbs.</summary>
    public static Command Create()
    {
        var command = new Command("linkage", "Check how well the hub linked agency records into people.");
        command.Subcommands.Add(CreateEvaluate());
        command.Subcommands.Add(SensitivityCommand.Create());
        return command;
    }

    private static Command CreateEvaluate()
    {
        var hub = HubOption.Create();
        var truth = new Option<string>("--truth")
        {
            Description = "The synthetic city's truth folder (with record_people.csv, people.csv, people_protected.csv).",
            Required = true,
        };
        var command = new Command("evaluate",
            "Compare the people the hub linked its records into with a synthetic city's truth: pairwise precision, recall and F1, " +
            "cluster measures, missed and false links by ethnic group, sex and age band with 95% Wilson intervals, and family coverage.");
        command.Options.Add(hub);
        command.Options.Add(truth);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            using var store = ExistingHub.Open(parseResult.GetValue(hub)!, parseResult);
            var asOf = store.ExtractDate ?? throw new BadInputException(store.Name, "the hub holds no extract yet; load one with 'earlyhelp ingest' first");
            var records = store.ReadRecordPeople();
            var result = Hub.Identity.LinkageEvaluation.Evaluate(records, parseResult.GetValue(truth)!, asOf);
            var families = FamilyEvaluation.Evaluate(records, store.OpenReader().FamilyMemberships(), parseResult.GetValue(truth)!, asOf);
            LinkageEvaluationText.Write(output, store.Name, parseResult.GetValue(truth)!, result);
            LinkageEvaluationText.Write(output, families);
            return ExitCodes.Success;
        });
        return command;
    }
}
