namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>Histogram building and split search for the leaves of the tree being grown.</summary>
internal sealed partial class TreeGrower
{

    /// <summary>
    /// Builds the histogram of leaf <paramref name="smaller"/> from its rows, turns the parent's
    /// histogram (held by <paramref name="larger"/>, when ≥ 0) into the larger sibling's by
    /// subtraction, and finds each leaf's best split. The features are cut into one group per
    /// thread; every feature's work is the same whatever the grouping, and the best split is then
    /// chosen in feature order, so the result does not depend on the thread count.
    /// </summary>
    private void BuildAndSearch(GradientPair[] gradients, int[] features, int smaller, int larger, bool rootTotals, bool searchSmaller = true)
    {
        if (rootTotals)
            leaves[smaller].Totals = SumOverRows(gradients, partition.Rows(smaller));
        var smallerHistogram = histograms[leaves[smaller].Histogram];
        var largerHistogram = larger >= 0 ? histograms[leaves[larger].Histogram] : null;
        var rows = partition.RowsMemory(smaller);
        var smallerLeaf = leaves[smaller];
        var largerLeaf = larger >= 0 ? leaves[larger] : default;
        var parts = Math.Min(threads, features.Length);

        ParallelWork.For(parts, threads, part =>
        {
            var (first, end) = ((int)((long)features.Length * part / parts), (int)((long)features.Length * (part + 1) / parts));
            var groupFeatures = features.AsSpan(first, end - first);
            foreach (var feature in groupFeatures)
                layout.Of(smallerHistogram, feature).Clear();

            var buffer = gatherBuffers[part].AsSpan();
            var allRows = rows.Span;
            for (var blockStart = 0; blockStart < allRows.Length; blockStart += GatherBlock)
            {
                var blockRows = allRows.Slice(blockStart, Math.Min(GatherBlock, allRows.Length - blockStart));
                var ordered = buffer[..blockRows.Length];
                for (var k = 0; k < blockRows.Length; k++)
                {
                    var row = blockRows[k];
                    ordered[k] = HistogramBin.Row(gradients[row]);
                }

                binIndices.Accumulate(smallerHistogram, groupFeatures, blockRows, ordered);
            }

            for (var i = first; i < end; i++)
            {
                var feature = features[i];
                var smallerBins = layout.Of(smallerHistogram, feature);
                if (searchSmaller)
                    smallerCandidates[feature] = finder.Best(feature, smallerBins, smallerLeaf.Totals, smallerLeaf.Lower, smallerLeaf.Upper);
                if (largerHistogram is null)
                    continue;
                var largerBins = layout.Of(largerHistogram, feature);
                HistogramArithmetic.SubtractInPlace(largerBins, smallerBins);
                largerCandidates[feature] = finder.Best(feature, largerBins, largerLeaf.Totals, largerLeaf.Lower, largerLeaf.Upper);
            }
        });

        if (searchSmaller)
            leaves[smaller].Best = FirstBest(smallerCandidates, features);
        if (larger >= 0)
            leaves[larger].Best = FirstBest(largerCandidates, features);
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

    private static GradientSums SumOverRows(GradientPair[] gradients, ReadOnlySpan<int> rows)
    {
        double gradient = 0, hessian = 0;
        foreach (var row in rows)
        {
            gradient += gradients[row].Gradient;
            hessian += gradients[row].Hessian;
        }

        return new GradientSums(gradient, hessian, rows.Length);
    }
}
