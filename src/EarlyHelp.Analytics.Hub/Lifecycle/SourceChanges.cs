using EarlyHelp.Analytics.Hub.Identity;

namespace EarlyHelp.Analytics.Hub.Lifecycle;

/// <summary>What a load changes in the records the hub held, besides adding new ones.</summary>
/// <param name="Amended">Stored records a newer extract changed.</param>
/// <param name="Deleted">Stored records a full-refresh extract no longer holds (deleted at source).</param>
/// <param name="Expired">Stored records past their retention period.</param>
/// <param name="ExpiredOnArrival">Records of this extract already past their retention period (not loaded), per dataset.</param>
public sealed record SourceChanges(
    IReadOnlyList<RecordAmendment> Amended, IReadOnlyList<IdentityRecord> Deleted, IReadOnlyList<IdentityRecord> Expired,
    IReadOnlyDictionary<string, int> ExpiredOnArrival)
{
    /// <summary>No change.</summary>
    public static SourceChanges None { get; } = new([], [], [], new Dictionary<string, int>());

    /// <summary>Every stored record leaving the hub.</summary>
    public IEnumerable<IdentityRecord> Removed => Deleted.Concat(Expired);

    /// <summary>Records amended, per dataset.</summary>
    public int AmendedIn(string dataset) => Amended.Count(a => a.Stored.Dataset == dataset);

    /// <summary>Records deleted at source, per dataset.</summary>
    public int DeletedIn(string dataset) => Deleted.Count(r => r.Dataset == dataset);

    /// <summary>Stored records removed by retention, counted per dataset in name order.</summary>
    public IReadOnlyList<(string Dataset, int Records)> ExpiredByDataset() =>
        Expired.CountBy(r => r.Dataset).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToArray();
}
