using EarlyHelp.Analytics.Hub.Identity;

namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>What a hub holds about identity before a load: what linkage starts from and keeps stable.</summary>
/// <param name="Records">Every identity record stored, with its person, match probability and matched UPRN.</param>
/// <param name="Gazetteer">The stored gazetteer.</param>
/// <param name="Decisions">The latest clerical decision on each pair of records.</param>
/// <param name="Previous">Household ids of UPRNs and families of children, to keep them stable.</param>
/// <param name="FirstUnusedPerson">The smallest person id never used.</param>
public sealed record IdentityState(
    IReadOnlyList<IdentityRecord> Records, IReadOnlyList<GazetteerEntry> Gazetteer, IReadOnlyList<StoredDecision> Decisions,
    PreviousDerivation Previous, long FirstUnusedPerson)
{
    /// <summary>The newest extract date loaded of each dataset (an event dataset's code, a council file's name without <c>.csv</c>).</summary>
    public IReadOnlyDictionary<string, DateOnly> NewestExtractOf { get; init; } = new Dictionary<string, DateOnly>();
}

/// <summary>What one load's linkage did, recorded in the hub with the load.</summary>
/// <param name="ModelJson">The estimated model (stored as a new version); null when none was estimated.</param>
/// <param name="Summary">The linkage figures.</param>
/// <param name="Queue">Pairs for clerical review.</param>
/// <param name="PersonHistory">Person ids created, merged and split.</param>
public sealed record LinkageRecording(string? ModelJson, Ingest.LinkageSummary Summary, IReadOnlyList<QueuedPair> Queue, IReadOnlyList<IdHistory> PersonHistory);
