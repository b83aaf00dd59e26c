using System.CommandLine;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Cli.People;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Rights;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Cli.SubjectAccess;

/// <summary><c>earlyhelp subject-access</c>: everything the hub holds about one person, as JSON and a readable page.</summary>
internal static class SubjectAccessCommand
{
    /// <summary>The purpose recorded when none is given.</summary>
    public const string DefaultPurpose = "subject access request (UK GDPR article 15)";

    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var hub = HubOption.Create();
        var person = new Option<long>("--person") { Description = "The person's hub id, as 'earlyhelp person find' showed it.", Required = true, HelpName = "ID" };
        var output = new Option<string>("--out") { Description = "The folder to write subject-access.json and subject-access.html into (created if missing).", Required = true, HelpName = "DIR" };
        var purpose = new Option<string>("--purpose") { Description = $"The request it answers, recorded in the audit log. Default \"{DefaultPurpose}\".", DefaultValueFactory = _ => DefaultPurpose, HelpName = "TEXT" };
        var command = new Command("subject-access",
            "Export everything the hub holds about one person: their agency records as received, events, residences, family memberships, the prompts " +
            "and reviews about their families, their objections, and every audit entry of someone finding, viewing or re-identifying them. Other people's " +
            "data is left out. Writes DIR/subject-access.json and DIR/subject-access.html. The export is audited.");
        command.Options.Add(hub);
        command.Options.Add(person);
        command.Options.Add(output);
        command.Options.Add(purpose);
        command.SetAction(parseResult =>
        {
            var id = parseResult.GetValue(person);
            if (id < 1)
                throw new UsageException($"The '--person' option must be a hub id of at least 1. Got {id} instead.");
            var why = PersonCommand.Purpose(parseResult, purpose);
            using var store = ExistingHub.Open(parseResult.GetValue(hub)!, parseResult);
            var actor = CommandActor.Resolve(parseResult, store, "subject-access", [UserRole.Administrator, UserRole.Governance]);
            var report = store.SubjectAccess.Export(new PersonId(id), why, actor);
            var (json, html) = SubjectAccessFiles.Write(report, parseResult.GetValue(output)!);
            parseResult.InvocationConfiguration.Output.WriteLine(
                $"Wrote {json} and {html}: {report.Records.Count} records, {report.Events.Count} events, {report.Prompts.Count} prompts, {report.Accesses.Count} accesses.");
            return ExitCodes.Success;
        });
        return command;
    }
}
