using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Cli.Features;

/// <summary>Reads the hub a <c>--hub</c> argument names into a <see cref="HubHistory"/>.</summary>
internal static class HubHistoryReading
{
    /// <summary>
    /// Opens the hub and reads it. A missing hub is refused rather than created: building
    /// features from an empty hub is never what was meant.
    /// </summary>
    public static HubHistory Read(string hub, string? auditKeyFile, IProgress<WorkProgress> progress)
    {
        if (!CommandLine.ExistingHub.Exists(hub))
            throw new BadInputException(HubLocation.FileBase(hub), "there is no hub here; load extracts into it with 'earlyhelp ingest' first");
        using var store = HubStore.Open(hub, auditKeyFile: auditKeyFile);
        return HubHistory.Read(store.OpenReader(), store.Name, progress);
    }
}
