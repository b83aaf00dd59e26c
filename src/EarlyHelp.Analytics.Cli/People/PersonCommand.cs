using System.CommandLine;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Cli.People;

/// <summary><c>earlyhelp person find</c>: finding a person for a right, by name and date of birth.</summary>
internal static class PersonCommand
{
    /// <summary>The longest purpose accepted.</summary>
    public const int MaximumPurposeLength = 500;

    /// <summary>Builds the verb and its sub-verb.</summary>
    public static Command Create()
    {
        var command = new Command("person", "Find a person for a right (access, objection, rectification) by name and date of birth.");
        command.Subcommands.Add(Find());
        return command;
    }

    /// <summary>A new required <c>--purpose</c> option.</summary>
    public static Option<string> PurposeOption() => new("--purpose")
    {
        Description = $"Why you are looking, e.g. \"subject access request 2026-114\"; recorded in the audit log. Up to {MaximumPurposeLength} characters.",
        Required = true,
        HelpName = "TEXT",
    };

    /// <summary>The purpose given, checked.</summary>
    public static string Purpose(ParseResult parseResult, Option<string> option)
    {
        var purpose = parseResult.GetValue(option)!.Trim();
        if (purpose.Length is 0 or > MaximumPurposeLength)
            throw new UsageException($"The '--purpose' option must hold 1 to {MaximumPurposeLength} characters. Got {purpose.Length} instead.");
        return purpose;
    }

    private static Command Find()
    {
        var hub = HubOption.Create();
        var query = new PersonQueryOptions();
        var purpose = PurposeOption();
        var limit = new Option<int>("--limit") { Description = "How many candidates to show. Default 10.", DefaultValueFactory = _ => 10, HelpName = "N" };
        var command = new Command("find",
            "Rank the hub's people against a name, date of birth and postcode with the linkage model's comparisons and weights: each person's " +
            "best record, its match weight (bits) and probability. Every search states its purpose and is audited with the people it showed.");
        command.Options.Add(hub);
        query.AddTo(command);
        command.Options.Add(purpose);
        command.Options.Add(limit);
        command.SetAction(parseResult =>
        {
            var wanted = query.Read(parseResult);
            var why = Purpose(parseResult, purpose);
            var count = parseResult.GetValue(limit);
            if (count < 1)
                throw new UsageException($"The '--limit' option must be at least 1. Got {count} instead.");
            using var store = ExistingHub.Open(parseResult.GetValue(hub)!, parseResult);
            var actor = CommandActor.Resolve(parseResult, store, "person find", [UserRole.Administrator, UserRole.Governance]);
            PersonQueryOptions.Write(parseResult.InvocationConfiguration.Output, store.People.Find(wanted, why, actor, count));
            return ExitCodes.Success;
        });
        return command;
    }
}
