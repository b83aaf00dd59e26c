namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>
/// Finds a feature's best threshold from its histogram with the second-order gain of XGBoost
/// (Chen &amp; Guestrin 2016, eq. 7, without the ½): G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ), where a
/// leaf's value is w = −G/(H+λ). Missing values are tried on each side and go to the better one.
/// With bounds on leaf values (from monotone constraints) w is clipped and the gain is computed
/// from the clipped weights: −(2·G·w + (H+λ)·w²), which equals G²/(H+λ) when nothing is clipped.
/// Thresholds are tried in ascending order, missing values right before left, and the first of
/// equal gains is kept.
/// </summary>
/// <remarks>
/// Histograms hold no row counts, so the minimum rows per leaf is checked in two steps. Without
/// the bins' counts a side is surely large enough when its hessian sum reaches
/// m · (largest row hessian of the leaf); a side that may be too small is taken as allowed and
/// the candidate marked unchecked. When a leaf's winner is unchecked, the grower counts that
/// feature's bins exactly and searches it again (<see cref="TreeGrower"/>), which gives the
/// same split as checking every candidate exactly: an optimistic gain is never below the exact one.
/// </remarks>
internal sealed partial class SplitFinder(GradientBoostingOptions options, int[] monotoneDirections)
{
    /// <summary>Gains below this are rounding noise, not an improvement.</summary>
    private const double MinimumGain = 1e-10;

    private readonly double lambda = options.L2Regularization;
    private readonly int minimumCount = options.MinimumExampleCountPerLeaf;
    private readonly double minimumHessian = options.MinimumHessianPerLeaf;

    /// <summary>The leaf value −G/(H+λ), clipped to [lower, upper].</summary>
    public double Weight(GradientSums sums, double lower, double upper) =>
        Math.Clamp(-sums.Gradient / (sums.Hessian + lambda), lower, upper);

    /// <summary>The objective reduction a leaf of these sums with weight w achieves (twice it, as the gain counts it).</summary>
    public double Score(GradientSums sums, double weight) =>
        -(2 * sums.Gradient * weight + (sums.Hessian + lambda) * weight * weight);

    /// <summary>Whether a leaf with these totals could be split at all under the size limits.</summary>
    public bool CanSplit(GradientSums totals) =>
        totals.Count >= 2 * minimumCount && totals.Hessian >= 2 * minimumHessian;

    /// <summary>
    /// The best split of <paramref name="feature"/> given its bins (bin 0 missing), or
    /// <see cref="SplitCandidate.None"/>; <paramref name="binCounts"/> holds each bin's rows, or is
    /// empty when they are not known.
    /// </summary>
    public SplitCandidate Best(int feature, ReadOnlySpan<HistogramBin> bins, in LeafSearch leaf, ReadOnlySpan<int> binCounts) =>
        leaf.Unbounded && monotoneDirections[feature] == 0
            ? BestUnconstrained(feature, bins, leaf, binCounts)
            : BestConstrained(feature, bins, leaf, binCounts);

    /// <summary>The search under leaf-value bounds or a monotone constraint, one threshold at a time.</summary>
    private SplitCandidate BestConstrained(int feature, ReadOnlySpan<HistogramBin> bins, in LeafSearch leaf, ReadOnlySpan<int> binCounts)
    {
        var best = SplitCandidate.None;
        var (totals, lower, upper, maximumRowHessian) = (leaf.Totals, leaf.Lower, leaf.Upper, leaf.MaximumRowHessian);
        var countsKnown = !binCounts.IsEmpty;
        var valueBins = bins.Length - 1;
        var missing = Sums(bins[0], countsKnown ? binCounts[0] : -1);
        var parentScore = Score(totals, Weight(totals, lower, upper));
        var direction = monotoneDirections[feature];
        var left = default(GradientSums);
        for (var threshold = 1; threshold <= valueBins; threshold++)
        {
            left += Sums(bins[threshold], countsKnown ? binCounts[threshold] : 0);
            // Missing values right; at the last threshold this separates missing from present values.
            Consider(ref best, threshold, false, left, totals - left, !HasRows(missing));
            if (HasRows(missing))
                Consider(ref best, threshold, true, left + missing, totals - left - missing, false);
        }

        return best;

        void Consider(ref SplitCandidate best, int threshold, bool missingLeft, GradientSums left, GradientSums right, bool noMissing)
        {
            if (!Allowed(left, right, countsKnown, maximumRowHessian, out var checkedCounts))
                return;
            var leftWeight = Weight(left, lower, upper);
            var rightWeight = Weight(right, lower, upper);
            if ((direction > 0 && leftWeight > rightWeight) || (direction < 0 && leftWeight < rightWeight))
                return;
            var gain = Score(left, leftWeight) + Score(right, rightWeight) - parentScore;
            if (gain > MinimumGain && gain > best.Gain)
                best = Candidate(feature, threshold, missingLeft, noMissing, gain, Known(left), Known(right), leftWeight, rightWeight, checkedCounts);
        }

        GradientSums Known(GradientSums sums) => countsKnown ? sums : sums with { Count = -1 };
    }

    /// <summary>
    /// Whether both sides hold enough hessian and (as far as known) rows; <paramref name="checkedCounts"/>
    /// tells whether the rows are known to be enough rather than assumed.
    /// </summary>
    private bool Allowed(GradientSums left, GradientSums right, bool countsKnown, double maximumRowHessian, out bool checkedCounts)
    {
        checkedCounts = countsKnown || (SurelyEnoughRows(left.Hessian, maximumRowHessian) && SurelyEnoughRows(right.Hessian, maximumRowHessian));
        return left.Hessian >= minimumHessian && right.Hessian >= minimumHessian
            && (!countsKnown || (left.Count >= minimumCount && right.Count >= minimumCount));
    }

    /// <summary>Whether hessian sum alone proves at least the minimum rows: each row adds at most the largest row hessian.</summary>
    private bool SurelyEnoughRows(double hessian, double maximumRowHessian) => hessian >= minimumCount * maximumRowHessian;

    /// <summary>
    /// Whether the missing bin holds rows: its hessian is positive exactly when it holds a row of
    /// positive weight (every such row's hessian is at least 1e-16 times its weight).
    /// </summary>
    private static bool HasRows(GradientSums missing) => missing.Hessian > 0;

    private static SplitCandidate Candidate(
        int feature, int threshold, bool missingLeft, bool noMissing, double gain, GradientSums left, GradientSums right,
        double leftWeight, double rightWeight, bool countsChecked) =>
        // With no missing value in the leaf, unseen missing values follow the heavier side.
        new(feature, threshold, noMissing ? left.Hessian >= right.Hessian : missingLeft, gain, left, right, leftWeight, rightWeight, countsChecked);

    private static GradientSums Sums(in HistogramBin bin, int count) => new(bin.Gradient, bin.Hessian, count);
}
