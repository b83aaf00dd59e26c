namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// One 64-bit key per unordered pair of record positions, and a hash for sets of such keys. .NET hashes a
/// <see cref="long"/> as its two halves XORed, which for a pair key is <c>left ^ right</c>: pairs of nearby records
/// (most of a linkage's, since blocking finds records that sort together) share a few thousand hash codes, and a set
/// of a million pair keys took seconds per lookup pass. The comparer mixes all 64 bits instead.
/// </summary>
internal static class PairKeys
{
    /// <summary>The key of the pair (a, b), the same for (b, a).</summary>
    public static long Of(int a, int b) => a < b ? (long)a << 32 | (uint)b : (long)b << 32 | (uint)a;

    /// <summary>An empty set of pair keys with room for <paramref name="capacity"/> keys, hashed by <see cref="Comparer"/>.</summary>
    public static HashSet<long> NewSet(int capacity = 0) => new(capacity, Comparer);

    /// <summary>Equality of keys with a hash that depends on every bit of both records' positions.</summary>
    public static IEqualityComparer<long> Comparer { get; } = new MixingComparer();

    private sealed class MixingComparer : IEqualityComparer<long>
    {
        public bool Equals(long x, long y) => x == y;

        // The finaliser of SplitMix64 (Steele, Lea and Flood 2014): each input bit flips about half the output bits.
        public int GetHashCode(long key)
        {
            var z = (ulong)key;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (int)(z ^ (z >> 31));
        }
    }
}
