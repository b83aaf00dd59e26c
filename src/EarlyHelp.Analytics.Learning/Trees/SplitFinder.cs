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

    /// <summary>The best split of <paramref name="feature"/> given its bins (bin 0 missing), or <see cref="SplitCandidate.None"/>.</summary>
    public SplitCandidate Best(int feature, ReadOnlySpan<HistogramBin> bins, GradientSums totals, double lower, double upper) =>
        double.IsNegativeInfinity(lower) && double.IsPositiveInfinity(upper) && monotoneDirections[feature] == 0
            ? BestUnconstrained(feature, bins, totals)
            : BestConstrained(feature, bins, totals, lower, upper);

    /// <summary>The search under leaf-value bounds or a monotone constraint, one threshold at a time.</summary>
    private SplitCandidate BestConstrained(int feature, ReadOnlySpan<HistogramBin> bins, GradientSums totals, double lower, double upper)
    {
        var best = SplitCandidate.None;
        var valueBins = bins.Length - 1;
        var missing = Sums(bins[0]);
        var parentScore = Score(totals, Weight(totals, lower, upper));
        var direction = monotoneDirections[feature];
        var left = default(GradientSums);
        for (var threshold = 1; threshold <= valueBins; threshold++)
        {
            if (bins[threshold].Count == 0 && threshold < valueBins)
                continue; // the same partition as the previous threshold
            left += Sums(bins[threshold]);
            // Missing values right; at the last threshold this separates missing from present values.
            Consider(ref best, feature, threshold, false, left, totals - left, missing.Count == 0);
            if (missing.Count > 0)
                Consider(ref best, feature, threshold, true, left + missing, totals - left - missing, false);
        }

        return best;

        void Consider(ref SplitCandidate best, int feature, int threshold, bool missingLeft, GradientSums left, GradientSums right, bool noMissing)
        {
            if (!Allowed(left, right))
                return;
            var leftWeight = Weight(left, lower, upper);
            var rightWeight = Weight(right, lower, upper);
            if ((direction > 0 && leftWeight > rightWeight) || (direction < 0 && leftWeight < rightWeight))
                return;
            var gain = Score(left, leftWeight) + Score(right, rightWeight) - parentScore;
            if (gain > MinimumGain && gain > best.Gain)
                best = Candidate(feature, threshold, missingLeft, noMissing, gain, left, right, leftWeight, rightWeight);
        }
    }

    /// <summary>Whether both sides hold enough rows and hessian.</summary>
    private bool Allowed(GradientSums left, GradientSums right) =>
        left.Count >= minimumCount && right.Count >= minimumCount && left.Hessian >= minimumHessian && right.Hessian >= minimumHessian;

    private static SplitCandidate Candidate(
        int feature, int threshold, bool missingLeft, bool noMissing, double gain, GradientSums left, GradientSums right, double leftWeight, double rightWeight) =>
        // With no missing value in the leaf, unseen missing values follow the heavier side.
        new(feature, threshold, noMissing ? left.Hessian >= right.Hessian : missingLeft, gain, left, right, leftWeight, rightWeight);

    private static GradientSums Sums(in HistogramBin bin) => new(bin.Gradient, bin.Hessian, (int)bin.Count);
}
