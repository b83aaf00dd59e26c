namespace EarlyHelp.Analytics.Hub.Lifecycle;

/// <summary>How a load applies its extract to the hub.</summary>
/// <param name="Datasets">Each dataset the extract holds, by name.</param>
/// <param name="Newest">The newest extract date, this one or one loaded before: retention counts back from it.</param>
/// <param name="Retention">The retention periods.</param>
/// <param name="StoredValues">Stored events' values by dataset and record reference, for the extract's datasets with values.</param>
internal sealed record ExtractApplication(
    IReadOnlyDictionary<string, ExtractedDataset> Datasets, DateOnly Newest, RetentionPeriods Retention,
    IReadOnlyDictionary<(string, string), double?> StoredValues);
