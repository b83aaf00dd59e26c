using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Statistics;

/// <summary>What <c>earlyhelp hub stats</c> shows: rows per table and per dataset, and the realism figures.</summary>
/// <param name="Hub">The hub's name (its file path).</param>
/// <param name="SchemaVersion">The hub's schema version.</param>
/// <param name="ExtractDate">The newest extract date loaded; null when nothing has been loaded.</param>
/// <param name="Counts">Rows per table and per dataset.</param>
/// <param name="Realism">The realism figures at the extract date; null when nothing has been loaded.</param>
/// <param name="Linkage">The newest linkage's figures; null when nothing has been linked.</param>
public sealed record HubStatistics(string Hub, int SchemaVersion, DateOnly? ExtractDate, HubCounts Counts, RealismReport? Realism, LinkageFigures? Linkage = null)
{
    /// <summary>Counts the rows of <paramref name="store"/> and computes its realism figures.</summary>
    public static HubStatistics Compute(IHubStore store)
    {
        var extractDate = store.ExtractDate;
        var realism = extractDate is null ? null : RealismFigures.Compute(store.OpenReader());
        return new HubStatistics(store.Name, store.SchemaVersion, extractDate, store.Counts(), realism, store.LatestLinkage());
    }
}
