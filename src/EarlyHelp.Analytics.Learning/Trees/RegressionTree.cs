namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>
/// One trained tree read out of ML.NET as flat arrays. Split node i sends a row left when its value
/// of <c>SplitFeatures[i]</c> is at most <c>Thresholds[i]</c> (ML.NET's rule; values arrive with
/// NaN already replaced by <see cref="MissingValues.Sentinel"/>). A child index c ≥ 0 is a split
/// node; c &lt; 0 is leaf <c>~c</c>. Leaf values carry the tree's weight. Counts are the training
/// rows that reached each node, which ML.NET does not store: they are found by routing the training
/// rows through the tree (see <see cref="TreeEnsemble"/>).
/// </summary>
public sealed class RegressionTree
{
    private readonly int[] splitFeatures;
    private readonly float[] thresholds;
    private readonly int[] leftChildren;
    private readonly int[] rightChildren;
    private readonly double[] gains;
    private readonly double[] leafValues;
    private readonly int[] nodeCounts;
    private readonly int[] leafCounts;

    /// <summary>A tree from its arrays, checked to describe one tree over <paramref name="featureCount"/> features.</summary>
    /// <exception cref="ArgumentException">The arrays do not describe one tree (lengths, indices, every node reached once).</exception>
    public RegressionTree(int featureCount, int[] splitFeatures, float[] thresholds, int[] leftChildren, int[] rightChildren,
        double[] gains, double[] leafValues, int[] nodeCounts, int[] leafCounts)
    {
        this.splitFeatures = splitFeatures;
        this.thresholds = thresholds;
        this.leftChildren = leftChildren;
        this.rightChildren = rightChildren;
        this.gains = gains;
        this.leafValues = leafValues;
        this.nodeCounts = nodeCounts;
        this.leafCounts = leafCounts;
        CheckStructure(featureCount);
    }

    /// <summary>Number of split nodes (leaves are one more).</summary>
    public int NodeCount => splitFeatures.Length;

    /// <summary>Number of leaves.</summary>
    public int LeafCount => leafValues.Length;

    /// <summary>The feature each split node tests.</summary>
    public ReadOnlySpan<int> SplitFeatures => splitFeatures;

    /// <summary>The largest value each split node sends left.</summary>
    public ReadOnlySpan<float> Thresholds => thresholds;

    /// <summary>Left child of each split node (≥ 0 a split node, &lt; 0 the leaf <c>~c</c>).</summary>
    public ReadOnlySpan<int> LeftChildren => leftChildren;

    /// <summary>Right child of each split node (≥ 0 a split node, &lt; 0 the leaf <c>~c</c>).</summary>
    public ReadOnlySpan<int> RightChildren => rightChildren;

    /// <summary>The gain ML.NET recorded for each split (its contribution to feature importance).</summary>
    public ReadOnlySpan<double> Gains => gains;

    /// <summary>Each leaf's contribution to the raw score, tree weight applied.</summary>
    public ReadOnlySpan<double> LeafValues => leafValues;

    /// <summary>Training rows that reached each split node.</summary>
    public ReadOnlySpan<int> NodeCounts => nodeCounts;

    /// <summary>Training rows that reached each leaf.</summary>
    public ReadOnlySpan<int> LeafCounts => leafCounts;

    /// <summary>The leaf a row reaches; the row's values must already have their NaN filled.</summary>
    public int LeafIndex(ReadOnlySpan<float> filledRow)
    {
        if (splitFeatures.Length == 0)
            return 0;
        var node = 0;
        while (node >= 0)
            node = filledRow[splitFeatures[node]] <= thresholds[node] ? leftChildren[node] : rightChildren[node];
        return ~node;
    }

    /// <summary>This tree with its node and leaf counts replaced.</summary>
    internal RegressionTree WithCounts(int featureCount, int[] nodes, int[] leaves) =>
        new(featureCount, splitFeatures, thresholds, leftChildren, rightChildren, gains, leafValues, nodes, leaves);

    private void CheckStructure(int featureCount)
    {
        var nodes = splitFeatures.Length;
        if (thresholds.Length != nodes || leftChildren.Length != nodes || rightChildren.Length != nodes || gains.Length != nodes || nodeCounts.Length != nodes)
            throw new ArgumentException($"The split node arrays of a tree with {nodes} split nodes differ in length.");
        if (leafValues.Length != nodes + 1 || leafCounts.Length != nodes + 1)
            throw new ArgumentException($"A tree with {nodes} split nodes must have {nodes + 1} leaves in every leaf array.");
        for (var node = 0; node < nodes; node++)
        {
            if (splitFeatures[node] < 0 || splitFeatures[node] >= featureCount)
                throw new ArgumentException($"Split node {node} tests feature {splitFeatures[node]}; there are {featureCount}.");
        }

        // Every split node but the root, and every leaf, is the child of exactly one split node, so
        // the arrays form one tree. ML.NET numbers children after their parents.
        var nodeSeen = new bool[nodes];
        var leafSeen = new bool[nodes + 1];
        for (var node = 0; node < nodes; node++)
        {
            foreach (var child in (ReadOnlySpan<int>)[leftChildren[node], rightChildren[node]])
            {
                var fresh = child >= 0
                    ? child > node && child < nodes && !nodeSeen[child]
                    : ~child <= nodes && !leafSeen[~child];
                if (!fresh)
                    throw new ArgumentException($"Split node {node} has child {child}, which is out of range, before its parent, or reached twice.");
                if (child >= 0)
                    nodeSeen[child] = true;
                else
                    leafSeen[~child] = true;
            }
        }
    }
}
