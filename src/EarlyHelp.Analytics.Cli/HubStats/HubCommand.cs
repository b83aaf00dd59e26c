using System.CommandLine;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Hub.Statistics;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Cli.HubStats;

/// <summary><c>earlyhelp hub</c>: looking after the hub. Subverb <c>stats</c> shows what it holds and how realistic it is; <c>backup</c> and <c>restore</c> keep it safe; <c>roles</c> sets up least privilege on PostgreSQL; <c>partition</c> hash-partitions a PostgreSQL hub.</summary>
internal static class HubCommand
{
    /// <summary>Builds the verb with its subverbs.</summary>
    public static Command Create()
    {
        var command = new Command("hub", "Look after the hub.");
        command.Subcommands.Add(CreateStats());
        command.Subcommands.Add(HubBackupCommands.Backup());
        command.Subcommands.Add(HubBackupCommands.Restore());
        command.Subcommands.Add(HubRolesCommand.Create());
        command.Subcommands.Add(HubPartitionCommand.Create());
        return command;
    }

    private static Command CreateStats()
    {
        var hub = HubOption.Create();
        var json = new Option<bool>("--json") { Description = "Write the statistics as JSON instead of tables." };
        var command = new Command("stats",
            "Show rows per table and per dataset, and the realism figures at the extract date, each against its published " +
            "target and accepted range.");
        command.Options.Add(hub);
        command.Options.Add(json);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            using var store = ExistingHub.Open(parseResult.GetValue(hub)!, parseResult);
            var statistics = HubStatistics.Compute(store);
            if (parseResult.GetValue(json))
                output.Write(HubStatsJson.Write(statistics));
            else
                HubStatsText.Write(output, statistics);
            return ExitCodes.Success;
        });
        return command;
    }
}
