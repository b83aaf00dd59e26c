using EarlyHelp.Analytics.Evaluation.Input;
using EarlyHelp.Analytics.Evaluation.Statistics;
using EarlyHelp.Analytics.Learning.Metrics;

namespace EarlyHelp.Analytics.Evaluation.Fairness;

/// <summary>Each group's counts, rates, Wilson intervals, AUC and Brier score for one selection (no disparities yet).</summary>
internal static class GroupEstimates
{
    public static (GroupResult[] Results, ConfusionCounts[] Counts) Compute(
        ScoredPopulation population, bool[] selected, AuditDimension dimension, int[] descending, FairnessAuditOptions options)
    {
        var groupCount = dimension.GroupCount;
        var counts = new ConfusionCounts[groupCount];
        var scoreSums = new double[groupCount];
        var squaredErrors = new double[groupCount];
        for (var i = 0; i < population.Count; i++)
        {
            var g = dimension.GroupOfRow[i];
            var score = population.Scores[i];
            var label = population.Labels[i];
            counts[g] = counts[g].Add(selected[i], label == 1.0);
            scoreSums[g] += score;
            squaredErrors[g] += (label - score) * (label - score);
        }

        var aucs = GroupedRocAuc.Compute(population.Scores, population.Labels, descending, dimension.GroupOfRow, groupCount);
        var probabilities = population.ScoresAreProbabilities;
        var z = ConfidenceIntervals.NormalQuantile(options.ConfidenceLevel);
        var totalSelected = counts.Sum(c => c.Selected);
        var results = new GroupResult[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            var c = counts[g];
            var small = SmallGroupReason(c, (double)totalSelected / population.Count, options);
            results[g] = new GroupResult
            {
                Dimension = dimension.Name,
                Group = dimension.GroupNames[g],
                IsReference = g == dimension.ReferenceIndex,
                Rows = c.Count,
                Positives = c.Positives,
                BaseRate = c.BaseRate,
                Selected = c.Selected,
                SelectionRate = c.SelectionRate,
                ShareOfSelected = totalSelected == 0 ? double.NaN : (double)c.Selected / totalSelected,
                ShareOfPopulation = (double)c.Count / population.Count,
                TruePositives = c.TruePositives,
                FalsePositives = c.FalsePositives,
                TrueNegatives = c.TrueNegatives,
                FalseNegatives = c.FalseNegatives,
                TruePositiveRate = c.TruePositiveRate,
                FalsePositiveRate = c.FalsePositiveRate,
                FalseNegativeRate = c.FalseNegativeRate,
                PositivePredictiveValue = c.PositivePredictiveValue,
                NegativePredictiveValue = c.NegativePredictiveValue,
                FalseDiscoveryRate = c.FalseDiscoveryRate,
                FalseOmissionRate = c.FalseOmissionRate,
                Auc = aucs[g].Value,
                AucInterval = ConfidenceIntervals.NormalApproximation(aucs[g].Value, aucs[g].StandardError, z),
                Brier = probabilities ? squaredErrors[g] / c.Count : double.NaN,
                MeanScore = probabilities ? scoreSums[g] / c.Count : double.NaN,
                Intervals = Intervals(c, totalSelected, z),
                SmallGroup = small is not null,
                SmallGroupReason = small,
                Disparities = new Dictionary<string, Disparity>(),
            };
        }

        return (results, counts);
    }

    /// <summary>
    /// Why a group is too small to flag, or null: fewer rows or positives than the options allow, or fewer expected
    /// among the selected at the overall share selected, <paramref name="shareSelected"/>.
    /// </summary>
    public static string? SmallGroupReason(ConfusionCounts counts, double shareSelected, FairnessAuditOptions options)
    {
        if (counts.Count < options.SmallGroupRows)
            return $"only {counts.Count:N0} rows (fewer than {options.SmallGroupRows:N0})";
        if (counts.Positives < options.SmallGroupPositives)
            return $"only {counts.Positives:N0} people with the outcome (fewer than {options.SmallGroupPositives:N0})";
        var expectedSelected = counts.Count * shareSelected;
        return expectedSelected < options.SmallGroupExpectedSelected
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"only {expectedSelected:0.0} expected among the {(shareSelected == 0 ? "none" : "few")} selected (fewer than {options.SmallGroupExpectedSelected:0.#})")
            : null;
    }

    private static Dictionary<string, Interval> Intervals(ConfusionCounts counts, long totalSelected, double z)
    {
        var intervals = new Dictionary<string, Interval>(StringComparer.Ordinal);
        foreach (var metric in RateMetric.Compared.Append(RateMetric.BaseRate))
            intervals[metric.Key] = ConfidenceIntervals.Wilson(metric.Numerator(counts), metric.Denominator(counts), z);
        intervals["share_of_selected"] = ConfidenceIntervals.Wilson(counts.Selected, totalSelected, z);
        return intervals;
    }
}
