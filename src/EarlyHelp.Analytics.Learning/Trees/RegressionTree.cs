using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>
/// One trained tree as flat arrays. Split node i sends a row left when its value of
/// <c>SplitFeatures[i]</c> is at most <c>Thresholds[i]</c> (equivalently, its bin is at most
/// <c>BinThresholds[i]</c>), and a missing value to the left exactly when <c>DefaultLeft[i]</c>.
/// A child index c ≥ 0 is a split node; c &lt; 0 is leaf <c>~c</c>. A tree without split nodes is
/// a single leaf. Covers are the training rows' hessian sums, as TreeSHAP weighs paths.
/// </summary>
public sealed class RegressionTree
{
    private readonly int[] splitFeatures;
    private readonly int[] binThresholds;
    private readonly float[] thresholds;
    private readonly bool[] defaultLeft;
    private readonly int[] leftChildren;
    private readonly int[] rightChildren;
    private readonly double[] gains;
    private readonly double[] nodeCovers;
    private readonly int[] nodeExampleCounts;
    private readonly double[] leafValues;
    private readonly double[] leafCovers;
    private readonly int[] leafExampleCounts;

    /// <summary>A tree from its arrays; thresholds are taken from <paramref name="binning"/>, and the structure is checked.</summary>
    /// <exception cref="ArgumentException">The arrays do not describe one tree (lengths, indices, every node reached once).</exception>
    internal RegressionTree(
        FeatureBinning binning,
        int[] splitFeatures, int[] binThresholds, bool[] defaultLeft, int[] leftChildren, int[] rightChildren,
        double[] gains, double[] nodeCovers, int[] nodeExampleCounts,
        double[] leafValues, double[] leafCovers, int[] leafExampleCounts)
    {
        this.splitFeatures = splitFeatures;
        this.binThresholds = binThresholds;
        this.defaultLeft = defaultLeft;
        this.leftChildren = leftChildren;
        this.rightChildren = rightChildren;
        this.gains = gains;
        this.nodeCovers = nodeCovers;
        this.nodeExampleCounts = nodeExampleCounts;
        this.leafValues = leafValues;
        this.leafCovers = leafCovers;
        this.leafExampleCounts = leafExampleCounts;
        CheckStructure(binning);
        thresholds = new float[splitFeatures.Length];
        for (var node = 0; node < thresholds.Length; node++)
            thresholds[node] = binning.Threshold(splitFeatures[node], binThresholds[node]);
    }

    /// <summary>Number of split nodes (leaves are one more).</summary>
    public int NodeCount => splitFeatures.Length;

    /// <summary>Number of leaves.</summary>
    public int LeafCount => leafValues.Length;

    /// <summary>The feature each split node tests.</summary>
    public ReadOnlySpan<int> SplitFeatures => splitFeatures;

    /// <summary>The last bin each split node sends left (value bins count from 1).</summary>
    public ReadOnlySpan<int> BinThresholds => binThresholds;

    /// <summary>The largest value each split node sends left (+∞ when only missing values go right).</summary>
    public ReadOnlySpan<float> Thresholds => thresholds;

    /// <summary>Whether each split node sends missing values left.</summary>
    public ReadOnlySpan<bool> DefaultLeft => defaultLeft;

    /// <summary>Left child of each split node (≥ 0 a split node, &lt; 0 the leaf <c>~c</c>).</summary>
    public ReadOnlySpan<int> LeftChildren => leftChildren;

    /// <summary>Right child of each split node (≥ 0 a split node, &lt; 0 the leaf <c>~c</c>).</summary>
    public ReadOnlySpan<int> RightChildren => rightChildren;

    /// <summary>The loss reduction each split achieved in training (its contribution to feature importance).</summary>
    public ReadOnlySpan<double> Gains => gains;

    /// <summary>Hessian sum of the training rows that reached each split node.</summary>
    public ReadOnlySpan<double> NodeCovers => nodeCovers;

    /// <summary>Number of training rows that reached each split node.</summary>
    public ReadOnlySpan<int> NodeExampleCounts => nodeExampleCounts;

    /// <summary>Each leaf's contribution to the raw score (learning rate applied).</summary>
    public ReadOnlySpan<double> LeafValues => leafValues;

    /// <summary>Hessian sum of the training rows that reached each leaf.</summary>
    public ReadOnlySpan<double> LeafCovers => leafCovers;

    /// <summary>Number of training rows that reached each leaf.</summary>
    public ReadOnlySpan<int> LeafExampleCounts => leafExampleCounts;

    /// <summary>The leaf a row of raw values (NaN missing) reaches.</summary>
    public int LeafIndex(ReadOnlySpan<float> row)
    {
        if (splitFeatures.Length == 0)
            return 0;
        var node = 0;
        while (node >= 0)
        {
            var value = row[splitFeatures[node]];
            var left = float.IsNaN(value) ? defaultLeft[node] : value <= thresholds[node];
            node = left ? leftChildren[node] : rightChildren[node];
        }

        return ~node;
    }

    /// <summary>The leaf a row of a binned dataset reaches.</summary>
    public int LeafIndex(BinnedDataset data, int row)
    {
        if (splitFeatures.Length == 0)
            return 0;
        var node = 0;
        while (node >= 0)
        {
            var bin = data[row, splitFeatures[node]];
            var left = bin == FeatureBinning.MissingBin ? defaultLeft[node] : bin <= binThresholds[node];
            node = left ? leftChildren[node] : rightChildren[node];
        }

        return ~node;
    }

    /// <summary>The tree's output for a row of raw values.</summary>
    public double Predict(ReadOnlySpan<float> row) => leafValues[LeafIndex(row)];

    private void CheckStructure(FeatureBinning binning)
    {
        var nodes = splitFeatures.Length;
        if (binThresholds.Length != nodes || defaultLeft.Length != nodes || leftChildren.Length != nodes || rightChildren.Length != nodes
            || gains.Length != nodes || nodeCovers.Length != nodes || nodeExampleCounts.Length != nodes)
            throw new ArgumentException($"The split node arrays of a tree with {nodes} split nodes differ in length.");
        if (leafValues.Length != nodes + 1 || leafCovers.Length != nodes + 1 || leafExampleCounts.Length != nodes + 1)
            throw new ArgumentException($"A tree with {nodes} split nodes must have {nodes + 1} leaves in every leaf array.");
        for (var node = 0; node < nodes; node++)
        {
            var feature = splitFeatures[node];
            if (feature < 0 || feature >= binning.FeatureCount)
                throw new ArgumentException($"Split node {node} tests feature {feature}; there are {binning.FeatureCount}.");
            if (binThresholds[node] < 1 || binThresholds[node] > binning.ValueBinCount(feature))
                throw new ArgumentException($"Split node {node} has bin threshold {binThresholds[node]}; feature '{binning.FeatureNames[feature]}' has bins 1 to {binning.ValueBinCount(feature)}.");
        }

        // Every split node but the root, and every leaf, must be the child of exactly one split node,
        // and children must come after their parent, so the tree has no cycle.
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
