using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Cli.Features;

/// <summary>Opens the hub a <c>--hub</c> argument names, for reading its history.</summary>
internal static class HubHistoryReading
{
    /// <summary>
    /// Opens the hub. A missing hub is refused rather than created: building features from an empty hub is never
    /// what was meant.
    /// </summary>
    public static IHubStore Open(string hub, string? auditKeyFile)
    {
        if (!CommandLine.ExistingHub.Exists(hub))
            throw new BadInputException(HubLocation.FileBase(hub), "there is no hub here; load extracts into it with 'earlyhelp ingest' first");
        return HubStore.Open(hub, auditKeyFile: auditKeyFile);
    }
}
