using System.CommandLine;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Cli.CommandLine;

/// <summary>The <c>--hub</c> option every verb that reads or writes the hub takes.</summary>
internal static class HubOption
{
    /// <summary>A new <c>--hub</c> option for a verb that needs an existing hub (System.CommandLine options belong to one command each).</summary>
    public static Option<string> Create() => Named(
        $"The hub: a SQLite file path or a PostgreSQL connection string (Host=…;Database=…), which must hold a hub (default {HubLocation.DefaultPath}); 'earlyhelp ingest' creates one.");

    /// <summary>A new <c>--hub</c> option for a verb that creates the hub when it is missing.</summary>
    public static Option<string> CreatedIfMissing() => Named(
        $"The hub: a SQLite file path, created if missing, or a PostgreSQL connection string (Host=…;Database=…), migrated if empty (default {HubLocation.DefaultPath}).");

    private static Option<string> Named(string description) => new("--hub")
    {
        Description = description,
        DefaultValueFactory = _ => HubLocation.DefaultPath,
        HelpName = "HUB",
    };
}
