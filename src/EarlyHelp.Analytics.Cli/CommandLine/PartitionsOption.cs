using System.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Postgres;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Cli.CommandLine;

/// <summary>
/// The <c>--partitions N</c> option: a PostgreSQL hub's large tables hash-partitioned by family group into N
/// partitions (docs/scale.md). Checked before anything is opened, so a wrong call changes nothing.
/// </summary>
internal static class PartitionsOption
{
    /// <summary>A new option described by <paramref name="description"/>.</summary>
    public static Option<int?> Create(string description) => new("--partitions") { Description = description, HelpName = "N" };

    /// <summary>
    /// The partitions asked for, or null when the option is not given; <see cref="UsageException"/> when N is outside 2 to
    /// the most allowed, and <see cref="BadInputException"/> when <paramref name="hub"/> is a SQLite hub.
    /// </summary>
    public static int? Value(ParseResult parseResult, Option<int?> option, string hub)
    {
        if (parseResult.GetValue(option) is not { } partitions)
            return null;
        if (partitions is < 2 or > PostgresPartitioning.MaximumPartitions)
            throw new UsageException($"The '--partitions' option must be from 2 to {PostgresPartitioning.MaximumPartitions}. Got {partitions} instead.");
        if (!HubLocation.IsPostgreSqlConnectionString(hub))
            throw new BadInputException(HubLocation.ArgumentName, "partitioning needs a PostgreSQL hub; a SQLite hub is one file and is never partitioned (docs/scale.md)");
        return partitions;
    }

    /// <summary>
    /// Opens <paramref name="hub"/> as <see cref="AuditKeyOption.OpenHub"/> does, first partitioning it into
    /// <paramref name="partitions"/> when given: a new hub is created partitioned, a hub not yet partitioned has its rows
    /// moved in, one already in that many partitions is unchanged, and one in another number is refused.
    /// </summary>
    public static IHubStore OpenHub(ParseResult parseResult, string hub, int? partitions)
    {
        if (partitions is { } count)
            PostgresPartitioning.Partition(hub, count);
        return AuditKeyOption.OpenHub(parseResult, hub);
    }
}
