using System.Runtime.Intrinsics;
using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>
/// Grows one tree leaf-wise (best-first, as LightGBM does): the leaf whose best split gains most
/// is split next, until the tree has its leaves or no split gains. Of two new siblings only the
/// one with fewer rows gets a histogram built from its rows; the other's is its parent's minus
/// it. Buffers are kept between trees.
/// </summary>
internal sealed partial class TreeGrower
{
    /// <summary>Rows whose gradients are gathered at once: small enough to stay in the first-level cache.</summary>
    private const int GatherBlock = 256;

    private readonly GradientBoostingOptions options;
    private readonly BinnedDataset data;
    private readonly HistogramLayout layout;
    private readonly SplitFinder finder;
    private readonly int[] monotoneDirections;
    private readonly int threads;
    private readonly RowPartition partition;
    private readonly HistogramBin[][] histograms;
    private readonly Stack<int> freeHistograms = new();
    private readonly LeafState[] leaves;
    private readonly Vector128<double>[][] gatherBuffers;
    private readonly HistogramBin[][] chunkHistograms;
    private readonly BinIndexMatrix binIndices;
    private readonly SplitCandidate[] smallerCandidates;
    private readonly SplitCandidate[] largerCandidates;
    private readonly byte[] goesLeft = new byte[256];
    private readonly int[] binCounts = new int[FeatureBinning.MaximumValueBinCount + 1];

    public TreeGrower(GradientBoostingOptions options, BinnedDataset data, int[] monotoneDirections, int threads)
    {
        this.options = options;
        this.data = data;
        this.monotoneDirections = monotoneDirections;
        this.threads = threads;
        layout = new HistogramLayout(data.Binning);
        finder = new SplitFinder(options, monotoneDirections);
        partition = new RowPartition(data.RowCount, options.NumberOfLeaves);
        // A leaf keeps its histogram until it is split; the new smaller child needs one more.
        histograms = new HistogramBin[options.NumberOfLeaves + 1][];
        leaves = new LeafState[options.NumberOfLeaves];
        gatherBuffers = [.. Enumerable.Range(0, Math.Max(threads, MaximumRowChunks)).Select(_ => new Vector128<double>[GatherBlock])];
        chunkHistograms = [.. Enumerable.Range(0, MaximumRowChunks - 1).Select(_ => new HistogramBin[layout.TotalBins])];
        binIndices = BinIndexMatrix.Create(data, layout, threads);
        smallerCandidates = new SplitCandidate[data.FeatureCount];
        largerCandidates = new SplitCandidate[data.FeatureCount];
    }

    /// <summary>The rows of each leaf of the tree grown last, to add its leaf values to their scores.</summary>
    public ReadOnlySpan<int> RowsOfLeaf(int leaf) => partition.Rows(leaf);

    /// <summary>
    /// Grows a tree on the given gradients, over the sampled rows (all rows when
    /// <paramref name="sampledRows"/> is empty), splitting only on <paramref name="features"/> (ascending).
    /// </summary>
    public RegressionTree Grow(GradientPair[] gradients, ReadOnlySpan<int> sampledRows, int[] features)
    {
        freeHistograms.Clear();
        for (var i = histograms.Length - 1; i >= 0; i--)
            freeHistograms.Push(i);
        partition.Reset(data.RowCount, sampledRows);

        var builder = new TreeBuilder(data.Binning);
        var root = new LeafState
        {
            Depth = 0,
            Lower = double.NegativeInfinity,
            Upper = double.PositiveInfinity,
            ParentNode = -1,
            Histogram = RentHistogram(),
            Best = SplitCandidate.None,
        };
        leaves[0] = root;
        var leafCount = 1;
        BuildAndSearch(gradients, features, smaller: 0, larger: -1, rootTotals: true);

        while (leafCount < options.NumberOfLeaves)
        {
            var leaf = BestLeaf(leafCount);
            if (leaf < 0)
                break;
            var newLeaf = leafCount++;
            SplitLeaf(builder, leaf, newLeaf);
            var canSplitMore = leafCount < options.NumberOfLeaves;
            var leftSplits = canSplitMore && MaySplit(leaf);
            var rightSplits = canSplitMore && MaySplit(newLeaf);
            var parentHistogram = leaves[leaf].Histogram;
            leaves[leaf].Histogram = leaves[newLeaf].Histogram = -1;
            if (!leftSplits && !rightSplits)
            {
                freeHistograms.Push(parentHistogram);
                continue;
            }

            var (smaller, larger) = partition.Count(leaf) <= partition.Count(newLeaf) ? (leaf, newLeaf) : (newLeaf, leaf);
            var largerSplits = larger == leaf ? leftSplits : rightSplits;
            var smallerSplits = smaller == leaf ? leftSplits : rightSplits;
            leaves[smaller].Histogram = RentHistogram();
            if (largerSplits)
                leaves[larger].Histogram = parentHistogram;
            BuildAndSearch(gradients, features, smaller, largerSplits ? larger : -1, rootTotals: false, searchSmaller: smallerSplits);
            if (!largerSplits)
                freeHistograms.Push(parentHistogram);
            if (!smallerSplits)
            {
                freeHistograms.Push(leaves[smaller].Histogram);
                leaves[smaller].Histogram = -1;
            }
        }

        for (var leaf = 0; leaf < leafCount; leaf++)
        {
            ref var state = ref leaves[leaf];
            var value = finder.Weight(state.Totals, state.Lower, state.Upper) * options.LearningRate;
            builder.SetLeaf(leaf, value, state.Totals);
        }

        return builder.Build(leafCount);
    }

    /// <summary>The leaf with the largest gain (the lowest number among equals), or −1 when no leaf can be split.</summary>
    private int BestLeaf(int leafCount)
    {
        var best = -1;
        for (var leaf = 0; leaf < leafCount; leaf++)
        {
            if (leaves[leaf].Best.IsValid && (best < 0 || leaves[leaf].Best.Gain > leaves[best].Best.Gain))
                best = leaf;
        }

        return best;
    }

    private bool MaySplit(int leaf) =>
        (options.MaximumDepth is null || leaves[leaf].Depth < options.MaximumDepth) && finder.CanSplit(leaves[leaf].Totals);

    /// <summary>Records the split of <paramref name="leaf"/> as a node and moves its right rows to <paramref name="newLeaf"/>.</summary>
    private void SplitLeaf(TreeBuilder builder, int leaf, int newLeaf)
    {
        ref var parent = ref leaves[leaf];
        var split = parent.Best;
        var node = builder.AddNode(split, parent.Totals, parent.ParentNode, parent.IsLeftChild, leaf, newLeaf);

        goesLeft[FeatureBinning.MissingBin] = split.DefaultLeft ? (byte)1 : (byte)0;
        for (var bin = 1; bin < goesLeft.Length; bin++)
            goesLeft[bin] = bin <= split.BinThreshold ? (byte)1 : (byte)0;
        partition.Split(leaf, newLeaf, data.ColumnMemory(split.Feature), goesLeft, threads);

        var (leftLower, leftUpper, rightLower, rightUpper) = (parent.Lower, parent.Upper, parent.Lower, parent.Upper);
        var direction = monotoneDirections[split.Feature];
        if (direction != 0)
        {
            // Every leaf below the left child stays on one side of the midpoint and every leaf
            // below the right child on the other, so the whole tree is monotone in the feature.
            var middle = (split.LeftWeight + split.RightWeight) / 2;
            if (direction > 0)
                (leftUpper, rightLower) = (Math.Min(leftUpper, middle), Math.Max(rightLower, middle));
            else
                (leftLower, rightUpper) = (Math.Max(leftLower, middle), Math.Min(rightUpper, middle));
        }

        // The histograms gave the sides' sums; the partition gives their row counts.
        var depth = parent.Depth + 1;
        var maximumRowHessian = parent.MaximumRowHessian;
        leaves[newLeaf] = new LeafState
        {
            Depth = depth, Lower = rightLower, Upper = rightUpper, Totals = split.Right with { Count = partition.Count(newLeaf) },
            MaximumRowHessian = maximumRowHessian, ParentNode = node, IsLeftChild = false, Histogram = -1, Best = SplitCandidate.None,
        };
        leaves[leaf] = new LeafState
        {
            Depth = depth, Lower = leftLower, Upper = leftUpper, Totals = split.Left with { Count = partition.Count(leaf) },
            MaximumRowHessian = maximumRowHessian, ParentNode = node, IsLeftChild = true, Histogram = parent.Histogram, Best = SplitCandidate.None,
        };
    }

    private int RentHistogram()
    {
        var index = freeHistograms.Pop();
        histograms[index] ??= new HistogramBin[layout.TotalBins];
        return index;
    }

    /// <summary>What the split search is told about a leaf.</summary>
    private LeafSearch Search(int leaf) => new(leaves[leaf].Totals, leaves[leaf].Lower, leaves[leaf].Upper, leaves[leaf].MaximumRowHessian);

    /// <summary>What the grower knows about a leaf of the tree being grown.</summary>
    private struct LeafState
    {
        public GradientSums Totals;
        public double MaximumRowHessian;
        public int Depth;
        public double Lower;
        public double Upper;
        public int ParentNode;
        public bool IsLeftChild;
        public int Histogram;
        public SplitCandidate Best;
    }
}
