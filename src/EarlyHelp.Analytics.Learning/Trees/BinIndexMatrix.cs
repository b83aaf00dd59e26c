using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>
/// The training bins row by row, each stored as its position in the flat histogram (feature
/// offset + bin), the layout XGBoost's <c>hist</c> method uses. Adding a row to a histogram then
/// costs one load and one vector addition per feature, and a row's entries share cache lines
/// however scattered a leaf's rows are. Positions fit 16 bits unless the histogram is larger.
/// </summary>
internal abstract class BinIndexMatrix
{
    /// <summary>How many rows ahead to prefetch: enough to cover a memory access at a few nanoseconds per row.</summary>
    private const int PrefetchDistance = 16;

    /// <summary>The matrix for <paramref name="data"/> under <paramref name="layout"/>.</summary>
    public static BinIndexMatrix Create(BinnedDataset data, HistogramLayout layout, int threads) =>
        layout.TotalBins <= ushort.MaxValue + 1
            ? new Typed<ushort>(data, layout, threads)
            : new Typed<int>(data, layout, threads);

    /// <summary>
    /// Adds each row's (gradient, hessian) to its bin of every feature in <paramref name="features"/>.
    /// The gradients are "ordered": entry i belongs to <c>rows[i]</c>, so they are read sequentially.
    /// </summary>
    public abstract void Accumulate(HistogramBin[] histogram, ReadOnlySpan<int> features, ReadOnlySpan<int> rows, ReadOnlySpan<Vector128<double>> orderedGradients);

    private sealed class Typed<TIndex> : BinIndexMatrix
        where TIndex : unmanaged, IBinaryInteger<TIndex>
    {
        private readonly TIndex[] positions;
        private readonly int width;

        public Typed(BinnedDataset data, HistogramLayout layout, int threads)
        {
            width = data.FeatureCount;
            positions = new TIndex[(long)data.RowCount * width];
            ParallelWork.ForBlocks(data.RowCount, 4096, threads, (_, start, end) =>
            {
                for (var feature = 0; feature < width; feature++)
                {
                    var column = data.Column(feature);
                    var offset = layout.Offsets[feature];
                    for (var row = start; row < end; row++)
                        positions[(long)row * width + feature] = TIndex.CreateTruncating(offset + column[row]);
                }
            });
        }

        public override void Accumulate(HistogramBin[] histogram, ReadOnlySpan<int> features, ReadOnlySpan<int> rows, ReadOnlySpan<Vector128<double>> orderedGradients)
        {
            if (features.IsEmpty)
                return;
            var first = features[0];
            if (features[^1] - first == features.Length - 1)
                AccumulateRange(histogram, first, features.Length, rows, orderedGradients);
            else
                AccumulateList(histogram, features, rows, orderedGradients);
        }

        /// <summary>Features <c>first … first + count − 1</c>: adjacent in each row, read at fixed offsets.</summary>
        private unsafe void AccumulateRange(HistogramBin[] histogram, int first, int count, ReadOnlySpan<int> rows, ReadOnlySpan<Vector128<double>> orderedGradients)
        {
            ref var bins = ref Unsafe.As<HistogramBin, Vector128<double>>(ref MemoryMarshal.GetArrayDataReference(histogram));
            fixed (TIndex* matrix = positions)
            {
                for (var i = 0; i < rows.Length; i++)
                {
                    if (i + PrefetchDistance < rows.Length)
                        Prefetch(matrix + (nint)rows[i + PrefetchDistance] * width + first, count * sizeof(TIndex));
                    var row = matrix + (nint)rows[i] * width + first;
                    var sums = orderedGradients[i];
                    var k = 0;
                    for (; k + 4 <= count; k += 4)
                    {
                        Unsafe.Add(ref bins, int.CreateTruncating(row[k])) += sums;
                        Unsafe.Add(ref bins, int.CreateTruncating(row[k + 1])) += sums;
                        Unsafe.Add(ref bins, int.CreateTruncating(row[k + 2])) += sums;
                        Unsafe.Add(ref bins, int.CreateTruncating(row[k + 3])) += sums;
                    }

                    for (; k < count; k++)
                        Unsafe.Add(ref bins, int.CreateTruncating(row[k])) += sums;
                }
            }
        }

        /// <summary>Any ascending list of features (a feature subsample).</summary>
        private unsafe void AccumulateList(HistogramBin[] histogram, ReadOnlySpan<int> features, ReadOnlySpan<int> rows, ReadOnlySpan<Vector128<double>> orderedGradients)
        {
            ref var bins = ref Unsafe.As<HistogramBin, Vector128<double>>(ref MemoryMarshal.GetArrayDataReference(histogram));
            fixed (TIndex* matrix = positions)
            {
                for (var i = 0; i < rows.Length; i++)
                {
                    if (i + PrefetchDistance < rows.Length)
                        Prefetch(matrix + (nint)rows[i + PrefetchDistance] * width, width * sizeof(TIndex));
                    var row = matrix + (nint)rows[i] * width;
                    var sums = orderedGradients[i];
                    foreach (var feature in features)
                        Unsafe.Add(ref bins, int.CreateTruncating(row[feature])) += sums;
                }
            }
        }
    }

    /// <summary>
    /// Asks for the cache lines of a row a few rows before it is needed: a deep leaf's rows are
    /// scattered, and without this each row costs a wait on memory (XGBoost's hist does the same).
    /// </summary>
    private static unsafe void Prefetch(void* start, int bytes)
    {
        if (!Sse.IsSupported)
            return;
        var first = (byte*)start;
        for (var offset = 0; offset < bytes; offset += 64)
            Sse.Prefetch0(first + offset);
        Sse.Prefetch0(first + bytes - 1);
    }
}
