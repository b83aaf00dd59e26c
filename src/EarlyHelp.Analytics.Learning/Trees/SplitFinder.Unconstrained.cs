using System.Runtime.Intrinsics;

namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>The search without bounds, the common case: four thresholds at a time in vector lanes.</summary>
internal sealed partial class SplitFinder
{
    /// <summary>
    /// Gains of every threshold, missing values right and left, computed four at a time from
    /// prefix sums of the bins; then the first threshold reaching the largest gain. The gain of a
    /// threshold is the same number as a one-at-a-time loop would compute, so the choice is too.
    /// </summary>
    private SplitCandidate BestUnconstrained(int feature, ReadOnlySpan<HistogramBin> bins, in LeafSearch leaf, ReadOnlySpan<int> binCounts)
    {
        var totals = leaf.Totals;
        var countsKnown = !binCounts.IsEmpty;
        var valueBins = bins.Length - 1;
        var padded = (valueBins + 3) & ~3;
        Span<double> prefix = stackalloc double[3 * padded];
        Span<double> gains = stackalloc double[2 * padded];
        var gradients = prefix[..padded];
        var hessians = prefix.Slice(padded, padded);
        var counts = prefix.Slice(2 * padded, padded);
        double gradient = 0, hessian = 0, count = 0;
        for (var t = 0; t < valueBins; t++)
        {
            gradient += bins[t + 1].Gradient;
            hessian += bins[t + 1].Hessian;
            count += countsKnown ? binCounts[t + 1] : 0;
            (gradients[t], hessians[t], counts[t]) = (gradient, hessian, count);
        }

        // Padding thresholds are refused by a left hessian of −∞.
        gradients[valueBins..].Clear();
        hessians[valueBins..].Fill(double.NegativeInfinity);
        counts[valueBins..].Clear();

        var missing = Sums(bins[0], countsKnown ? binCounts[0] : 0);
        var hasMissing = HasRows(missing);
        var gainsRight = gains[..padded];
        var gainsLeft = gains.Slice(padded, padded);
        var largest = Vector256.Create(double.NegativeInfinity);
        var total = (G: Vector256.Create(totals.Gradient), H: Vector256.Create(totals.Hessian), C: Vector256.Create((double)totals.Count));
        var shifted = (G: Vector256.Create(missing.Gradient), H: Vector256.Create(missing.Hessian), C: Vector256.Create((double)missing.Count));
        for (var t = 0; t < padded; t += 4)
        {
            var left = (G: Vector256.Create<double>(gradients[t..]), H: Vector256.Create<double>(hessians[t..]), C: Vector256.Create<double>(counts[t..]));
            // Missing right. At the last threshold the right side holds the missing rows only,
            // and nothing when there are none, which the hessian minimum or row count refuses.
            var right = Gains(left, (total.G - left.G, total.H - left.H, total.C - left.C), countsKnown);
            right.CopyTo(gainsRight[t..]);
            largest = Vector256.Max(largest, right);
            if (!hasMissing)
                continue;
            var withMissing = (G: left.G + shifted.G, H: left.H + shifted.H, C: left.C + shifted.C);
            var leftGains = Gains(withMissing, (total.G - withMissing.G, total.H - withMissing.H, total.C - withMissing.C), countsKnown);
            leftGains.CopyTo(gainsLeft[t..]);
            largest = Vector256.Max(largest, leftGains);
        }

        var best = Math.Max(Math.Max(largest[0], largest[1]), Math.Max(largest[2], largest[3]));
        var gain = best - totals.Gradient * totals.Gradient / (totals.Hessian + lambda);
        if (!(gain > MinimumGain))
            return SplitCandidate.None;

        for (var t = 0; t < valueBins; t++)
        {
            var missingLeft = gainsRight[t] != best;
            if (missingLeft && (!hasMissing || gainsLeft[t] != best))
                continue;
            var left = new GradientSums(gradients[t], hessians[t], countsKnown ? (int)counts[t] : -1);
            if (missingLeft)
                left = new GradientSums(left.Gradient + missing.Gradient, left.Hessian + missing.Hessian, countsKnown ? left.Count + missing.Count : -1);
            var right = new GradientSums(totals.Gradient - left.Gradient, totals.Hessian - left.Hessian, countsKnown ? totals.Count - left.Count : -1);
            var checkedCounts = countsKnown || (SurelyEnoughRows(left.Hessian, leaf.MaximumRowHessian) && SurelyEnoughRows(right.Hessian, leaf.MaximumRowHessian));
            return Candidate(feature, t + 1, missingLeft, !hasMissing, gain, left, right,
                Weight(left, double.NegativeInfinity, double.PositiveInfinity), Weight(right, double.NegativeInfinity, double.PositiveInfinity), checkedCounts);
        }

        return SplitCandidate.None;
    }

    /// <summary>G_L²/(H_L+λ) + G_R²/(H_R+λ) per lane, or −∞ where a side has too little hessian (or, when counted, too few rows).</summary>
    private Vector256<double> Gains(
        (Vector256<double> G, Vector256<double> H, Vector256<double> C) left,
        (Vector256<double> G, Vector256<double> H, Vector256<double> C) right,
        bool countsKnown)
    {
        var l2 = Vector256.Create(lambda);
        var allowed =
            Vector256.GreaterThanOrEqual(left.H, Vector256.Create(minimumHessian)) &
            Vector256.GreaterThanOrEqual(right.H, Vector256.Create(minimumHessian));
        if (countsKnown)
        {
            allowed &= Vector256.GreaterThanOrEqual(left.C, Vector256.Create((double)minimumCount)) &
                Vector256.GreaterThanOrEqual(right.C, Vector256.Create((double)minimumCount));
        }

        // One division instead of two: a/b + c/d = (a·d + c·b)/(b·d); divisions are the slow part.
        var (leftDenominator, rightDenominator) = (left.H + l2, right.H + l2);
        var gains = (left.G * left.G * rightDenominator + right.G * right.G * leftDenominator) / (leftDenominator * rightDenominator);
        // A 0/0 (no hessian and no penalty) is no gain either.
        allowed &= Vector256.Equals(gains, gains);
        return Vector256.ConditionalSelect(allowed, gains, Vector256.Create(double.NegativeInfinity));
    }
}
