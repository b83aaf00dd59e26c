using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Hub.Postgres;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Cli.HubStats;

/// <summary><c>earlyhelp hub partition</c>: hash-partitions a PostgreSQL hub's large tables by family group (see <see cref="PostgresPartitioning"/>).</summary>
internal static class HubPartitionCommand
{
    /// <summary>Builds <c>hub partition</c>.</summary>
    public static Command Create()
    {
        var hub = HubOption.Create();
        var partitions = PartitionsOption.Create(
            $"The number of partitions, from 2 to {PostgresPartitioning.MaximumPartitions}. Doing it again with the same number changes nothing; another number is refused.");
        partitions.Required = true;
        var command = new Command("partition",
            "PostgreSQL only: turn the hub's event, residence and family_member tables into tables hash-partitioned by family group, " +
            "moving every row already loaded, in one transaction. Feature building then reads each partition on its own, " +
            "with parallel workers (docs/scale.md). Run as the hub's owner, then 'earlyhelp hub roles' again.");
        command.Options.Add(hub);
        command.Options.Add(partitions);
        command.SetAction(parseResult =>
        {
            var hubArgument = parseResult.GetValue(hub)!;
            var count = PartitionsOption.Value(parseResult, partitions, hubArgument)!.Value;
            ExistingHub.Check(hubArgument);
            var name = HubLocation.FileBase(hubArgument);
            int before;
            using (var connection = PostgresHubConnection.Open(hubArgument))
                before = PostgresPartitioning.Count(connection);
            var clock = Stopwatch.StartNew();
            PostgresPartitioning.Partition(hubArgument, count);
            var output = parseResult.InvocationConfiguration.Output;
            if (before == count)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} is already in {count} partitions; nothing changed."));
            else
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Partitioned {name} into {count} partitions (event, residence and family_member by family group) in {clock.Elapsed.TotalSeconds:F1} s."));
            return ExitCodes.Success;
        });
        return command;
    }
}
