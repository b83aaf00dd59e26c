using System.CommandLine;
using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Cli.People;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Rights;
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
        command.Subcommands.Add(Withdraw());
        command.Subcommands.Add(List());
        return command;
    }

    /// <summary>How far, in bits, the best candidate of a search must stand above the next for the register to take them without an id (odds 1,000 to 1).</summary>
    public const double ClearMargin = 10;

    private static Command Add()
    {
        var hub = HubOption.CreatedIfMissing();
        var person = new Option<long?>("--person") { Description = "The person's hub id, as 'earlyhelp person find' showed it; or find them with the options below.", HelpName = "ID" };
        var query = new PersonQueryOptions();
        var reason = new Option<string>("--reason")
        {
            Description = $"Why, e.g. \"objected to profiling (UK GDPR article 21)\"; up to {MaximumReasonLength} characters.",
            Required = true,
            HelpName = "TEXT",
        };
        var command = new Command("add",
            "Put a person on the register: their families are left out of the next run and every prompt of those families, reviewed ones too, is hidden at once (no view, re-identification or amendment). " +
            "Give --person ID, or --forename, --surname and --dob (and --postcode): the person is found as 'person find' does, and taken only when one candidate " +
            $"stands {ClearMargin:0} bits (odds 1,000 to 1) above the next; otherwise the candidates are listed. Audited.");
        command.Options.Add(hub);
        command.Options.Add(person);
        query.AddTo(command);
        command.Options.Add(reason);
        command.SetAction(parseResult =>
        {
            var why = parseResult.GetValue(reason)!.Trim();
            if (why.Length is 0 or > MaximumReasonLength)
                throw new UsageException($"The '--reason' option must hold 1 to {MaximumReasonLength} characters. Got {why.Length} instead.");
            var given = parseResult.GetValue(person);
            var searching = query.AnyGiven(parseResult);
            if (given is null == !searching)
                throw new UsageException("Give either '--person' or '--forename', '--surname' and '--dob', not both and not neither.");
            if (given < 1)
                throw new UsageException($"The '--person' option must be a hub id of at least 1. Got {given} instead.");
            var wanted = searching ? query.Read(parseResult) : null;
            using var store = AuditKeyOption.OpenHub(parseResult, parseResult.GetValue(hub)!);
            var actor = CommandActor.Resolve(parseResult, store, "opt-out add", [UserRole.Administrator]);
            var output = parseResult.InvocationConfiguration.Output;
            var id = given ?? Found(store, wanted!, why, actor, output);
            var added = store.OptOuts.Add(new PersonId(id), why, actor);
            output.WriteLine(added
                ? $"Person {id} is on the opt-out register; every prompt about a family they belonged to on its scoring date is hidden, and the families will be left out of the next run."
                : $"Person {id} was already on the opt-out register; nothing changed.");
            return ExitCodes.Success;
        });
        return command;
    }

    // The one candidate standing clear of the rest, or BadInputException listing them all for a person to choose from.
    private static long Found(Hub.Store.IHubStore store, PersonQuery query, string reason, string actor, TextWriter output)
    {
        var candidates = store.People.Find(query, $"opt-out: {reason}", actor, limit: 5);
        if (candidates.Count > 0 && (candidates.Count == 1 || candidates[0].MatchWeight - candidates[1].MatchWeight >= ClearMargin))
            return candidates[0].Person.Value;
        PersonQueryOptions.Write(output, candidates);
        throw new BadInputException("opt-out add", candidates.Count == 0
            ? "no one in the hub matches; nothing was added"
            : string.Create(CultureInfo.InvariantCulture, $"no candidate stands {ClearMargin:0} bits above the next; choose one of those listed and give '--person ID'; nothing was added"));
    }

    private static Command Withdraw()
    {
        var hub = HubOption.Create();
        var person = new Option<long>("--person") { Description = "The person's hub id, as 'opt-out list' shows it.", Required = true, HelpName = "ID" };
        var reason = new Option<string>("--reason")
        {
            Description = $"Why, e.g. \"the person withdrew the objection in writing\"; up to {MaximumReasonLength} characters. Audited.",
            Required = true,
            HelpName = "TEXT",
        };
        var command = new Command("withdraw", "Withdraw a person's entry, with the reason: their families are scored again at the next run. Audited.");
        command.Options.Add(hub);
        command.Options.Add(person);
        command.Options.Add(reason);
        command.SetAction(parseResult =>
        {
            var id = parseResult.GetValue(person);
            var why = parseResult.GetValue(reason)!.Trim();
            if (why.Length is 0 or > MaximumReasonLength)
                throw new UsageException($"The '--reason' option must hold 1 to {MaximumReasonLength} characters. Got {why.Length} instead.");
            using var store = ExistingHub.Open(parseResult.GetValue(hub)!, parseResult);
            var withdrawn = store.OptOuts.Withdraw(new PersonId(id), why, CommandActor.Resolve(parseResult, store, "opt-out withdraw", [UserRole.Administrator]));
            parseResult.InvocationConfiguration.Output.WriteLine(withdrawn
                ? $"Person {id}'s entry is withdrawn; their families will be scored again at the next run."
                : $"Person {id} was not on the opt-out register; nothing changed.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List()
    {
        var hub = HubOption.Create();
        var command = new Command("list", "List the register: person, when recorded, by whom, reason. Audited, as the register names people.");
        command.Options.Add(hub);
        command.SetAction(parseResult =>
        {
            using var store = ExistingHub.Open(parseResult.GetValue(hub)!, parseResult);
            var actor = CommandActor.Resolve(parseResult, store, "opt-out list", [UserRole.Administrator]);
            var register = store.OptOuts.List();
            // The same entry the app's /opt-outs page writes for the same look.
            store.AuditLog.Append(actor, "opt_outs.view", "opt-out register", string.Create(CultureInfo.InvariantCulture, $"{register.Count} people"));
            var table = new TextTable("person", "recorded (UTC)", "recorded by", "reason");
            foreach (var entry in register)
                table.Add(entry.Person.ToString(), entry.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), entry.RecordedBy ?? "not recorded", entry.Reason);
            table.WriteTo(parseResult.InvocationConfiguration.Output);
            return ExitCodes.Success;
        });
        return command;
    }
}
