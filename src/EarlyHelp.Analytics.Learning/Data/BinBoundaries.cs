namespace EarlyHelp.Analytics.Learning.Data;

/// <summary>
/// Chooses the cut points of one feature from a sample of its (non-missing) values. A feature
/// with at most as many distinct values as bins gets one bin per value, so small integers and
/// flags are split exactly; otherwise bins hold about equal numbers of values, and a value so
/// frequent that it would fill a bin alone gets a bin of its own (the greedy scheme LightGBM's
/// bin mapper describes), so that heavy ties such as a mass of zeros do not swallow their
/// neighbours.
/// </summary>
internal static class BinBoundaries
{
    /// <summary>
    /// The ascending upper bounds of every value bin but the last (a value <c>v</c> falls in the
    /// first bin whose bound is <c>≥ v</c>): at most <paramref name="maximumBinCount"/> − 1 bounds.
    /// </summary>
    /// <param name="sortedValues">The sample, sorted ascending, without NaN.</param>
    /// <param name="maximumBinCount">The most value bins the feature may have (2 to 255).</param>
    public static float[] Find(ReadOnlySpan<float> sortedValues, int maximumBinCount)
    {
        var (distinct, counts) = DistinctWithCounts(sortedValues);
        if (distinct.Count <= 1)
            return [];
        if (distinct.Count <= maximumBinCount)
        {
            var bounds = new float[distinct.Count - 1];
            for (var i = 0; i < bounds.Length; i++)
                bounds[i] = Between(distinct[i], distinct[i + 1]);
            return bounds;
        }

        return Greedy(distinct, counts, maximumBinCount);
    }

    /// <summary>Equal-count bins over distinct values, frequent values alone in their bin.</summary>
    private static float[] Greedy(List<float> distinct, List<int> counts, int maximumBinCount)
    {
        long total = 0;
        foreach (var count in counts)
            total += count;

        // A value at least as frequent as an average bin gets its own bin; the other values
        // share the remaining bins equally.
        var averageBin = (double)total / maximumBinCount;
        var isFrequent = new bool[distinct.Count];
        long remainingCount = total;
        var remainingBins = maximumBinCount;
        for (var i = 0; i < distinct.Count; i++)
        {
            if (counts[i] < averageBin)
                continue;
            isFrequent[i] = true;
            remainingCount -= counts[i];
            remainingBins--;
        }

        var target = remainingBins > 0 ? (double)remainingCount / remainingBins : double.PositiveInfinity;
        var bounds = new List<float>(maximumBinCount - 1);
        long inBin = 0;
        for (var i = 0; i < distinct.Count - 1 && bounds.Count < maximumBinCount - 1; i++)
        {
            inBin += counts[i];
            if (!isFrequent[i])
                remainingCount -= counts[i];
            var close = isFrequent[i] || inBin >= target || (isFrequent[i + 1] && inBin >= Math.Max(1.0, target / 2));
            if (!close)
                continue;
            bounds.Add(Between(distinct[i], distinct[i + 1]));
            inBin = 0;
            if (!isFrequent[i] && --remainingBins > 0)
                target = (double)remainingCount / remainingBins;
        }

        return [.. bounds];
    }

    /// <summary>A cut point with <paramref name="lower"/> on its left and <paramref name="upper"/> on its right.</summary>
    private static float Between(float lower, float upper)
    {
        // The midpoint keeps unseen values near either side in the nearer bin; when rounding to
        // float lands on the upper value (adjacent floats), the lower value itself is the cut.
        var middle = (float)(((double)lower + upper) / 2);
        return middle >= lower && middle < upper ? middle : lower;
    }

    private static (List<float> Distinct, List<int> Counts) DistinctWithCounts(ReadOnlySpan<float> sortedValues)
    {
        var distinct = new List<float>();
        var counts = new List<int>();
        for (var i = 0; i < sortedValues.Length; i++)
        {
            if (distinct.Count > 0 && sortedValues[i] == distinct[^1])
                counts[^1]++;
            else
            {
                distinct.Add(sortedValues[i]);
                counts.Add(1);
            }
        }

        return (distinct, counts);
    }
}
