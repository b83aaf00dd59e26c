namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>The ids a hub already holds, so that ingest can check references to people, households and families.</summary>
/// <param name="People">Person ids.</param>
/// <param name="Households">Household ids.</param>
/// <param name="Families">Family ids.</param>
public sealed record HubIds(HashSet<long> People, HashSet<long> Households, HashSet<long> Families);

/// <summary>Rows per hub table and per dataset of the <c>event</c> table.</summary>
/// <param name="Tables">Rows per table, in schema order.</param>
/// <param name="Datasets">Event rows per dataset code, in catalogue order (zero for a dataset with none).</param>
public sealed record HubCounts(IReadOnlyList<KeyValuePair<string, long>> Tables, IReadOnlyList<KeyValuePair<string, long>> Datasets);

/// <summary>The newest linkage's figures, from the model's own match probabilities (no truth needed).</summary>
/// <param name="ModelVersion">Version of the stored model.</param>
/// <param name="Records">Identity records linked.</param>
/// <param name="People">People they were linked into.</param>
/// <param name="ComparedPairs">Candidate pairs compared.</param>
/// <param name="LinkedPairs">Compared pairs inside one person.</param>
/// <param name="ExpectedFalseLinks">Sum of (1 − p) over linked pairs.</param>
/// <param name="ExpectedMissedLinks">Sum of p over compared pairs left apart.</param>
/// <param name="ClericalQueue">Pairs waiting for clerical review.</param>
/// <param name="ClericalDecisions">Clerical decisions recorded.</param>
/// <param name="LinkedAt">When the linkage ran.</param>
public sealed record LinkageFigures(long ModelVersion, long Records, long People, long ComparedPairs, long LinkedPairs,
    double ExpectedFalseLinks, double ExpectedMissedLinks, long ClericalQueue, long ClericalDecisions, DateTimeOffset LinkedAt);
