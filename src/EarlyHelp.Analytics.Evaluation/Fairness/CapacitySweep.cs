using EarlyHelp.Analytics.Evaluation.Input;
using EarlyHelp.Analytics.Learning.Metrics;

namespace EarlyHelp.Analytics.Evaluation.Fairness;

/// <summary>
/// Group rates as the capacity K grows, selecting the top K of the ranking at each K, so that IG can
/// see how disparities change with the cut. One pass down the ranking serves every K.
/// </summary>
internal static class CapacitySweep
{
    public static IReadOnlyList<CapacityPoint> Compute(ScoredPopulation population, AuditDimension dimension, int[] descending, IReadOnlyList<double> fractions)
    {
        var rows = population.Count;
        var capacities = fractions
            .Select(f => Math.Clamp((long)Math.Round(f * rows, MidpointRounding.AwayFromZero), 1, rows))
            .Distinct().Order().ToArray();
        var positives = new long[dimension.GroupCount];
        var negatives = new long[dimension.GroupCount];
        for (var i = 0; i < rows; i++)
        {
            if (population.Labels[i] == 1.0) positives[dimension.GroupOfRow[i]]++;
            else negatives[dimension.GroupOfRow[i]]++;
        }

        var selectedPositives = new long[dimension.GroupCount];
        var selectedNegatives = new long[dimension.GroupCount];
        var points = new List<CapacityPoint>(capacities.Length);
        var next = 0;
        for (var position = 0; position < rows && next < capacities.Length; position++)
        {
            var row = descending[position];
            if (population.Labels[row] == 1.0) selectedPositives[dimension.GroupOfRow[row]]++;
            else selectedNegatives[dimension.GroupOfRow[row]]++;
            if (position + 1 != capacities[next])
                continue;

            var counts = Enumerable.Range(0, dimension.GroupCount).Select(g => new ConfusionCounts(
                selectedPositives[g], selectedNegatives[g], negatives[g] - selectedNegatives[g], positives[g] - selectedPositives[g])).ToArray();
            points.Add(new CapacityPoint(capacities[next], (double)capacities[next] / rows, Point(dimension, counts)));
            next++;
        }

        return points;
    }

    private static CapacityGroup[] Point(AuditDimension dimension, ConfusionCounts[] counts)
    {
        var reference = counts[dimension.ReferenceIndex];
        return counts.Select((c, g) => new CapacityGroup(
            dimension.GroupNames[g],
            c.Selected,
            RateMetric.Compared.ToDictionary(m => m.Key, m => m.Of(c)),
            RateMetric.Compared.ToDictionary(m => m.Key, m => DisparityBootstrap.RatioOf(m.Of(c), m.Of(reference))))).ToArray();
    }
}
