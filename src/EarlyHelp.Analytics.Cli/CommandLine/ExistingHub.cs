using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Cli.CommandLine;

/// <summary>Opens a hub that must already exist: for verbs where silently creating an empty one would mislead (serving, checking the audit log).</summary>
internal static class ExistingHub
{
    /// <summary>Opens the hub at <paramref name="hub"/> with the audit key <paramref name="parseResult"/> names; <see cref="BadInputException"/> when there is no such file.</summary>
    public static IHubStore Open(string hub, System.CommandLine.ParseResult parseResult)
    {
        Check(hub);
        return AuditKeyOption.OpenHub(parseResult, hub);
    }

    /// <summary>Throws <see cref="BadInputException"/> when <paramref name="hub"/> names no file, or a PostgreSQL database that holds no hub.</summary>
    public static void Check(string hub)
    {
        if (!Exists(hub))
            throw new BadInputException(HubLocation.FileBase(hub), "there is no hub here; load extracts with 'earlyhelp ingest' or give the right --hub");
    }

    /// <summary>Whether <paramref name="hub"/> names an existing SQLite file, or a PostgreSQL database that holds a hub.</summary>
    public static bool Exists(string hub) =>
        HubLocation.IsPostgreSqlConnectionString(hub)
            ? Hub.Postgres.PostgresHubStore.Exists(hub)
            : File.Exists(HubLocation.SqlitePath(hub));
}
