namespace EarlyHelp.Analytics.Hub.Ingest;

/// <summary>What happened to the rows given to a hub table.</summary>
/// <param name="Added">Rows that were new and were inserted.</param>
/// <param name="Updated">Rows already present whose open end (end date, or month of death) the new row closed.</param>
/// <param name="AlreadyPresent">Rows already present that the new row did not change.</param>
public readonly record struct LoadCounts(long Added, long Updated, long AlreadyPresent)
{
    /// <summary>Every row counted.</summary>
    public long Total => Added + Updated + AlreadyPresent;

    /// <summary>The sum of two counts.</summary>
    public static LoadCounts operator +(LoadCounts left, LoadCounts right) =>
        new(left.Added + right.Added, left.Updated + right.Updated, left.AlreadyPresent + right.AlreadyPresent);
}
