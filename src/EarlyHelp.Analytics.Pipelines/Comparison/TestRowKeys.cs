using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Pipelines.Splits;

namespace EarlyHelp.Analytics.Pipelines.Comparison;

/// <summary>How test rows are ranked and cut the same way by training, comparison and promotion.</summary>
public static class TestRowKeys
{
    /// <summary>Salt that keeps the tie order unrelated to the partition, which hashes the same ids.</summary>
    private const int TieSalt = 0x7469_6573;

    /// <summary>Ranking tie keys: a seeded hash of each family, so ties fall in an order unrelated to family ids or partitions.</summary>
    public static long[] TieKeys(IEnumerable<FamilyId> families, int seed) =>
        families.Select(f => (long)(FamilyPartition.UnitInterval(f.Value, seed ^ TieSalt) * (1L << 53))).ToArray();

    /// <summary>
    /// K on the test rows: the panel's monthly capacity for the whole city scaled to the test families'
    /// share of the families eligible at the test date (at least 1).
    /// </summary>
    public static int Capacity(int monthlyCapacity, int testRows, int eligibleAtTestDate) =>
        Math.Max(1, (int)Math.Round((double)monthlyCapacity * testRows / Math.Max(1, eligibleAtTestDate), MidpointRounding.AwayFromZero));
}
