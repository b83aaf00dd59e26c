namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>
/// Gives memory back between the stages of a load. Each stage of linking leaves hundreds of megabytes it no longer
/// needs (every record's linkage copy before duplicates collapse, the candidate pairs' buffers, the clusters' working
/// sets), and left to itself the collector lets the process grow far past what is live (a Bristol-sized load peaked at
/// 7 GB resident with under 3 GB live) before a full collection, and keeps the freed memory afterwards. A full,
/// compacting collection that returns free memory to the system at each boundary costs a second or two per stage at
/// city scale, against minutes of linking.
/// </summary>
internal static class StageMemory
{
    /// <summary>Collects everything unreachable and returns the freed memory to the operating system.</summary>
    public static void Release() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
