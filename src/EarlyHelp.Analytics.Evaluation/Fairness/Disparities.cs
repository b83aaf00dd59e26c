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
        for (var m = 0; m < RateMetric.Compared.Count; m++)
        {
            var metric = RateMetric.Compared[m];
            var value = metric.Of(counts[group]);
            var reference = metric.Of(counts[dimension.ReferenceIndex]);
            var ratio = DisparityBootstrap.RatioOf(value, reference);
            var (ratioInterval, differenceInterval, defined, differenceError) = bootstrap is null
                ? (Interval.Undefined, Interval.Undefined, 0, double.NaN)
                : bootstrap.Intervals(dimensionIndex, group, m, options.ConfidenceLevel);
            disparities[metric.Key] = new Disparity(value, reference, ratio, ratioInterval, value - reference, differenceInterval, defined,
                Status(ratio, ratioInterval.Excludes(1), ratioInterval.IsDefined, small, options))
            {
                PValue = Tested(small, ratioInterval, value - reference, differenceError),
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

    /// <summary>The p-value of no difference, for a comparison that can be flagged: not for a small group, nor without an interval.</summary>
    private static double Tested(bool small, Interval interval, double difference, double standardError) =>
        small || !interval.IsDefined ? double.NaN : FalseDiscoveryRate.TwoSidedP(difference, standardError);

    private static double StandardError(Interval interval, double z) => (interval.Upper - interval.Lower) / (2 * z);

    private static string Status(double ratio, bool significant, bool hasInterval, bool small, FairnessAuditOptions options) =>
        DisparityStatus.Of(ratio, options.DisparityTolerance, small, hasInterval, significant);
}
