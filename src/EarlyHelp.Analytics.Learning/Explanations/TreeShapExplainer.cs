using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Trees;

namespace EarlyHelp.Analytics.Learning.Explanations;

/// <summary>
/// Exact path-dependent TreeSHAP (Lundberg, Erion &amp; Lee 2018, Algorithm 2): each feature's
/// Shapley contribution to a row's raw score, where a feature left out is integrated over the
/// training rows of the branches it would have taken (node covers are row counts, as ML.NET keeps no
/// hessians). Contributions are in log-odds (raw score × <see cref="TreeEnsemble.LogOddsPerScore"/>),
/// and with <see cref="ExpectedValue"/> add up to the log-odds of the model's own score. A missing
/// value is the sentinel the trees saw (low or high, as the model placed it), so its credit goes to the feature that is missing.
/// </summary>
public sealed class TreeShapExplainer
{
    private readonly ShapTree[] trees;
    private readonly ShapPath shapPath;
    private readonly int pathCapacity;

    /// <summary>An explainer for <paramref name="ensemble"/>; the trees are laid out once, here.</summary>
    public TreeShapExplainer(TreeEnsemble ensemble)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        Ensemble = ensemble;
        trees = [.. ensemble.Trees.Select(tree => new ShapTree(tree, ensemble.LogOddsPerScore))];
        ExpectedValue = ensemble.LogOdds(ensemble.Bias) + trees.Sum(tree => tree.ExpectedValue);
        var depth = trees.Length == 0 ? 0 : trees.Max(tree => tree.Depth);
        // Level d of the recursion keeps a path of d + 1 elements.
        pathCapacity = (depth + 2) * (depth + 3) / 2;
        shapPath = new ShapPath(depth);
    }

    /// <summary>The model explained.</summary>
    public TreeEnsemble Ensemble { get; }

    /// <summary>The log-odds with no feature known: the bias's plus each tree's cover-weighted mean leaf value.</summary>
    public double ExpectedValue { get; }

    /// <summary>Writes each feature's contribution to the log-odds of <paramref name="row"/> into <paramref name="contributions"/>.</summary>
    public void Explain(ReadOnlySpan<float> row, Span<double> contributions)
    {
        var featureCount = Ensemble.FeatureNames.Count;
        if (row.Length != featureCount || contributions.Length != featureCount)
            throw new ArgumentException($"The row and the contributions must have one entry per feature ({featureCount}).");
        Explain(row, contributions, new Workspace(pathCapacity));
    }

    /// <summary>The contributions for every row of <paramref name="data"/>, rows spread over threads.</summary>
    public ShapValues Explain(DenseDataset data, int? numberOfThreads = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.FeatureNames.SequenceEqual(Ensemble.FeatureNames, StringComparer.Ordinal))
            throw new ArgumentException("The data's features are not the model's, in the same order.", nameof(data));
        var width = data.FeatureCount;
        var values = new double[(long)data.RowCount * width];
        ParallelWork.ForBlocks(data.RowCount, 256, ParallelWork.ThreadCount(numberOfThreads), (_, start, end) =>
        {
            var workspace = new Workspace(pathCapacity);
            for (var row = start; row < end; row++)
                Explain(data.Row(row), values.AsSpan(row * width, width), workspace);
        });
        return new ShapValues(data.FeatureNames, ExpectedValue, values);
    }

    private void Explain(ReadOnlySpan<float> row, Span<double> contributions, Workspace workspace)
    {
        contributions.Clear();
        foreach (var tree in trees)
        {
            if (tree.Features[tree.Root] >= 0)
                Recurse(tree, row, contributions, workspace, tree.Root, 0, 0, 1, 1, -1);
        }
    }

    /// <summary>
    /// Follows both branches of every split, carrying the path of distinct features met so far;
    /// <paramref name="offset"/> is where this level's copy of the path starts in the buffer.
    /// </summary>
    private void Recurse(
        ShapTree tree, ReadOnlySpan<float> row, Span<double> contributions, Workspace workspace,
        int node, int offset, int depth, double zeroFraction, double oneFraction, int feature)
    {
        var buffer = workspace.Path;
        var path = buffer.AsSpan(offset, depth + 1);
        shapPath.Extend(path, depth, zeroFraction, oneFraction, feature);

        var splitFeature = tree.Features[node];
        if (splitFeature < 0)
        {
            shapPath.AddLeaf(path, depth, tree.Values[node], contributions, workspace.Indices);
            return;
        }

        var goesLeft = Ensemble.MissingValues.Fill(splitFeature, row[splitFeature]) <= tree.Thresholds[node];
        var (hot, cold) = goesLeft ? (tree.Left[node], tree.Right[node]) : (tree.Right[node], tree.Left[node]);

        // A feature met again on the path is taken out first and its fractions carried on, so
        // that each feature appears once (the "unique path" of the paper).
        double incomingZero = 1, incomingOne = 1;
        var pathDepth = depth;
        for (var i = 1; i <= depth; i++)
        {
            if (path[i].Feature != splitFeature)
                continue;
            incomingZero = path[i].ZeroFraction;
            incomingOne = path[i].OneFraction;
            shapPath.Unwind(path, depth, i);
            pathDepth--;
            break;
        }

        var cover = tree.Covers[node];
        var hotShare = cover > 0 ? tree.Covers[hot] / cover : 0.5;
        var coldShare = cover > 0 ? tree.Covers[cold] / cover : 0.5;
        var next = offset + depth + 1;
        path[..(pathDepth + 1)].CopyTo(buffer.AsSpan(next));
        Recurse(tree, row, contributions, workspace, hot, next, pathDepth + 1, hotShare * incomingZero, incomingOne, splitFeature);
        path[..(pathDepth + 1)].CopyTo(buffer.AsSpan(next));
        Recurse(tree, row, contributions, workspace, cold, next, pathDepth + 1, coldShare * incomingZero, 0, splitFeature);
    }

    /// <summary>Per-thread room for the recursion: every level's copy of the path, and leaf scratch.</summary>
    private sealed class Workspace(int pathCapacity)
    {
        public ShapPathElement[] Path { get; } = new ShapPathElement[pathCapacity];

        public int[] Indices { get; } = new int[pathCapacity];
    }
}
