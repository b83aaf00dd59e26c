namespace EarlyHelp.Analytics.Learning.Explanations;

/// <summary>
/// One feature on the path TreeSHAP follows: the share of the training cover that passes its
/// splits on the path (zero fraction: the feature unknown) and whether the row itself passes them
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
/// feature attribution for tree ensembles", Algorithm 2). After <c>d</c> features have been added,
/// <c>Weight[k]</c> is the sum over subsets S of size k of the path's features of
/// k!(d−k)!/(d+1)! · Π_{j∈S} one_j · Π_{j∉S} zero_j, the Shapley weighting of the paths the row
/// can take when the features in S are known.
/// </summary>
internal static class ShapPath
{
    /// <summary>Adds a feature as element <paramref name="depth"/> of <paramref name="path"/> and updates the subset weights.</summary>
    public static void Extend(Span<ShapPathElement> path, int depth, double zeroFraction, double oneFraction, int feature)
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
        for (var k = depth - 1; k >= 0; k--)
        {
            path[k + 1].Weight += oneFraction * path[k].Weight * (k + 1) / (depth + 1);
            path[k].Weight = zeroFraction * path[k].Weight * (depth - k) / (depth + 1);
        }
    }

    /// <summary>Removes element <paramref name="index"/> from a path of <paramref name="depth"/> + 1 elements, inverting <see cref="Extend"/>.</summary>
    public static void Unwind(Span<ShapPathElement> path, int depth, int index)
    {
        var one = path[index].OneFraction;
        var zero = path[index].ZeroFraction;
        var next = path[depth].Weight;
        for (var k = depth - 1; k >= 0; k--)
        {
            if (one != 0)
            {
                var previous = path[k].Weight;
                path[k].Weight = next * (depth + 1) / ((k + 1) * one);
                next = previous - path[k].Weight * zero * (depth - k) / (depth + 1);
            }
            else
            {
                path[k].Weight = path[k].Weight * (depth + 1) / (zero * (depth - k));
            }
        }

        for (var k = index; k < depth; k++)
        {
            path[k].Feature = path[k + 1].Feature;
            path[k].ZeroFraction = path[k + 1].ZeroFraction;
            path[k].OneFraction = path[k + 1].OneFraction;
        }
    }

    /// <summary>The sum of the weights the path would have without element <paramref name="index"/>, leaving the path as it is.</summary>
    public static double UnwoundSum(ReadOnlySpan<ShapPathElement> path, int depth, int index)
    {
        var one = path[index].OneFraction;
        var zero = path[index].ZeroFraction;
        var next = path[depth].Weight;
        double total = 0;
        if (one != 0)
        {
            for (var k = depth - 1; k >= 0; k--)
            {
                var weight = next * (depth + 1) / ((k + 1) * one);
                total += weight;
                next = path[k].Weight - weight * zero * (depth - k) / (depth + 1);
            }
        }
        else
        {
            for (var k = depth - 1; k >= 0; k--)
                total += path[k].Weight * (depth + 1) / (zero * (depth - k));
        }

        return total;
    }
}
