using EarlyHelp.Analytics.Evaluation.Statistics;

namespace EarlyHelp.Analytics.Evaluation.Fairness;

/// <summary>
/// Settles which disparities are flagged once every comparison in a report is known: the p-values of all
/// tested comparisons — every group, metric and dimension, inside the band or outside it — are adjusted
/// together (Benjamini–Hochberg), and a ratio outside the band is flagged only when its q-value is within the
/// report's error rate. Comparisons inside the band count in the family too: leaving them out would pick the
/// hypotheses by their own estimates and undo the control. A flag still needs its interval to exclude no
/// difference too, so a flagged ratio is never shown with an interval that includes 1.
/// </summary>
internal static class FlagControl
{
    /// <summary>The groups with each disparity's q-value set and its flag decided at <paramref name="errorRate"/>.</summary>
    public static IReadOnlyList<GroupResult> Apply(IReadOnlyList<GroupResult> groups, double errorRate)
    {
        var keys = groups.SelectMany((group, g) => group.Disparities.Keys.Select(key => (g, key))).ToArray();
        var adjusted = FalseDiscoveryRate.Adjust(keys.Select(k => groups[k.g].Disparities[k.key].PValue).ToArray());
        var qValues = keys.Select((k, i) => (k, q: adjusted[i])).ToDictionary(p => p.k, p => p.q);
        return groups.Select((group, g) => group with
        {
            Disparities = group.Disparities.ToDictionary(p => p.Key, p => Decided(p.Value, qValues[(g, p.Key)], errorRate), StringComparer.Ordinal),
        }).ToArray();
    }

    /// <summary>A flag whose q-value is above the error rate becomes "outside the band": it could be chance.</summary>
    private static Disparity Decided(Disparity disparity, double q, double errorRate)
    {
        var status = disparity.Status == DisparityStatus.Flag && !(q <= errorRate) ? DisparityStatus.OutsideBand : disparity.Status;
        return disparity with { QValue = q, Status = status };
    }
}
