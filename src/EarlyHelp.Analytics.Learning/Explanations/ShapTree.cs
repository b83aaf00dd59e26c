using EarlyHelp.Analytics.Learning.Trees;

namespace EarlyHelp.Analytics.Learning.Explanations;

/// <summary>
/// One tree laid out for TreeSHAP: split nodes and leaves in one index space (leaves after the
/// split nodes), with each node's cover and each leaf's value, and the tree's expected output
/// (its leaves weighed by cover), the value TreeSHAP's attributions start from.
/// </summary>
internal sealed class ShapTree
{
    public ShapTree(RegressionTree tree)
    {
        var nodes = tree.NodeCount;
        var total = nodes + tree.LeafCount;
        Features = new int[total];
        Thresholds = new float[total];
        DefaultLeft = new bool[total];
        Left = new int[total];
        Right = new int[total];
        Covers = new double[total];
        Values = new double[total];
        int Index(int child) => child >= 0 ? child : nodes + ~child;
        for (var node = 0; node < nodes; node++)
        {
            Features[node] = tree.SplitFeatures[node];
            Thresholds[node] = tree.Thresholds[node];
            DefaultLeft[node] = tree.DefaultLeft[node];
            Left[node] = Index(tree.LeftChildren[node]);
            Right[node] = Index(tree.RightChildren[node]);
            Covers[node] = tree.NodeCovers[node];
        }

        for (var leaf = 0; leaf < tree.LeafCount; leaf++)
        {
            Features[nodes + leaf] = -1;
            Covers[nodes + leaf] = tree.LeafCovers[leaf];
            Values[nodes + leaf] = tree.LeafValues[leaf];
        }

        var rootCover = Covers[Root];
        for (var leaf = 0; leaf < tree.LeafCount; leaf++)
            ExpectedValue += rootCover > 0 ? tree.LeafCovers[leaf] / rootCover * tree.LeafValues[leaf] : tree.LeafValues[leaf] / tree.LeafCount;
        Depth = DepthBelow(Root);
    }

    /// <summary>The root's index: 0, a split node, or the only leaf when the tree has no split.</summary>
    public int Root => 0;

    /// <summary>Split feature per node, −1 at leaves.</summary>
    public int[] Features { get; }

    /// <summary>Split threshold per node.</summary>
    public float[] Thresholds { get; }

    /// <summary>Missing-value direction per node.</summary>
    public bool[] DefaultLeft { get; }

    /// <summary>Left child per node.</summary>
    public int[] Left { get; }

    /// <summary>Right child per node.</summary>
    public int[] Right { get; }

    /// <summary>Training hessian sum per node.</summary>
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
