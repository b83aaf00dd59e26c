using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Cli.AuditLog;

/// <summary>
/// Checkpoints written as work starts: each ingest, scoring run and start of the panel app signs how far the trail
/// had got, so that a trail later cut back to before that point shows, at least as often as the hub is used.
/// </summary>
internal static class AuditCheckpoints
{
    /// <summary>Appends a checkpoint of <paramref name="store"/>'s trail to its checkpoint file (see <see cref="AuditCheckpoint.FileFor"/>) and returns the file.</summary>
    public static string Write(IHubStore store, string? explicitPath = null)
    {
        var path = AuditCheckpoint.FileFor(store.Name, explicitPath);
        store.AuditLog.WriteCheckpoint(path);
        return path;
    }
}
