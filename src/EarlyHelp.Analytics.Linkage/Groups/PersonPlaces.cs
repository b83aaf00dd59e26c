namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// The postcodes at which each person of a linkage has a record, as one sorted array of (person, postcode) keys: at
/// city scale a set per person would cost more than the records.
/// </summary>
internal sealed class PersonPlaces
{
    private readonly long[] keys;
    private readonly IReadOnlyList<int> entities;

    public PersonPlaces(PreparedRecords data, IReadOnlyList<int> entities)
    {
        this.entities = entities;
        var all = new List<long>(data.Count);
        for (var i = 0; i < data.Count; i++)
            if (data.Postcode[i] >= 0)
                all.Add(Key(entities[i], data.Postcode[i]));
        all.Sort();
        keys = [.. all.Distinct()];
    }

    /// <summary>Whether the person of any of <paramref name="records"/> has a record at <paramref name="postcode"/>.</summary>
    public bool AnyLivedAt(IReadOnlyList<int>? records, int postcode)
    {
        if (records is null || postcode < 0)
            return false;
        foreach (var record in records)
            if (Array.BinarySearch(keys, Key(entities[record], postcode)) >= 0)
                return true;
        return false;
    }

    /// <summary>The postcodes at which the person of <paramref name="record"/> has a record.</summary>
    public IEnumerable<int> PostcodesOf(int record)
    {
        var person = entities[record];
        var at = Array.BinarySearch(keys, Key(person, 0));
        if (at < 0)
            at = ~at;
        for (; at < keys.Length && (int)(keys[at] >> 32) == person; at++)
            yield return (int)keys[at];
    }

    private static long Key(int person, int postcode) => (long)person << 32 | (uint)postcode;
}
