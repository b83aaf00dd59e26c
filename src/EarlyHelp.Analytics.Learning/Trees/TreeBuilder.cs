using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>Collects the nodes and leaves of a tree while it grows, then freezes them into a <see cref="RegressionTree"/>.</summary>
internal sealed class TreeBuilder(FeatureBinning binning)
{
    private readonly List<int> features = [];
    private readonly List<int> binThresholds = [];
    private readonly List<bool> defaultLeft = [];
    private readonly List<int> leftChildren = [];
    private readonly List<int> rightChildren = [];
    private readonly List<double> gains = [];
    private readonly List<double> covers = [];
    private readonly List<int> counts = [];
    private readonly List<(double Value, GradientSums Totals)> leaves = [];

    /// <summary>
    /// Adds a split node for the leaf numbered <paramref name="leftLeaf"/>, whose children are that
    /// leaf and the new leaf <paramref name="rightLeaf"/>, and points its parent at it.
    /// </summary>
    public int AddNode(SplitCandidate split, GradientSums totals, int parentNode, bool isLeftChild, int leftLeaf, int rightLeaf)
    {
        var node = features.Count;
        features.Add(split.Feature);
        binThresholds.Add(split.BinThreshold);
        defaultLeft.Add(split.DefaultLeft);
        leftChildren.Add(~leftLeaf);
        rightChildren.Add(~rightLeaf);
        gains.Add(split.Gain);
        covers.Add(totals.Hessian);
        counts.Add(totals.Count);
        if (parentNode >= 0)
        {
            if (isLeftChild)
                leftChildren[parentNode] = node;
            else
                rightChildren[parentNode] = node;
        }

        return node;
    }

    /// <summary>Sets the value of a leaf (learning rate applied) and the training rows it holds.</summary>
    public void SetLeaf(int leaf, double value, GradientSums totals)
    {
        while (leaves.Count <= leaf)
            leaves.Add(default);
        leaves[leaf] = (value, totals);
    }

    /// <summary>The finished tree.</summary>
    public RegressionTree Build(int leafCount) => new(
        binning,
        [.. features], [.. binThresholds], [.. defaultLeft], [.. leftChildren], [.. rightChildren],
        [.. gains], [.. covers], [.. counts],
        [.. leaves.Take(leafCount).Select(l => l.Value)],
        [.. leaves.Take(leafCount).Select(l => l.Totals.Hessian)],
        [.. leaves.Take(leafCount).Select(l => l.Totals.Count)]);
}
