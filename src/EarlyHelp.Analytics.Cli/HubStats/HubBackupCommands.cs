using System.CommandLine;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Sqlite;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Cli.HubStats;

/// <summary><c>earlyhelp hub backup</c> and <c>hub restore</c>: SQLite's online backup, and a restore that verifies the audit trail first.</summary>
internal static class HubBackupCommands
{
    /// <summary>Builds <c>hub backup</c>.</summary>
    public static Command Backup()
    {
        var hub = HubOption.Create();
        var output = new Option<string>("--out") { Description = "The backup file to write; it must not exist. Keep it as safe as the hub.", Required = true, HelpName = "FILE" };
        var command = new Command("backup",
            "Copy the hub to FILE with SQLite's online backup (a consistent copy while the app keeps reading). The audit key is not in the hub and not in " +
            "the backup: back it up apart. Audited in the hub. For PostgreSQL see docs/lifecycle.md (pg_dump).");
        command.Options.Add(hub);
        command.Options.Add(output);
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(hub)!;
            RefusePostgreSql(path, "hub backup", "pg_dump");
            ExistingHub.Check(path);
            var file = parseResult.GetValue(output)!;
            using var store = SqliteHubStore.Open(HubLocation.SqlitePath(path), auditKeyFile: AuditKeyOption.Value(parseResult));
            var actor = CommandActor.Resolve(parseResult, store, "hub backup", [UserRole.Administrator]);
            SqliteBackup.Backup(store, file, actor);
            parseResult.InvocationConfiguration.Output.WriteLine($"Backed up {path} to {file}.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Builds <c>hub restore</c>.</summary>
    public static Command Restore()
    {
        var hub = HubOption.CreatedIfMissing();
        var from = new Option<string>("--from") { Description = "The backup file written by 'hub backup'.", Required = true, HelpName = "FILE" };
        var replace = new Option<bool>("--replace") { Description = "Replace an existing hub (stop the panel app first)." };
        var command = new Command("restore",
            "Restore a backup as the hub: copied beside it, opened with the audit key (--audit-key, else the hub's usual key file), its audit trail " +
            "verified entry by entry and review by review, and only then moved into place. A backup whose trail does not verify is refused and the " +
            "hub is left as it was. Audited in the restored hub.");
        command.Options.Add(hub);
        command.Options.Add(from);
        command.Options.Add(replace);
        command.SetAction(parseResult =>
        {
            RefusePostgreSql(parseResult.GetValue(hub)!, "hub restore", "pg_restore");
            var path = HubLocation.SqlitePath(parseResult.GetValue(hub)!);
            var result = SqliteBackup.Restore(parseResult.GetValue(from)!, path, Environment.UserName, parseResult.GetValue(replace), AuditKeyOption.Value(parseResult));
            parseResult.InvocationConfiguration.Output.WriteLine(
                $"Restored {parseResult.GetValue(from)} as {path}: schema version {result.SchemaVersion}, {result.AuditEntries} audit entries and {result.Reviews} reviews verified.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Refuses a PostgreSQL hub: the database has its own backup tools, which copy roles and grants as well.</summary>
    private static void RefusePostgreSql(string hub, string verb, string tool)
    {
        if (HubLocation.IsPostgreSqlConnectionString(hub))
        {
            throw new BadInputException(HubLocation.ArgumentName,
                $"'{verb}' copies a SQLite hub; for a PostgreSQL hub use {tool} (see docs/postgresql.md, \"Backups\")");
        }
    }
}
