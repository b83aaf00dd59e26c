namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>
/// The rows of every leaf of the tree being grown, each leaf a contiguous segment of one array.
/// Splitting a leaf reorders its segment stably (left rows first), so each segment stays in
/// ascending row order and histogram building walks the bin columns forwards.
/// </summary>
internal sealed class RowPartition
{
    private const int BlockSize = 16_384;
    private readonly int[] rows;
    private readonly int[] scratch;
    private readonly int[] starts;
    private readonly int[] counts;
    private int[] blockLeftCounts = [];

    public RowPartition(int rowCount, int maximumLeaves)
    {
        rows = new int[rowCount];
        scratch = new int[rowCount];
        starts = new int[maximumLeaves];
        counts = new int[maximumLeaves];
    }

    /// <summary>Makes leaf 0 hold <paramref name="rowCount"/> rows: all of them, or the sampled ones when <paramref name="sample"/> is given.</summary>
    public void Reset(int rowCount, ReadOnlySpan<int> sample)
    {
        if (sample.IsEmpty)
        {
            for (var i = 0; i < rowCount; i++)
                rows[i] = i;
            counts[0] = rowCount;
        }
        else
        {
            sample.CopyTo(rows);
            counts[0] = sample.Length;
        }

        starts[0] = 0;
    }

    /// <summary>The rows of <paramref name="leaf"/>, ascending.</summary>
    public ReadOnlySpan<int> Rows(int leaf) => rows.AsSpan(starts[leaf], counts[leaf]);

    /// <summary>The rows of <paramref name="leaf"/>, for work spread over threads.</summary>
    public ReadOnlyMemory<int> RowsMemory(int leaf) => rows.AsMemory(starts[leaf], counts[leaf]);

    /// <summary>Number of rows of <paramref name="leaf"/>.</summary>
    public int Count(int leaf) => counts[leaf];

    /// <summary>
    /// Splits <paramref name="leaf"/>: the rows whose bin in <paramref name="column"/> has
    /// <paramref name="goesLeft"/> 1 stay in <paramref name="leaf"/>, those with 0 move to <paramref name="newLeaf"/>.
    /// </summary>
    public void Split(int leaf, int newLeaf, ReadOnlyMemory<byte> column, byte[] goesLeft, int threads)
    {
        var start = starts[leaf];
        var count = counts[leaf];
        var blocks = ParallelWork.BlockCount(count, BlockSize);
        if (blockLeftCounts.Length < blocks)
            blockLeftCounts = new int[blocks];
        var leftCounts = blockLeftCounts;

        // Pass 1: each block writes its left rows forwards from its start and its right rows
        // backwards from its end, in the scratch array.
        ParallelWork.ForBlocks(count, BlockSize, threads, (block, blockStart, blockEnd) =>
        {
            var bins = column.Span;
            int left = start + blockStart, right = start + blockEnd - 1;
            for (var i = start + blockStart; i < start + blockEnd; i++)
            {
                // Written to both free ends and kept at one: no branch on the data. The other copy
                // lands in the still-free middle and is overwritten later.
                var row = rows[i];
                var isLeft = goesLeft[bins[row]];
                scratch[left] = row;
                scratch[right] = row;
                left += isLeft;
                right -= 1 - isLeft;
            }

            leftCounts[block] = left - start - blockStart;
        });

        var totalLeft = 0;
        for (var block = 0; block < blocks; block++)
            totalLeft += leftCounts[block];

        // Pass 2: gather the blocks' left rows, then their right rows (undoing the reversal).
        var leftOffsets = new int[blocks];
        var rightOffsets = new int[blocks];
        int leftSoFar = 0, rightSoFar = 0;
        for (var block = 0; block < blocks; block++)
        {
            var (blockStart, blockEnd) = (block * BlockSize, Math.Min(count, (block + 1) * BlockSize));
            leftOffsets[block] = leftSoFar;
            rightOffsets[block] = rightSoFar;
            leftSoFar += leftCounts[block];
            rightSoFar += blockEnd - blockStart - leftCounts[block];
        }

        ParallelWork.ForBlocks(count, BlockSize, threads, (block, blockStart, blockEnd) =>
        {
            var left = leftCounts[block];
            scratch.AsSpan(start + blockStart, left).CopyTo(rows.AsSpan(start + leftOffsets[block]));
            var destination = start + totalLeft + rightOffsets[block];
            for (var i = start + blockEnd - 1; i >= start + blockStart + left; i--)
                rows[destination++] = scratch[i];
        });

        counts[leaf] = totalLeft;
        starts[newLeaf] = start + totalLeft;
        counts[newLeaf] = count - totalLeft;
    }
}
