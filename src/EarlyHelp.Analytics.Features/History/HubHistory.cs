using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Features.History;

/// <summary>
/// Everything the hub knows, indexed once for feature building: each person's records sorted by
/// start and each family's history assembled, ready to be read at any number of as-of dates.
/// </summary>
public sealed class HubHistory
{
    private readonly Dictionary<FamilyId, int> familyPositions;

    internal HubHistory(DateOnly extractDate, IReadOnlyList<FamilyHistory> families, int personCount, long eventCount)
    {
        ExtractDate = extractDate;
        Families = families;
        PersonCount = personCount;
        EventCount = eventCount;
        familyPositions = new Dictionary<FamilyId, int>(families.Count);
        for (var i = 0; i < families.Count; i++)
            familyPositions.Add(families[i].Family, i);
    }

    /// <summary>The date of the newest extract in the hub: nothing after it is known, so labels whose horizon passes it are unobserved.</summary>
    public DateOnly ExtractDate { get; }

    /// <summary>Every family that has at least one membership, ordered by family id.</summary>
    public IReadOnlyList<FamilyHistory> Families { get; }

    /// <summary>Number of people in the hub.</summary>
    public int PersonCount { get; }

    /// <summary>Number of agency records in the hub.</summary>
    public long EventCount { get; }

    /// <summary>The history of one family, or null when the hub has no membership of it.</summary>
    public FamilyHistory? Find(FamilyId family) => familyPositions.TryGetValue(family, out var position) ? Families[position] : null;

    /// <summary>
    /// Reads and indexes the whole hub. Protected characteristics are not read: the reader does not offer them.
    /// The event table is enumerated while another thread enumerates the other tables, so the reader's
    /// enumerations must be independent of each other (the SQLite reader opens a connection for each).
    /// </summary>
    /// <param name="hub">The hub.</param>
    /// <param name="source">How the hub is named in error messages (its file path or connection).</param>
    /// <param name="progress">Receives progress, or null.</param>
    /// <exception cref="BadInputException">A record refers to a person, household or dataset the hub does not hold.</exception>
    public static HubHistory Read(IHubReader hub, string source, IProgress<WorkProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(hub);
        return new HubHistoryLoader(source, progress).Load(hub);
    }
}
