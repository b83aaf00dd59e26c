using System.Runtime.CompilerServices;

namespace EarlyHelp.Analytics.Learning.Data;

/// <summary>
/// A dataset whose values are replaced by their bins (one byte each), stored column by column so
/// that a histogram over one feature reads one contiguous column. Made once per dataset and reused
/// by every tree.
/// </summary>
public sealed class BinnedDataset
{
    private const int RowsPerBlock = 512;
    private readonly byte[] bins;

    private BinnedDataset(FeatureBinning binning, byte[] bins, int rowCount, float[]? labels, float[]? weights)
    {
        Binning = binning;
        this.bins = bins;
        RowCount = rowCount;
        Labels = labels;
        Weights = weights;
    }

    /// <summary>The binning the values were mapped with.</summary>
    public FeatureBinning Binning { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Number of features.</summary>
    public int FeatureCount => Binning.FeatureCount;

    /// <summary>Labels, one per row, or null when unlabelled.</summary>
    public float[]? Labels { get; }

    /// <summary>Row weights, or null when every row weighs 1.</summary>
    public float[]? Weights { get; }

    /// <summary>The bins of one feature, one byte per row.</summary>
    public ReadOnlySpan<byte> Column(int feature) => bins.AsSpan(feature * RowCount, RowCount);

    /// <summary>The bins of one feature, for work spread over threads (spans cannot be captured).</summary>
    internal ReadOnlyMemory<byte> ColumnMemory(int feature) => bins.AsMemory(feature * RowCount, RowCount);

    /// <summary>The bin of a row's value of a feature.</summary>
    public byte this[int row, int feature] => bins[feature * RowCount + row];

    /// <summary>Bins every value of <paramref name="data"/> with <paramref name="binning"/>.</summary>
    /// <exception cref="ArgumentException">The data's features are not the binning's, in the same order.</exception>
    public static BinnedDataset Create(DenseDataset data, FeatureBinning binning, int? numberOfThreads = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(binning);
        if (!data.FeatureNames.SequenceEqual(binning.FeatureNames, StringComparer.Ordinal))
            throw new ArgumentException("The data's features are not those the binning was fitted on, in the same order.", nameof(data));

        var rowCount = data.RowCount;
        var featureCount = data.FeatureCount;
        var searchTables = Enumerable.Range(0, featureCount).Select(f => new BoundSearch(binning.UpperBounds(f))).ToArray();
        var bins = new byte[(long)rowCount * featureCount];
        ParallelWork.ForBlocks(rowCount, RowsPerBlock, ParallelWork.ThreadCount(numberOfThreads), (_, start, end) =>
        {
            var values = data.Values;
            for (var feature = 0; feature < featureCount; feature++)
            {
                var search = searchTables[feature];
                var column = bins.AsSpan(feature * rowCount, rowCount);
                var row = start;
                for (; row + 4 <= end; row += 4)
                {
                    var (a, b, c, d) = search.BinsOf(
                        values[row * featureCount + feature], values[(row + 1) * featureCount + feature],
                        values[(row + 2) * featureCount + feature], values[(row + 3) * featureCount + feature]);
                    (column[row], column[row + 1], column[row + 2], column[row + 3]) = (a, b, c, d);
                }

                for (; row < end; row++)
                    column[row] = search.BinOf(values[row * featureCount + feature]);
            }
        });
        return new BinnedDataset(binning, bins, rowCount, data.Labels, data.Weights);
    }

    /// <summary>
    /// A branch-free binary search: the bounds padded with +∞ to one less than a power of two, so
    /// that every search takes the same fixed number of halving steps. Four searches run side by
    /// side, since each step waits on the one before.
    /// </summary>
    private sealed class BoundSearch
    {
        private readonly float[] padded;
        private readonly int firstStep;

        public BoundSearch(ReadOnlySpan<float> bounds)
        {
            var size = 1;
            while (size <= bounds.Length)
                size *= 2;
            padded = new float[size];
            Array.Fill(padded, float.PositiveInfinity);
            bounds.CopyTo(padded);
            firstStep = size / 2;
        }

        public byte BinOf(float value)
        {
            if (float.IsNaN(value))
                return FeatureBinning.MissingBin;
            var below = 0;
            for (var step = firstStep; step > 0; step >>= 1)
            {
                // The comparison as a 0/−1 mask rather than a branch, which would mispredict half the time.
                var mask = -Unsafe.BitCast<bool, byte>(padded[below + step - 1] < value);
                below += step & mask;
            }

            return (byte)(below + 1);
        }

        public (byte, byte, byte, byte) BinsOf(float a, float b, float c, float d)
        {
            int belowA = 0, belowB = 0, belowC = 0, belowD = 0;
            for (var step = firstStep; step > 0; step >>= 1)
            {
                belowA += step & -Unsafe.BitCast<bool, byte>(padded[belowA + step - 1] < a);
                belowB += step & -Unsafe.BitCast<bool, byte>(padded[belowB + step - 1] < b);
                belowC += step & -Unsafe.BitCast<bool, byte>(padded[belowC + step - 1] < c);
                belowD += step & -Unsafe.BitCast<bool, byte>(padded[belowD + step - 1] < d);
            }

            // NaN compares false everywhere, so it lands in bin 1 above; it belongs in the missing bin.
            return (Bin(a, belowA), Bin(b, belowB), Bin(c, belowC), Bin(d, belowD));
        }

        private static byte Bin(float value, int below) => float.IsNaN(value) ? FeatureBinning.MissingBin : (byte)(below + 1);
    }
}
