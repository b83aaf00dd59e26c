using System.CommandLine;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Lifecycle;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Cli.Records;

/// <summary><c>earlyhelp record remove|unlink</c>: an administrator corrects what the hub holds, one agency record at a time, with the reason audited.</summary>
internal static class RecordCommand
{
    /// <summary>The longest reason accepted.</summary>
    public const int MaximumReasonLength = 500;

    /// <summary>Builds the verb and its sub-verbs.</summary>
    public static Command Create()
    {
        var command = new Command("record", "Correct one agency record: remove a wrongly held one, or unlink a wrongly linked one.");
        command.Subcommands.Add(Sub("remove",
            "Delete a record the hub should not hold (shared in error, not the council's resident), with its event and versions; people, households " +
            "and families are rebuilt from what remains. Audited with the reason. The agency still holds it: raise it with them, or their next full " +
            "extract brings it back.",
            (store, key, reason, actor) =>
            {
                var result = RecordRemoval.Remove(store, key, reason, actor);
                return $"Removed {result.Records} record(s); people in the hub: {result.PeopleBefore} before, {result.PeopleAfter} after.";
            }));
        command.Subcommands.Add(Sub("unlink",
            "Take a wrongly linked record out of its person: it becomes a person of its own at once, and a clerical 'different' decision against " +
            "each other record of that person keeps it apart at every later linkage. Audited with the reason.",
            (store, key, reason, actor) =>
            {
                var result = RecordUnlinking.Unlink(store, key, reason, actor);
                return $"The record is taken out of person {result.FormerPerson} and is now person {result.NewPerson}; {result.Decisions} 'different' decision(s) recorded.";
            }));
        return command;
    }

    private static Command Sub(string name, string description, Func<Hub.Store.IHubStore, (string, string), string, string, string> act)
    {
        var hub = HubOption.Create();
        var dataset = new Option<string>("--dataset") { Description = "The record's dataset, e.g. police.asb_incident or council_tax_occupants.", Required = true, HelpName = "CODE" };
        var record = new Option<string>("--record") { Description = "The record's reference in the hub, as subject access or clerical review shows it.", Required = true, HelpName = "REF" };
        var reason = new Option<string>("--reason") { Description = $"Why; up to {MaximumReasonLength} characters. Audited.", Required = true, HelpName = "TEXT" };
        var command = new Command(name, description);
        command.Options.Add(hub);
        command.Options.Add(dataset);
        command.Options.Add(record);
        command.Options.Add(reason);
        command.SetAction(parseResult =>
        {
            var why = parseResult.GetValue(reason)!.Trim();
            if (why.Length is 0 or > MaximumReasonLength)
                throw new UsageException($"The '--reason' option must hold 1 to {MaximumReasonLength} characters. Got {why.Length} instead.");
            using var store = ExistingHub.Open(parseResult.GetValue(hub)!, parseResult);
            var actor = CommandActor.Resolve(parseResult, store, $"record {name}", [UserRole.Administrator]);
            parseResult.InvocationConfiguration.Output.WriteLine(act(store, (parseResult.GetValue(dataset)!.Trim(), parseResult.GetValue(record)!.Trim()), why, actor));
            return ExitCodes.Success;
        });
        return command;
    }
}
