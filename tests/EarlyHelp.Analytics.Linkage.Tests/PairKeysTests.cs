namespace EarlyHelp.Analytics.Linkage.Tests;

public sealed class PairKeysTests
{
    [Fact]
    public void Of_IsTheSameEitherWayRound_AndSortsByLeftThenRight()
    {
        Assert.Equal(PairKeys.Of(3, 9), PairKeys.Of(9, 3));
        Assert.Equal(3L << 32 | 9, PairKeys.Of(9, 3));
        Assert.True(PairKeys.Of(3, 9) < PairKeys.Of(4, 5));
        Assert.True(PairKeys.Of(4, 5) < PairKeys.Of(4, 6));
    }

    [Fact]
    public void Comparer_GivesNearbyPairsDistinctHashes_WhereTheDefaultLongHashCollides()
    {
        // Blocking pairs records that sort together: each of 1,000 records with its next ten, 10,000 pairs.
        var keys = Enumerable.Range(0, 1_000).SelectMany(i => Enumerable.Range(i + 1, 10).Select(j => PairKeys.Of(i, j))).ToArray();

        var mixed = keys.Select(PairKeys.Comparer.GetHashCode).Distinct().Count();
        var standard = keys.Select(k => k.GetHashCode()).Distinct().Count();

        // The default hash is left ^ right, under 2,048 for records under 1,024: at most 2,048 codes for 10,000 keys.
        Assert.True(standard <= 2_048, $"{standard} distinct default hashes");
        // 10,000 values in 2^32 codes collide with probability about 10,000² / 2^33 ≈ 0.012 in all: all distinct but a few.
        Assert.True(mixed >= 9_995, $"{mixed} distinct mixed hashes of 10,000");
    }
}
