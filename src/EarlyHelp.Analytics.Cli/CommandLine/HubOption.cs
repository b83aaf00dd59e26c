using System.CommandLine;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Cli.CommandLine;

/// <summary>The <c>--hub</c> option every verb that reads or writes the hub takes.</summary>
internal static class HubOption
{
    /// <summary>A new <c>--hub</c> option for a verb that needs an existing hub (System.CommandLine options belong to one command each).</summary>
    public static Option<string> Create() => Named(
        $"The hub: a SQLite file path, which must exist (default {HubLocation.DefaultPath}); 'earlyhelp ingest' creates one. PostgreSQL connection strings are not supported yet.");

    /// <summary>A new <c>--hub</c> option for a verb that creates the hub when it is missing.</summary>
    public static Option<string> CreatedIfMissing() => Named(
        $"The hub: a SQLite file path, created if missing (default {HubLocation.DefaultPath}). PostgreSQL connection strings are not supported yet.");

    private static Option<string> Named(string description) => new("--hub")
    {
        Description = description,
        DefaultValueFactory = _ => HubLocation.DefaultPath,
        HelpName = "HUB",
    };
}
