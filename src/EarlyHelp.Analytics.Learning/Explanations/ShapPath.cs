using System.Runtime.Intrinsics;

namespace EarlyHelp.Analytics.Learning.Explanations;

/// <summary>
/// One feature on the path TreeSHAP follows: the share of the training cover that passes its
/// splits on the path (zero fraction: the feature unknown), whether the row itself passes them
/// (one fraction: the feature known), and the weight of subsets of the path's size.
/// </summary>
internal struct ShapPathElement
{
    public int Feature;
    public double ZeroFraction;
    public double OneFraction;
    public double Weight;
}

/// <summary>
/// The path operations of TreeSHAP (Lundberg, Erion &amp; Lee 2018, "Consistent individualized
/// feature attribution for tree ensembles", Algorithm 2). After features 1…d have been added,
/// <c>Weight[k]</c> is the sum over subsets S of size k of those features of
/// k!(d−k)!/(d+1)! · Π_{j∈S} one_j · Π_{j∉S} zero_j, the Shapley weighting of the ways down the
/// tree when the features in S are known. The ratios (k+1)/(d+1) and (d−k)/(d+1) these updates
/// use are tabled once, so that the inner loops multiply and never divide.
/// </summary>
internal sealed class ShapPath
{
    private readonly int stride;
    private readonly double[] up;
    private readonly double[] down;
    private readonly double[] upInverse;
    private readonly double[] downInverse;

    /// <summary>Tables for paths of up to <paramref name="maximumDepth"/> features besides the root's placeholder.</summary>
    public ShapPath(int maximumDepth)
    {
        stride = maximumDepth + 2;
        up = new double[stride * stride];
        down = new double[stride * stride];
        upInverse = new double[stride * stride];
        downInverse = new double[stride * stride];
        for (var depth = 0; depth < stride; depth++)
        {
            for (var k = 0; k < depth; k++)
            {
                up[depth * stride + k] = (k + 1.0) / (depth + 1);
                down[depth * stride + k] = (depth - k) / (depth + 1.0);
                upInverse[depth * stride + k] = (depth + 1.0) / (k + 1);
                downInverse[depth * stride + k] = (depth + 1.0) / (depth - k);
            }
        }
    }

    /// <summary>Adds a feature as element <paramref name="depth"/> of <paramref name="path"/> and updates the subset weights.</summary>
    public void Extend(Span<ShapPathElement> path, int depth, double zeroFraction, double oneFraction, int feature)
    {
        path[depth] = new ShapPathElement
        {
            Feature = feature,
            ZeroFraction = zeroFraction,
            OneFraction = oneFraction,
            Weight = depth == 0 ? 1 : 0,
        };
        // A subset of size k+1 either holds the new feature (from size k, factor one·(k+1)/(d+1))
        // or not (factor zero·(d−k)/(d+1)), d being the new element's index.
        var row = depth * stride;
        for (var k = depth - 1; k >= 0; k--)
        {
            path[k + 1].Weight += oneFraction * path[k].Weight * up[row + k];
            path[k].Weight = zeroFraction * path[k].Weight * down[row + k];
        }
    }

    /// <summary>Removes element <paramref name="index"/> from a path of <paramref name="depth"/> + 1 elements, inverting <see cref="Extend"/>.</summary>
    public void Unwind(Span<ShapPathElement> path, int depth, int index)
    {
        var one = path[index].OneFraction;
        var zero = path[index].ZeroFraction;
        var row = depth * stride;
        if (one != 0)
        {
            var inverseOne = 1 / one;
            var next = path[depth].Weight;
            for (var k = depth - 1; k >= 0; k--)
            {
                var previous = path[k].Weight;
                path[k].Weight = next * upInverse[row + k] * inverseOne;
                next = previous - path[k].Weight * zero * down[row + k];
            }
        }
        else
        {
            var inverseZero = 1 / zero;
            for (var k = depth - 1; k >= 0; k--)
                path[k].Weight *= downInverse[row + k] * inverseZero;
        }

        for (var k = index; k < depth; k++)
        {
            path[k].Feature = path[k + 1].Feature;
            path[k].ZeroFraction = path[k + 1].ZeroFraction;
            path[k].OneFraction = path[k + 1].OneFraction;
        }
    }

    /// <summary>
    /// Adds, for every feature on a path ending at a leaf of <paramref name="value"/>, its share
    /// (Σ weights without it) · (one − zero) · value. A feature the row does not follow
    /// (one = 0) has weights without it summing to (Σ_k Weight[k]·(d+1)/(d−k)) / zero, one sum
    /// shared by all such features. The others are unwound four at a time in vector lanes: the
    /// unwinding is a chain of dependent steps, and four chains side by side cost about one.
    /// </summary>
    /// <param name="path">The path, elements 0…<paramref name="depth"/>.</param>
    /// <param name="depth">The index of the path's last element.</param>
    /// <param name="value">The leaf's value.</param>
    /// <param name="contributions">Per-feature sums to add to.</param>
    /// <param name="scratch">Room for <paramref name="depth"/> indices.</param>
    public void AddLeaf(ReadOnlySpan<ShapPathElement> path, int depth, double value, Span<double> contributions, Span<int> scratch)
    {
        var row = depth * stride;
        double sharedSum = 0;
        for (var k = 0; k < depth; k++)
            sharedSum += path[k].Weight * downInverse[row + k];

        var followed = scratch;
        var followedCount = 0;
        for (var i = 1; i <= depth; i++)
        {
            if (path[i].OneFraction == 0)
                contributions[path[i].Feature] -= sharedSum * value;
            else
                followed[followedCount++] = i;
        }

        Span<double> zeros = stackalloc double[4];
        Span<double> inverseOnes = stackalloc double[4];
        var upInverseRow = upInverse.AsSpan(row, depth);
        var downRow = down.AsSpan(row, depth);
        for (var first = 0; first < followedCount; first += 4)
        {
            var lanes = Math.Min(4, followedCount - first);
            zeros.Clear();
            inverseOnes.Clear();
            for (var lane = 0; lane < lanes; lane++)
            {
                zeros[lane] = path[followed[first + lane]].ZeroFraction;
                inverseOnes[lane] = 1 / path[followed[first + lane]].OneFraction;
            }

            var zero = Vector256.Create<double>(zeros);
            var inverseOne = Vector256.Create<double>(inverseOnes);
            var next = Vector256.Create(path[depth].Weight);
            var sums = Vector256<double>.Zero;
            for (var k = depth - 1; k >= 0; k--)
            {
                // Only the two operations on `next` are on the dependent chain; the factors are not.
                var upFactor = inverseOne * upInverseRow[k];
                var downFactor = zero * downRow[k];
                var unwound = next * upFactor;
                sums += unwound;
                next = Vector256.Create(path[k].Weight) - unwound * downFactor;
            }

            for (var lane = 0; lane < lanes; lane++)
            {
                ref readonly var element = ref path[followed[first + lane]];
                contributions[element.Feature] += sums.GetElement(lane) * (element.OneFraction - element.ZeroFraction) * value;
            }
        }
    }
}
