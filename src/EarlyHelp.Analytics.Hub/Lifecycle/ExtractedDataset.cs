using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Lifecycle;

/// <summary>
/// One dataset an extract folder holds, as the load applies it: how its extracts behave, and whether the hub already
/// holds a newer extract of it. An older extract after a newer one is not applied at all: it would bring back what
/// the newer one deleted and overwrite what it amended.
/// </summary>
/// <param name="Name">The dataset code of an event extract, or a council file's name without <c>.csv</c>.</param>
/// <param name="Refresh">Full refresh or changes only.</param>
/// <param name="NewerLoaded">The extract date of a newer extract of the dataset already loaded; null when this one is the newest.</param>
public sealed record ExtractedDataset(string Name, ExtractRefresh Refresh, DateOnly? NewerLoaded)
{
    /// <summary>Whether the extract's records are applied (it is not older than what the hub holds).</summary>
    public bool Applied => NewerLoaded is null;

    /// <summary>Why a dataset is not applied, for the report and the ingest log; null when it is.</summary>
    public string? NotAppliedReason => NewerLoaded is { } date ? $"an extract of {date:yyyy-MM-dd} is already loaded; this older one changes nothing" : null;

    /// <summary>The dataset of <paramref name="name"/> as extracted on <paramref name="extractDate"/>, given the newest extract of each dataset the hub holds.</summary>
    public static ExtractedDataset Of(string name, ExtractRefresh refresh, DateOnly extractDate, IReadOnlyDictionary<string, DateOnly> newestLoaded) =>
        new(name, refresh, newestLoaded.TryGetValue(name, out var newest) && newest > extractDate ? newest : null);
}
