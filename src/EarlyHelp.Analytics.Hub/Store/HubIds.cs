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
