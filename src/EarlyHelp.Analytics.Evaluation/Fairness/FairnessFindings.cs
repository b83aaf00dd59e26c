using static EarlyHelp.Analytics.Evaluation.Wording;

namespace EarlyHelp.Analytics.Evaluation.Fairness;

/// <summary>Writes the audit's findings in plain English, most serious first: harm flags, other flags, warnings, notes.</summary>
internal static class FairnessFindings
{
    public const string FlagSeverity = "flag";
    public const string WarningSeverity = "warning";
    public const string NoteSeverity = "note";

    /// <summary>Which parity matters for the intervention, and why, for IG.</summary>
    public static HarmFocus HarmFocusFor(InterventionKind kind) => kind == InterventionKind.Assistive
        ? new HarmFocus("assistive", ["fnr", "for"],
            "Being selected brings an offer of help, so the harm to watch is being missed while in need: the false " +
            "negative rate (of those who went on to have the outcome, the share not selected) and the false omission " +
            "rate (of those not selected, the share who went on to have it). A group with a higher false negative " +
            "rate has more of its families who needed help passed over. Selecting a family that did not need help " +
            "costs capacity but does it little harm.")
        : new HarmFocus("burdensome", ["fpr", "fdr"],
            "Being selected brings a burden, so the harm to watch is being selected without cause: the false " +
            "positive rate (of those without the outcome, the share selected anyway) and the false discovery rate " +
            "(of those selected, the share without the outcome). A group with a higher false positive rate has more " +
            "of its people burdened needlessly.");

    public static IReadOnlyList<Finding> Describe(
        IReadOnlyList<GroupResult> groups, IReadOnlyList<DimensionResult> dimensions, IReadOnlyList<ProxyResult> proxies,
        FairnessAuditOptions options)
    {
        var harm = RateMetric.HarmFor(options.Intervention).Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
        var flags = new List<Finding>();
        var warnings = new List<Finding>();
        var notes = new List<Finding>();
        var referenceOf = dimensions.ToDictionary(d => d.Name, d => d.ReferenceGroup, StringComparer.Ordinal);

        foreach (var group in groups)
        {
            var reference = referenceOf[group.Dimension];
            foreach (var (key, disparity) in group.Disparities.Where(p => p.Value.Flagged))
                flags.Add(new Finding(FlagSeverity, group.Dimension, group.Group, key, FlagText(group, reference, key, disparity, harm.Contains(key), options)));
            if (group.SmallGroup)
                warnings.Add(new Finding(WarningSeverity, group.Dimension, group.Group, null,
                    $"{group.Group} ({group.Dimension}) is a small group: {group.SmallGroupReason}. Its rates are too uncertain for a flag; " +
                    "read them with their intervals, and do not read a large ratio as proof of unfairness or a small one as proof of fairness."));
        }

        foreach (var proxy in proxies.Where(p => p.Level is "strong" or "moderate"))
            notes.Add(new Finding(proxy.Level == "strong" ? WarningSeverity : NoteSeverity, proxy.Characteristic, proxy.StrongestGroup, null, Invariant(
                $"The feature '{proxy.Feature}' carries {proxy.Level} information about {proxy.Characteristic} (AUC {proxy.Strength:0.00} at telling ",
                $"{proxy.StrongestGroup} from the rest). A model can use it as a stand-in for {proxy.Characteristic} even though ",
                $"{proxy.Characteristic} is not a feature; check that its use is justified by what it measures.")));

        if (flags.Count == 0)
            notes.Insert(0, new Finding(NoteSeverity, null, null, null, Invariant(
                $"No disparity is flagged: every ratio to the reference group lies within [{1 / options.DisparityTolerance:0.00}, {options.DisparityTolerance:0.00}], ",
                $"or the difference could be chance once every comparison in this report is allowed for (false discovery rate {1 - options.ConfidenceLevel:0%}), ",
                $"or the group, or the count a rate is a share of, is too small to judge.")));
        // Harm to watch first, then how the capacity is shared, then the other rates.
        var order = flags.OrderBy(f => harm.Contains(f.Metric ?? "") ? 0 : f.Metric == RateMetric.SelectionRate.Key ? 1 : 2);
        return [.. order, .. warnings, .. notes];
    }

    private static string FlagText(GroupResult group, string reference, string key, Disparity disparity, bool isHarm, FairnessAuditOptions options)
    {
        var level = options.ConfidenceLevel;
        if (key == Disparities.AucKey)
            return Invariant(
                $"The score separates those with and without the outcome {(disparity.Difference < 0 ? "less" : "more")} well in {group.Group} than in {reference} ",
                $"({group.Dimension}): AUC {disparity.Value:0.000} against ",
                $"{disparity.ReferenceValue:0.000} (difference {disparity.Difference:+0.000;-0.000}, {level:0%} interval {disparity.DifferenceInterval.Lower:+0.000;-0.000} ",
                $"to {disparity.DifferenceInterval.Upper:+0.000;-0.000}). The lower the AUC, the more often the score puts someone without the outcome above someone with it.");

        var metric = RateMetric.Compared.First(m => m.Key == key);
        var text = Invariant(
            $"{metric.Name} for {group.Group} is {disparity.Ratio:0.00} times that for {reference} ({group.Dimension}): {disparity.Value:0.0%} against ",
            $"{disparity.ReferenceValue:0.0%}, {level:0%} interval of the ratio {disparity.RatioInterval.Lower:0.00} to {disparity.RatioInterval.Upper:0.00}. ",
            $"It is the share of {metric.Meaning}.");
        if (key == RateMetric.SelectionRate.Key)
            text += Invariant($" {group.Group} makes up {group.ShareOfPopulation:0.0%} of the population and {group.ShareOfSelected:0.0%} of those selected.");
        if (isHarm)
        {
            var harmed = disparity.Ratio > 1 ? group.Group : reference;
            text += $" This is the harm to watch for this intervention: here it falls more on {harmed}.";
        }

        return text;
    }
}
