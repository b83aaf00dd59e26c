using System.CommandLine;
using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;

namespace EarlyHelp.Analytics.Cli.AuditLog;

/// <summary><c>earlyhelp audit-log verify|show</c>: checks and reads the hub's hash-chained audit log.</summary>
internal static class AuditLogCommand
{
    /// <summary>Builds the verb and its sub-verbs.</summary>
    public static Command Create()
    {
        var command = new Command("audit-log", "Check or read the hub's append-only, hash-chained audit log.");
        command.Subcommands.Add(Verify());
        command.Subcommands.Add(Show());
        return command;
    }

    private static Command Verify()
    {
        var hub = HubOption.Create();
        var command = new Command("verify",
            "Check every entry's hash and its link to the entry before. Exit code 0 when intact; 1, naming the first broken entry, when an entry was changed, removed or reordered.");
        command.Options.Add(hub);
        command.SetAction(parseResult =>
        {
            using var store = ExistingHub.Open(parseResult.GetValue(hub)!);
            var verification = store.AuditLog.Verify();
            if (!verification.IsIntact)
            {
                throw new BadInputException(store.Name, string.Create(CultureInfo.InvariantCulture,
                    $"the audit log is broken at entry {verification.FirstBrokenId}: {verification.Problem} ({Entries(verification.Entries)} before it check out)"));
            }
            parseResult.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"The audit log of {store.Name} is intact: {Entries(verification.Entries)} checked."));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show()
    {
        var hub = HubOption.Create();
        var action = new Option<string?>("--action") { Description = "Only this action, or the actions under it (sign_in covers sign_in.failure).", HelpName = "ACTION" };
        var actor = new Option<string?>("--actor") { Description = "Only this actor (a user name).", HelpName = "NAME" };
        var since = new Option<string?>("--since") { Description = "Only entries on or after this day, YYYY-MM-DD (UTC).", HelpName = "DATE" };
        var limit = new Option<int>("--limit") { Description = "The newest this many entries that pass the filter. Default 50.", DefaultValueFactory = _ => 50, HelpName = "N" };
        var command = new Command("show", "Show audit log entries, oldest first.");
        command.Options.Add(hub);
        command.Options.Add(action);
        command.Options.Add(actor);
        command.Options.Add(since);
        command.Options.Add(limit);
        command.SetAction(parseResult =>
        {
            DateTimeOffset? from = null;
            if (parseResult.GetValue(since) is { } day)
            {
                if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    throw new UsageException($"The '--since' option must be a date such as 2024-03-01. Got '{day}' instead.");
                from = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }
            if (parseResult.GetValue(limit) < 1)
                throw new UsageException($"The '--limit' option must be at least 1. Got {parseResult.GetValue(limit)} instead.");
            using var store = ExistingHub.Open(parseResult.GetValue(hub)!);
            var entries = store.AuditLog.Search(new AuditFilter
            {
                Action = parseResult.GetValue(action), Actor = parseResult.GetValue(actor), From = from, Limit = parseResult.GetValue(limit),
            });
            var table = new TextTable("id", "at (UTC)", "actor", "action", "subject", "detail");
            foreach (var entry in entries.Reverse())
            {
                table.Add(entry.Id.ToString(CultureInfo.InvariantCulture), entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    entry.Actor, entry.Action, entry.Subject, entry.Detail);
            }
            table.WriteTo(parseResult.InvocationConfiguration.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Entries(long count) => string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "entry" : "entries")}");
}
