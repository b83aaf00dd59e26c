using EarlyHelp.Analytics.Learning.Trees;

namespace EarlyHelp.Analytics.Learning.Explanations;

/// <summary>
/// One tree laid out for TreeSHAP: split nodes and leaves in one index space (leaves after the
/// split nodes), with each node's cover (training rows that reached it) and each leaf's value in
/// log-odds, and the tree's expected output (its leaves weighed by cover), the value TreeSHAP's
/// attributions start from.
/// </summary>
internal sealed class ShapTree
{
    /// <summary>The tree with its leaf values multiplied by <paramref name="scale"/> (log-odds per unit of raw score).</summary>
    public ShapTree(RegressionTree tree, double scale)
    {
        var nodes = tree.NodeCount;
        var total = nodes + tree.LeafCount;
        Features = new int[total];
        Thresholds = new float[total];
        Left = new int[total];
        Right = new int[total];
        Covers = new double[total];
        Values = new double[total];
        int Index(int child) => child >= 0 ? child : nodes + ~child;
        for (var node = 0; node < nodes; node++)
        {
            Features[node] = tree.SplitFeatures[node];
            Thresholds[node] = tree.Thresholds[node];
            Left[node] = Index(tree.LeftChildren[node]);
            Right[node] = Index(tree.RightChildren[node]);
            Covers[node] = tree.NodeCounts[node];
        }

        for (var leaf = 0; leaf < tree.LeafCount; leaf++)
        {
            Features[nodes + leaf] = -1;
            Covers[nodes + leaf] = tree.LeafCounts[leaf];
            Values[nodes + leaf] = tree.LeafValues[leaf] * scale;
        }

        var rootCover = Covers[Root];
        for (var leaf = 0; leaf < tree.LeafCount; leaf++)
            ExpectedValue += rootCover > 0 ? Covers[nodes + leaf] / rootCover * Values[nodes + leaf] : Values[nodes + leaf] / tree.LeafCount;
        Depth = DepthBelow(Root);
    }

    /// <summary>The root's index: 0, a split node, or the only leaf when the tree has no split.</summary>
    public int Root => 0;

    /// <summary>Split feature per node, −1 at leaves.</summary>
    public int[] Features { get; }

    /// <summary>Split threshold per node.</summary>
    public float[] Thresholds { get; }

    /// <summary>Left child per node.</summary>
    public int[] Left { get; }

    /// <summary>Right child per node.</summary>
    public int[] Right { get; }

    /// <summary>Training rows per node.</summary>
    public double[] Covers { get; }

    /// <summary>Output per leaf (0 at split nodes).</summary>
    public double[] Values { get; }

    /// <summary>Σ over leaves of cover share × value: the tree's output with no feature known.</summary>
    public double ExpectedValue { get; }

    /// <summary>Split nodes on the longest root-to-leaf path.</summary>
    public int Depth { get; }

    private int DepthBelow(int node) =>
        Features[node] < 0 ? 0 : 1 + Math.Max(DepthBelow(Left[node]), DepthBelow(Right[node]));
}
