using System.CommandLine;
using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Cli.AuditLog;

/// <summary><c>earlyhelp audit-log verify|show</c>: checks and reads the hub's keyed, chained audit log.</summary>
internal static class AuditLogCommand
{
    /// <summary>Builds the verb and its sub-verbs.</summary>
    public static Command Create()
    {
        var command = new Command("audit-log", "Check or read the hub's append-only audit log, chained by a MAC under the audit key.");
        command.Subcommands.Add(Verify());
        command.Subcommands.Add(Show());
        return command;
    }

    private static Command Verify()
    {
        var hub = HubOption.Create();
        var checkpoint = new Option<string?>("--checkpoint")
        {
            Description = $"The checkpoint file to check the hub against and append to. Default: ${AuditCheckpoint.EnvironmentVariable}, else the hub's path followed by {AuditCheckpoint.DefaultSuffix}.",
            HelpName = "FILE",
        };
        var export = new Option<string?>("--export")
        {
            Description = "Check an audit log export (CSV from the panel app) instead of the hub's log: each entry's MAC, and the links between consecutive entries.",
            HelpName = "FILE.csv",
        };
        var command = new Command("verify",
            "Check the audit trail with the audit key: every entry's and review's MAC and its link to the one before, and each checkpoint in the " +
            "checkpoint file against the hub; then append a new checkpoint. Exit code 0 when intact; 1, naming what is wrong, when an entry or review " +
            "was changed, removed or reordered, or the trail was cut back.");
        command.Options.Add(hub);
        command.Options.Add(checkpoint);
        command.Options.Add(export);
        command.SetAction(parseResult =>
        {
            using var store = ExistingHub.Open(parseResult.GetValue(hub)!, parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(export) is { } exportFile)
            {
                VerifyExport(store, exportFile, output);
                return ExitCodes.Success;
            }
            // A missing file is a first verify: it reports 0 checkpoints checked and starts the file.
            var checkpointFile = AuditCheckpoint.FileFor(store.Name, parseResult.GetValue(checkpoint));
            var verification = store.AuditLog.Verify(AuditCheckpoint.Read(checkpointFile));
            if (!verification.IsIntact)
                throw new BadInputException(store.Name, Broken(verification));
            AuditCheckpoints.Write(store, checkpointFile);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"The audit log of {store.Name} is intact: {Count(verification.Entries, "entry", "entries")}, {Count(verification.Reviews, "review", "reviews")} and {Count(verification.Checkpoints, "checkpoint", "checkpoints")} checked."));
            if (verification.UnkeyedEntries > 0 || verification.UnkeyedReviews > 0)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Count(verification.UnkeyedEntries, "entry", "entries")} and {Count(verification.UnkeyedReviews, "review", "reviews")} were written before the trail was keyed: they are checked by SHA-256 alone, which anyone who can write the hub can recompute."));
            }
            if (verification.RemovedEntries > 0)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Entries 1 to {verification.RemovedEntries} were removed by retention; the chain was checked from the entry recording the cut."));
            output.WriteLine($"Checkpoint written to {checkpointFile}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void VerifyExport(IHubStore store, string exportFile, TextWriter output)
    {
        if (!File.Exists(exportFile))
            throw new BadInputException(exportFile, "there is no export file here");
        var verification = store.AuditLog.VerifyExport(AuditCsv.Read(exportFile));
        if (!verification.IsIntact)
            throw new BadInputException(exportFile, Broken(verification));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"The audit log export {exportFile} checks out: {Count(verification.Entries, "entry", "entries")} checked with the audit key."));
    }

    private static string Broken(AuditVerification verification) => verification.FirstBrokenId is { } id
        ? string.Create(CultureInfo.InvariantCulture,
            $"the audit log is broken at entry {id}: {verification.Problem} ({Count(verification.Entries, "entry", "entries")} before it check out)")
        : $"the audit trail is broken: {verification.Problem}";

    private static Command Show()
    {
        var hub = HubOption.Create();
        var action = new Option<string?>("--action") { Description = "Only this action, or the actions under it (sign_in covers sign_in.failure).", HelpName = "ACTION" };
        var actor = new Option<string?>("--actor") { Description = "Only this actor (a user name).", HelpName = "NAME" };
        var since = new Option<string?>("--since") { Description = "Only entries on or after this day, YYYY-MM-DD (UTC).", HelpName = "DATE" };
        var limit = new Option<int>("--limit") { Description = "The newest this many entries that pass the filter. Default 50.", DefaultValueFactory = _ => 50, HelpName = "N" };
        var command = new Command("show", "Show audit log entries, oldest first. Recorded against an IG reviewer's account and audited, as the app's audit log page is.");
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
            using var store = ExistingHub.Open(parseResult.GetValue(hub)!, parseResult);
            var by = CommandActor.Resolve(parseResult, store, "audit-log show", [UserRole.Governance]);
            var entries = store.AuditLog.Search(new AuditFilter
            {
                Action = parseResult.GetValue(action), Actor = parseResult.GetValue(actor), From = from, Limit = parseResult.GetValue(limit),
            });
            // The same entry the app's /audit-log page writes for the same look; it is not among the entries shown.
            store.AuditLog.Append(by, "audit_log.view", "audit log", string.Create(CultureInfo.InvariantCulture,
                $"{entries.Count} entries; actor {parseResult.GetValue(actor) ?? "any"}, action {parseResult.GetValue(action) ?? "any"}, from {from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "start"}, to now"));
            var table = new TextTable("id", "at (UTC)", "actor", "action", "subject", "detail");
            foreach (var entry in entries.Reverse())
            {
                // Names typed at a failed sign-in and other free text are printed with control characters escaped.
                table.Add(entry.Id.ToString(CultureInfo.InvariantCulture), entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    TerminalText.Escape(entry.Actor), TerminalText.Escape(entry.Action), TerminalText.Escape(entry.Subject), TerminalText.Escape(entry.Detail));
            }
            table.WriteTo(parseResult.InvocationConfiguration.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Count(long count, string one, string many) => string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
}
