using System.CommandLine;
using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Cli.OptOut;

/// <summary><c>earlyhelp opt-out add|list</c>: the register of people who objected to, or restricted, processing.</summary>
internal static class OptOutCommand
{
    /// <summary>The longest reason accepted.</summary>
    public const int MaximumReasonLength = 500;

    /// <summary>Builds the verb and its sub-verbs.</summary>
    public static Command Create()
    {
        var command = new Command("opt-out", "The opt-out register: families with a member on it are never scored.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        return command;
    }

    private static Command Add()
    {
        var hub = HubOption.CreatedIfMissing();
        var person = new Option<long>("--person") { Description = "The person's hub id.", Required = true, HelpName = "ID" };
        var reason = new Option<string>("--reason")
        {
            Description = $"Why, e.g. \"objected to profiling (UK GDPR article 21)\"; up to {MaximumReasonLength} characters.",
            Required = true,
            HelpName = "TEXT",
        };
        var command = new Command("add",
            "Put a person on the register: their families are left out of the next run and the open (not yet reviewed) prompts of those families are hidden at once. Audited.");
        command.Options.Add(hub);
        command.Options.Add(person);
        command.Options.Add(reason);
        command.SetAction(parseResult =>
        {
            var id = parseResult.GetValue(person);
            var why = parseResult.GetValue(reason)!.Trim();
            if (id < 1)
                throw new UsageException($"The '--person' option must be a hub id of at least 1. Got {id} instead.");
            if (why.Length is 0 or > MaximumReasonLength)
                throw new UsageException($"The '--reason' option must hold 1 to {MaximumReasonLength} characters. Got {why.Length} instead.");
            using var store = AuditKeyOption.OpenHub(parseResult, parseResult.GetValue(hub)!);
            var added = store.OptOuts.Add(new PersonId(id), why, CommandActor.Resolve(parseResult, store, "opt-out add", [UserRole.Administrator]));
            parseResult.InvocationConfiguration.Output.WriteLine(added
                ? $"Person {id} is on the opt-out register; open prompts of their families are hidden, and the families will be left out of the next run."
                : $"Person {id} was already on the opt-out register; nothing changed.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List()
    {
        var hub = HubOption.Create();
        var command = new Command("list", "List the register: person, when recorded, reason.");
        command.Options.Add(hub);
        command.SetAction(parseResult =>
        {
            using var store = ExistingHub.Open(parseResult.GetValue(hub)!, parseResult);
            var table = new TextTable("person", "recorded (UTC)", "reason");
            foreach (var entry in store.OptOuts.List())
                table.Add(entry.Person.ToString(), entry.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), entry.Reason);
            table.WriteTo(parseResult.InvocationConfiguration.Output);
            return ExitCodes.Success;
        });
        return command;
    }
}
