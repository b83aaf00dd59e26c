using EarlyHelp.Analytics.Evaluation.Statistics;
using EarlyHelp.Analytics.Learning.Metrics;

namespace EarlyHelp.Analytics.Evaluation.Fairness;

/// <summary>Turns point estimates and bootstrap intervals into each group's disparities and their status.</summary>
internal static class Disparities
{
    /// <summary>The AUC's key among the disparities.</summary>
    public const string AucKey = "auc";

    public static Dictionary<string, Disparity> For(
        int dimensionIndex, AuditDimension dimension, int group, ConfusionCounts[] counts, GroupResult[] results,
        DisparityBootstrap? bootstrap, FairnessAuditOptions options)
    {
        var disparities = new Dictionary<string, Disparity>(StringComparer.Ordinal);
        if (group == dimension.ReferenceIndex)
            return disparities;

        var small = results[group].SmallGroup || results[dimension.ReferenceIndex].SmallGroup;
        var (mine, theirs) = (counts[group], counts[dimension.ReferenceIndex]);
        for (var m = 0; m < RateMetric.Compared.Count; m++)
        {
            var metric = RateMetric.Compared[m];
            var value = metric.Of(mine);
            var reference = metric.Of(theirs);
            var ratio = DisparityBootstrap.RatioOf(value, reference);
            var (ratioInterval, differenceInterval, defined) = bootstrap is null
                ? (Interval.Undefined, Interval.Undefined, 0)
                : bootstrap.Intervals(dimensionIndex, group, m, options.ConfidenceLevel);
            var fewReason = small ? null : FewReason(metric, mine, theirs, dimension, group, options.MinimumRateDenominator);
            var notJudged = small || fewReason is not null;
            disparities[metric.Key] = new Disparity(value, reference, ratio, ratioInterval, value - reference, differenceInterval, defined,
                Status(ratio, ratioInterval.Excludes(1), ratioInterval.IsDefined, notJudged, options))
            {
                PValue = notJudged || !ratioInterval.IsDefined
                    ? double.NaN
                    : FisherExactTest.TwoSidedP(metric.Numerator(mine), metric.Denominator(mine), metric.Numerator(theirs), metric.Denominator(theirs)),
                SmallReason = fewReason,
            };
        }

        disparities[AucKey] = AucDisparity(results[group], results[dimension.ReferenceIndex], small, options);
        return disparities;
    }

    /// <summary>
    /// The AUC is compared through DeLong's variance rather than the bootstrap: the groups are
    /// disjoint samples, so the variance of the difference is the sum of the two variances.
    /// </summary>
    private static Disparity AucDisparity(GroupResult group, GroupResult reference, bool small, FairnessAuditOptions options)
    {
        var z = ConfidenceIntervals.NormalQuantile(options.ConfidenceLevel);
        var groupError = StandardError(group.AucInterval, z);
        var referenceError = StandardError(reference.AucInterval, z);
        var difference = group.Auc - reference.Auc;
        var interval = ConfidenceIntervals.NormalApproximation(difference, Math.Sqrt(groupError * groupError + referenceError * referenceError), z);
        var ratio = DisparityBootstrap.RatioOf(group.Auc, reference.Auc);
        return new Disparity(group.Auc, reference.Auc, ratio, Interval.Undefined, difference, interval, 0,
            Status(ratio, interval.Excludes(0), interval.IsDefined, small, options))
        {
            PValue = Tested(small, interval, difference, Math.Sqrt(groupError * groupError + referenceError * referenceError)),
        };
    }

    /// <summary>
    /// Why a rate rests on too few to judge, or null: the group or its reference has fewer than
    /// <paramref name="minimum"/> in the rate's denominator (e.g. 2 selected, for the false discovery rate).
    /// </summary>
    private static string? FewReason(RateMetric metric, ConfusionCounts mine, ConfusionCounts theirs, AuditDimension dimension, int group, int minimum)
    {
        var (who, count) = metric.Denominator(mine) < metric.Denominator(theirs)
            ? (dimension.GroupNames[group], metric.Denominator(mine))
            : (dimension.GroupNames[dimension.ReferenceIndex], metric.Denominator(theirs));
        return count < minimum ? $"only {count:N0} {metric.DenominatorName} in {who} (fewer than {minimum:N0})" : null;
    }

    /// <summary>The AUC's p-value of no difference, for a comparison that can be flagged: not for a small group, nor without an interval.</summary>
    private static double Tested(bool small, Interval interval, double difference, double standardError) =>
        small || !interval.IsDefined ? double.NaN : FalseDiscoveryRate.TwoSidedP(difference, standardError);

    private static double StandardError(Interval interval, double z) => (interval.Upper - interval.Lower) / (2 * z);

    private static string Status(double ratio, bool significant, bool hasInterval, bool small, FairnessAuditOptions options) =>
        DisparityStatus.Of(ratio, options.DisparityTolerance, small, hasInterval, significant);
}
