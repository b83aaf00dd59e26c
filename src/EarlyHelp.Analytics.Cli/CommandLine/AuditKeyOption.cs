using System.CommandLine;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Cli.CommandLine;

/// <summary>The <c>--audit-key</c> option, given once before or after any verb: where the hub's audit key is kept.</summary>
internal static class AuditKeyOption
{
    /// <summary>The option's name.</summary>
    public const string Name = "--audit-key";

    /// <summary>A new option for the root command, seen by every verb under it.</summary>
    public static Option<string?> Create() => new(Name)
    {
        Description = $"The audit key file (64 hex digits), created owner-only on first use. Default: ${AuditKey.EnvironmentVariable}, else the hub's path followed by {AuditKey.DefaultSuffix}. Keep it off the hub's disk (see docs/security.md).",
        HelpName = "FILE",
        Recursive = true,
    };

    /// <summary>The key file given on the command line, or null for the default.</summary>
    public static string? Value(ParseResult parseResult) => parseResult.GetValue<string?>(Name);

    /// <summary>Opens the hub at <paramref name="hub"/> (creating it when missing) with the key the command line names.</summary>
    public static IHubStore OpenHub(ParseResult parseResult, string hub) => HubStore.Open(hub, auditKeyFile: Value(parseResult));
}
