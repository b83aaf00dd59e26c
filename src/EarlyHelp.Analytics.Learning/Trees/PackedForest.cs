using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>
/// Every node of an ensemble in one array of 16-byte records, children as absolute indices, so
/// that scoring walks compact memory with no per-tree objects. A leaf is a node whose children are
/// itself, so that several rows can descend a tree in lockstep with no branch on the data.
/// </summary>
internal sealed class PackedForest
{
    private const int RowsPerBlock = 64;
    private readonly PackedNode[] nodes;
    private readonly double[] leafValues;
    private readonly int[] roots;
    private readonly int[] depths;

    public PackedForest(IReadOnlyList<RegressionTree> trees)
    {
        var nodeCount = trees.Sum(t => t.NodeCount + t.LeafCount);
        nodes = new PackedNode[nodeCount];
        leafValues = new double[nodeCount];
        roots = new int[trees.Count];
        depths = new int[trees.Count];
        var nodeBase = 0;
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            var leafBase = nodeBase + tree.NodeCount;
            int Absolute(int child) => child >= 0 ? nodeBase + child : leafBase + ~child;
            roots[t] = tree.NodeCount == 0 ? leafBase : nodeBase;
            for (var node = 0; node < tree.NodeCount; node++)
            {
                nodes[nodeBase + node] = new PackedNode(
                    tree.Thresholds[node], tree.SplitFeatures[node], tree.DefaultLeft[node],
                    Absolute(tree.LeftChildren[node]), Absolute(tree.RightChildren[node]));
            }

            for (var leaf = 0; leaf < tree.LeafCount; leaf++)
            {
                nodes[leafBase + leaf] = new PackedNode(0, 0, true, leafBase + leaf, leafBase + leaf);
                leafValues[leafBase + leaf] = tree.LeafValues[leaf];
            }

            depths[t] = Depth(tree, 0);
            nodeBase = leafBase + tree.LeafCount;
        }
    }

    /// <summary>Base score plus every tree's output for one row, trees summed in order.</summary>
    public double Predict(double baseScore, ReadOnlySpan<float> row)
    {
        var sum = baseScore;
        for (var t = 0; t < roots.Length; t++)
            sum += leafValues[Descend(roots[t], depths[t], row)];
        return sum;
    }

    /// <summary>The raw score of every row, blocks of rows spread over threads.</summary>
    public double[] Predict(double baseScore, DenseDataset data, int threads)
    {
        var scores = new double[data.RowCount];
        var width = data.FeatureCount;
        ParallelWork.ForBlocks(data.RowCount, RowsPerBlock * 16, threads, (_, start, end) =>
        {
            var values = data.Values;
            for (var blockStart = start; blockStart < end; blockStart += RowsPerBlock)
            {
                var blockEnd = Math.Min(end, blockStart + RowsPerBlock);
                scores.AsSpan(blockStart, blockEnd - blockStart).Fill(baseScore);
                // Tree by tree over a block of rows, so that the tree stays in cache.
                for (var t = 0; t < roots.Length; t++)
                {
                    var row = blockStart;
                    for (; row + 4 <= blockEnd; row += 4)
                        AddFour(t, values.Slice(row * width, 4 * width), width, scores.AsSpan(row, 4));
                    for (; row < blockEnd; row++)
                        scores[row] += leafValues[Descend(roots[t], depths[t], values.Slice(row * width, width))];
                }
            }
        });
        return scores;
    }

    /// <summary>
    /// Walks four rows down tree <paramref name="tree"/> in lockstep until all four sit at leaves:
    /// the four walks are independent, so the processor overlaps them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddFour(int tree, ReadOnlySpan<float> fourRows, int width, Span<double> scores)
    {
        ref var node0 = ref MemoryMarshal.GetArrayDataReference(nodes);
        ref var row0 = ref MemoryMarshal.GetReference(fourRows);
        ref var row1 = ref Unsafe.Add(ref row0, width);
        ref var row2 = ref Unsafe.Add(ref row1, width);
        ref var row3 = ref Unsafe.Add(ref row2, width);
        int n0 = roots[tree], n1 = n0, n2 = n0, n3 = n0;
        while (true)
        {
            var m0 = Child(ref node0, n0, ref row0);
            var m1 = Child(ref node0, n1, ref row1);
            var m2 = Child(ref node0, n2, ref row2);
            var m3 = Child(ref node0, n3, ref row3);
            if (((m0 ^ n0) | (m1 ^ n1) | (m2 ^ n2) | (m3 ^ n3)) == 0)
                break;
            (n0, n1, n2, n3) = (m0, m1, m2, m3);
        }

        scores[0] += leafValues[n0];
        scores[1] += leafValues[n1];
        scores[2] += leafValues[n2];
        scores[3] += leafValues[n3];
    }

    private int Descend(int node, int depth, ReadOnlySpan<float> row)
    {
        ref var node0 = ref MemoryMarshal.GetArrayDataReference(nodes);
        ref var value0 = ref MemoryMarshal.GetReference(row);
        for (var step = depth; step > 0; step--)
            node = Child(ref node0, node, ref value0);
        return node;
    }

    /// <summary>
    /// One step down from <paramref name="node"/> for a row (a leaf steps to itself). The
    /// comparison picks the child by index, so an unpredictable direction costs no misprediction.
    /// The row must hold a value for every feature; callers check its length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Child(ref PackedNode node0, int node, ref float row)
    {
        ref readonly var split = ref Unsafe.Add(ref node0, node);
        var value = Unsafe.Add(ref row, split.Feature);
        // Right when above the threshold, or missing and missing values go right.
        var right = (value > split.Threshold) | (float.IsNaN(value) & split.DefaultRight);
        return Unsafe.Add(ref Unsafe.AsRef(in split.Left), right ? 1 : 0);
    }

    private static int Depth(RegressionTree tree, int child) =>
        child < 0 || tree.NodeCount == 0 ? 0 : 1 + Math.Max(Depth(tree, tree.LeftChildren[child]), Depth(tree, tree.RightChildren[child]));

    /// <summary>A node in 16 bytes: the missing-value direction rides in the feature's sign bit, the children sit side by side.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct PackedNode(float threshold, int feature, bool defaultLeft, int left, int right)
    {
        public readonly float Threshold = threshold;
        private readonly int featureAndDirection = defaultLeft ? feature : feature | int.MinValue;
        public readonly int Left = left;
        public readonly int Right = right;

        public int Feature => featureAndDirection & int.MaxValue;

        public bool DefaultRight => featureAndDirection < 0;
    }
}
