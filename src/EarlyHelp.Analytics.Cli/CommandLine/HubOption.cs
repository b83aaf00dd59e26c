using System.CommandLine;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Cli.CommandLine;

/// <summary>The <c>--hub</c> option every verb that reads or writes the hub takes.</summary>
internal static class HubOption
{
    /// <summary>A new <c>--hub</c> option (System.CommandLine options belong to one command each).</summary>
    public static Option<string> Create() => new("--hub")
    {
        Description = $"The hub: a SQLite file path, created if missing (default {HubLocation.DefaultPath}). PostgreSQL connection strings are not supported yet.",
        DefaultValueFactory = _ => HubLocation.DefaultPath,
        HelpName = "HUB",
    };
}
