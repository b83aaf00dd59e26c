using System.Runtime.CompilerServices;

namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// One preparation per list of records: estimating, scoring, clustering and the expected-error count each
/// need the records as interned arrays, and a caller passes them the same list. Preparing 3 million records
/// takes seconds and hundreds of megabytes, so the arrays are kept beside the list for as long as the list
/// lives (a weak table: they go when it goes) and reused while the list still holds the same records.
/// </summary>
internal static class PreparationCache
{
    private static readonly ConditionalWeakTable<IReadOnlyList<LinkageRecord>, Entry> Entries = [];

    /// <summary>The prepared form of <paramref name="records"/> with <paramref name="otherFields"/>, prepared once while the list is unchanged.</summary>
    public static PreparedRecords Of(IReadOnlyList<LinkageRecord> records, IReadOnlyList<string> otherFields)
    {
        if (Entries.TryGetValue(records, out var entry) && entry.Fits(records, otherFields))
            return entry.Prepared;
        var prepared = PreparedRecords.From(records, otherFields);
        // A list may be a mutable List<T>: the snapshot of its records tells a later call whether it changed
        // (LinkageRecord is immutable, so the same references mean the same values).
        Entries.AddOrUpdate(records, new Entry([.. records], prepared));
        return prepared;
    }

    private sealed record Entry(LinkageRecord[] Snapshot, PreparedRecords Prepared)
    {
        public bool Fits(IReadOnlyList<LinkageRecord> records, IReadOnlyList<string> otherFields)
        {
            // A caller that compares no extra fields (clustering, guards) can use arrays that hold some.
            if (otherFields.Count > 0 && !otherFields.SequenceEqual(Prepared.OtherFields, StringComparer.Ordinal))
                return false;
            if (records.Count != Snapshot.Length)
                return false;
            for (var i = 0; i < Snapshot.Length; i++)
                if (!ReferenceEquals(records[i], Snapshot[i]))
                    return false;
            return true;
        }
    }
}
