using System.Runtime.Intrinsics;

namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>Histogram building and split search for the leaves of the tree being grown.</summary>
internal sealed partial class TreeGrower
{
    /// <summary>A leaf with at least this many rows per chunk is counted in row chunks (up to <see cref="MaximumRowChunks"/>).</summary>
    private const int RowsPerChunk = 8_192;

    /// <summary>Below this many bin additions (rows × features, searches counted as 1,024 rows) one thread does a leaf's work.</summary>
    private const long MinimumParallelWork = 65_536;

    /// <summary>The most row chunks a leaf is cut into.</summary>
    private const int MaximumRowChunks = 4;

    /// <summary>
    /// Builds the histogram of leaf <paramref name="smaller"/> from its rows, turns the parent's
    /// histogram (held by <paramref name="larger"/>, when ≥ 0) into the larger sibling's by
    /// subtraction, and finds each leaf's best split. A large leaf is counted in row chunks, one
    /// histogram each, added up in chunk order, so that each thread reads its rows once; a small
    /// one is counted by feature groups. Either way the number of chunks depends on the leaf
    /// alone and every sum is taken in a fixed order, so the result does not depend on the thread
    /// count; the best split is then chosen in feature order.
    /// </summary>
    private void BuildAndSearch(GradientPair[] gradients, int[] features, int smaller, int larger, bool rootTotals, bool searchSmaller = true)
    {
        if (rootTotals)
            (leaves[smaller].Totals, leaves[smaller].MaximumRowHessian) = SumOverRows(gradients, partition.RowsMemory(smaller));
        var smallerHistogram = histograms[leaves[smaller].Histogram];
        var largerHistogram = larger >= 0 ? histograms[leaves[larger].Histogram] : null;
        var rows = partition.RowsMemory(smaller);
        var smallerLeaf = Search(smaller);
        var largerLeaf = larger >= 0 ? Search(larger) : default;
        var chunks = Math.Clamp(rows.Length / RowsPerChunk, 1, MaximumRowChunks);
        if (chunks > 1)
        {
            ParallelWork.For(chunks, threads, chunk =>
            {
                var (start, end) = ((int)((long)rows.Length * chunk / chunks), (int)((long)rows.Length * (chunk + 1) / chunks));
                var histogram = chunk == 0 ? smallerHistogram : chunkHistograms[chunk - 1];
                Count(histogram, features, rows.Span[start..end], gradients, gatherBuffers[chunk]);
            });
        }

        // A small leaf is not worth waking another thread for: a thread's start costs about as
        // much as counting a thousand rows.
        var work = (long)rows.Length * features.Length + features.Length * 1024L;
        var parts = work < MinimumParallelWork ? 1 : Math.Min(threads, features.Length);
        ParallelWork.For(parts, threads, part =>
        {
            var (first, end) = ((int)((long)features.Length * part / parts), (int)((long)features.Length * (part + 1) / parts));
            var group = features.AsSpan(first, end - first);
            if (chunks == 1)
                Count(smallerHistogram, group, rows.Span, gradients, gatherBuffers[part]);
            foreach (var feature in group)
            {
                var smallerBins = layout.Of(smallerHistogram, feature);
                for (var chunk = 1; chunk < chunks; chunk++)
                    HistogramArithmetic.AddInPlace(smallerBins, layout.Of(chunkHistograms[chunk - 1], feature));
                if (searchSmaller)
                    smallerCandidates[feature] = finder.Best(feature, smallerBins, smallerLeaf, []);
                if (largerHistogram is null)
                    continue;
                var largerBins = layout.Of(largerHistogram, feature);
                HistogramArithmetic.SubtractInPlace(largerBins, smallerBins);
                largerCandidates[feature] = finder.Best(feature, largerBins, largerLeaf, []);
            }
        });

        if (searchSmaller)
            leaves[smaller].Best = Resolve(smaller, smallerHistogram, smallerCandidates, features);
        if (larger >= 0)
            leaves[larger].Best = Resolve(larger, largerHistogram!, largerCandidates, features);
    }

    /// <summary>
    /// The leaf's best split with its row counts checked: while the leading candidate may leave a
    /// side with too few rows, that feature's bins are counted from the leaf's rows and the
    /// feature searched again with exact counts. A feature's gain can only fall by this, so once
    /// the leader is checked no other feature could have beaten it.
    /// </summary>
    private SplitCandidate Resolve(int leaf, HistogramBin[] histogram, SplitCandidate[] candidates, int[] features)
    {
        while (true)
        {
            var best = FirstBest(candidates, features);
            if (!best.IsValid || best.CountsChecked)
                return best;
            var feature = best.Feature;
            var counts = binCounts.AsSpan(0, layout.BinCounts[feature]);
            counts.Clear();
            var column = data.Column(feature);
            foreach (var row in partition.Rows(leaf))
                counts[column[row]]++;
            candidates[feature] = finder.Best(feature, layout.Of(histogram, feature), Search(leaf), counts);
        }
    }

    /// <summary>Clears the given features' bins of <paramref name="histogram"/> and counts <paramref name="rows"/> into them.</summary>
    private void Count(HistogramBin[] histogram, ReadOnlySpan<int> features, ReadOnlySpan<int> rows, GradientPair[] gradients, Vector128<double>[] buffer)
    {
        foreach (var feature in features)
            layout.Of(histogram, feature).Clear();
        for (var blockStart = 0; blockStart < rows.Length; blockStart += GatherBlock)
        {
            var blockRows = rows.Slice(blockStart, Math.Min(GatherBlock, rows.Length - blockStart));
            var ordered = buffer.AsSpan(0, blockRows.Length);
            for (var k = 0; k < blockRows.Length; k++)
                ordered[k] = HistogramBin.Row(gradients[blockRows[k]]);
            binIndices.Accumulate(histogram, features, blockRows, ordered);
        }
    }

    /// <summary>The candidate with the largest gain, the first in feature order among equals.</summary>
    private static SplitCandidate FirstBest(SplitCandidate[] candidates, int[] features)
    {
        var best = SplitCandidate.None;
        foreach (var feature in features)
        {
            if (candidates[feature].IsValid && candidates[feature].Gain > best.Gain)
                best = candidates[feature];
        }

        return best;
    }

    /// <summary>The sums over the rows and the largest hessian of one row, block by block and the blocks in order.</summary>
    private (GradientSums Sums, double MaximumRowHessian) SumOverRows(GradientPair[] gradients, ReadOnlyMemory<int> rows)
    {
        const int blockSize = 16_384;
        var partial = new (double Gradient, double Hessian, double Largest)[ParallelWork.BlockCount(rows.Length, blockSize)];
        ParallelWork.ForBlocks(rows.Length, blockSize, threads, (block, start, end) =>
        {
            double gradient = 0, hessian = 0, largest = 0;
            foreach (var row in rows.Span[start..end])
            {
                gradient += gradients[row].Gradient;
                hessian += gradients[row].Hessian;
                largest = Math.Max(largest, gradients[row].Hessian);
            }

            partial[block] = (gradient, hessian, largest);
        });
        var sums = partial.Aggregate((G: 0.0, H: 0.0, M: 0.0), (total, part) => (total.G + part.Gradient, total.H + part.Hessian, Math.Max(total.M, part.Largest)));
        return (new GradientSums(sums.G, sums.H, rows.Length), sums.M);
    }
}
