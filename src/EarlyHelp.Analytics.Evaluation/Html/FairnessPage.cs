using EarlyHelp.Analytics.Evaluation.Fairness;
using static EarlyHelp.Analytics.Evaluation.Html.ReportFormat;

namespace EarlyHelp.Analytics.Evaluation.Html;

/// <summary>Renders a <see cref="FairnessReport"/> as <c>fairness.html</c>: findings in plain English first, then tables and charts per dimension.</summary>
public static class FairnessPage
{
    /// <summary>Prefix of the charts' PNG file names.</summary>
    public const string ChartPrefix = "fairness";

    /// <summary>The complete HTML document.</summary>
    public static string Render(FairnessReport report) => Build(report).Html;

    /// <summary>The HTML document with its charts' PNG files.</summary>
    public static HtmlReport Build(FairnessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var population = report.Population;
        var page = new HtmlPage($"Fairness audit of {population.ScoreName}", ChartPrefix);
        page.Paragraph($"{Count(population.Rows)} people, {Count(population.Positives)} of whom had the outcome ({Percent(report.Overall.BaseRate)}). " +
                       $"Selected: {population.SelectionDescription} — {Count(population.Selected)} people ({Percent(report.Overall.SelectionRate)}).");

        page.Heading(2, "Summary of findings");
        page.ListOfHtml(report.Findings.Select(f =>
            $"<span class=\"badge\">{Severity(f.Severity)}</span> {HtmlPage.Escape(f.Text)}"), ordered: true, cssClass: "findings");

        page.Heading(2, "Which parity matters here");
        page.Paragraph(report.HarmFocus.Explanation);
        page.Heading(2, "How to read the flags");
        page.Paragraph($"Every group is compared with its dimension's reference group. A FLAG means the group's rate is more than " +
                       $"{Number(report.Settings.DisparityBand.Upper, "0.00")} times, or less than {Number(report.Settings.DisparityBand.Lower, "0.00")} times, " +
                       $"the reference group's, the {Level(report.Settings.ConfidenceLevel)} interval of that ratio excludes 1, and the difference stays " +
                       $"significant by Fisher's exact test once every comparison in this report is allowed for (Benjamini–Hochberg, false discovery rate {1 - report.Settings.ConfidenceLevel:0%}), " +
                       "so the gap is unlikely to be chance. A flag asks IG to look closer: it is evidence of unequal treatment by the selection, not a verdict on its cause. " +
                       $"Groups with fewer than {report.Settings.SmallGroupRows} people, fewer than {report.Settings.SmallGroupPositives} with the outcome, or fewer than " +
                       $"{report.Settings.SmallGroupExpectedSelected:0.#} expected among the selected get a " +
                       "small-group warning instead: their rates are too uncertain to flag either way. " + FewInDenominator(report.Settings.MinimumRateDenominator) +
                       "'(chance?)' marks a ratio outside the band that could be chance.");

        page.Heading(2, "When base rates differ, not every parity can hold");
        page.Paragraph("Where groups have the outcome at different rates, a score that is calibrated within every group cannot also give them " +
                       "equal false positive and false negative rates, unless it predicts perfectly (Kleinberg, Mullainathan and Raghavan 2016; " +
                       "Chouldechova 2017). The predictive values move with the base rate too: with the same score behaviour, a group with twice the " +
                       "base rate has about twice the false omission rate and a higher positive predictive value. So read the PPV, NPV, FDR and FOR " +
                       "ratios beside the base-rate ratio in each table: a ratio close to the base-rate ratio says more about how often the outcome " +
                       "happens in the group than about how the selection treats it. The harm to watch for this intervention, named above, is the " +
                       "choice of which parity matters most.");

        foreach (var dimension in report.Dimensions)
            RenderDimension(page, report, dimension);

        RenderProxyCheck(page, report);
        page.Heading(2, "Glossary");
        page.Definitions(RateMetric.Compared.Select(m => (m.Name, $"The share of {m.Meaning}."))
            .Append(("AUC", "The chance that the score ranks a random person with the outcome above a random person without it (0.5 is a coin toss, 1 is perfect)."))
            .Append(("Brier score", "The mean squared difference between score and outcome; lower is better. Only given when the scores are probabilities."))
            .Append(("Share of selected", "The group's share of everyone selected: how the capacity is spent between groups.")));
        page.Paragraph($"Intervals: {string.Join("; ", report.Settings.IntervalMethods.Select(p => $"{p.Key.Replace('_', ' ')}: {p.Value}"))}. " +
                       $"Bootstrap: {Count(report.Settings.BootstrapResamples)} resamples, seed {report.Settings.Seed}.", "note");
        return page.ToReport();
    }

    private static void RenderDimension(HtmlPage page, FairnessReport report, DimensionResult dimension)
    {
        var groups = report.Groups.Where(g => g.Dimension == dimension.Name).ToArray();
        page.Heading(2, $"By {dimension.Name}");
        page.Paragraph($"Reference group: {dimension.ReferenceGroup} ({dimension.ReferenceReason}).");
        page.Table("Counts and selection", ["Group", "People", "With outcome", "Base rate", "Selected", "Selection rate (interval)", "Share of population", "Share of selected", "TP", "FP", "TN", "FN"],
            groups.Select(g => (IReadOnlyList<string>)[Label(g), Count(g.Rows), Count(g.Positives), Percent(g.BaseRate), Count(g.Selected),
                PercentWithInterval(g.SelectionRate, g.Intervals["selection_rate"]), Percent(g.ShareOfPopulation), Percent(g.ShareOfSelected),
                Count(g.TruePositives), Count(g.FalsePositives), Count(g.TrueNegatives), Count(g.FalseNegatives)]));
        page.Table("Error rates (Wilson intervals), with each group's base rate", ["Group", "Base rate", "TPR", "FPR", "FNR", "PPV", "NPV", "FDR", "FOR"],
            groups.Select(g => (IReadOnlyList<string>)[Label(g), PercentWithInterval(g.BaseRate, g.Intervals[RateMetric.BaseRate.Key]),
                .. RateMetric.Compared.Skip(1).Select(m => PercentWithInterval(Rate(g, m.Key), g.Intervals[m.Key]))]));
        page.Table("Ranking and calibration", ["Group", "AUC (interval)", "Brier score", "Mean score", "Observed rate"],
            groups.Select(g => (IReadOnlyList<string>)[Label(g), NumberWithInterval(g.Auc, g.AucInterval), Number(g.Brier, "0.0000"), Percent(g.MeanScore), Percent(g.BaseRate)]));
        var reference = groups.Single(g => g.IsReference);
        page.Table($"Disparities: ratio to {dimension.ReferenceGroup} (interval), beside the ratio of base rates", ["Group", "Base-rate ratio", .. RateMetric.Compared.Select(m => m.Key.ToUpperInvariant().Replace("_", " ")), "AUC"],
            groups.Where(g => !g.IsReference).Select(g => (IReadOnlyList<string>)[Label(g), Number(g.BaseRate / reference.BaseRate, "0.00"),
                .. RateMetric.Compared.Select(m => Disparity(g.Disparities[m.Key])), Disparity(g.Disparities[Disparities.AucKey])]));

        foreach (var metric in RateMetric.HarmFor(Enum.Parse<InterventionKind>(report.HarmFocus.Intervention, ignoreCase: true)).Prepend(RateMetric.SelectionRate))
            page.Figure(FairnessCharts.GroupBars(report, groups, metric),
                $"{metric.Name} of each group with its Wilson interval (the whisker); the dark bar is the reference group, the grey line the whole population. " +
                "Where two groups' whiskers do not overlap, the gap between them is unlikely to be chance.");
        foreach (var metricKey in new[] { report.HarmFocus.WatchedMetrics[0], RateMetric.SelectionRate.Key })
            page.Figure(FairnessCharts.CapacitySweep(report, dimension, metricKey),
                $"How each group's ratio to {dimension.ReferenceGroup} changes as the capacity K grows (the top K scores are selected). The shaded band is " +
                $"[{Number(report.Settings.DisparityBand.Lower, "0.00")}, {Number(report.Settings.DisparityBand.Upper, "0.00")}]; where a line leaves it, " +
                "that capacity treats the group unequally.");
    }

    /// <summary>The per-rate minimum in words; empty for a report written before it existed (read back with 0).</summary>
    private static string FewInDenominator(int minimum) => minimum <= 0 ? "" :
        $"A single rate is not judged either when the group or the reference has fewer than {minimum} in its denominator " +
        "(e.g. fewer than that many selected, for the positive predictive value). ";

    private static void RenderProxyCheck(HtmlPage page, FairnessReport report)
    {
        page.Heading(2, "Proxy check: indirect use of protected characteristics");
        if (report.ProxyCheck.Count == 0)
        {
            page.Paragraph("No feature columns were given, so the proxy check did not run.");
            return;
        }

        page.Paragraph("For each feature alone: how well it tells each group from the rest, as an AUC folded so that 0.5 means no information " +
                       "and 1 means the feature gives the group away. A strong feature lets a model treat people differently by the characteristic " +
                       "without using it: check that what it measures justifies its use.");
        page.Table("Information each feature carries about each characteristic", ["Characteristic", "Feature", "Strength (AUC)", "Level", "Group best told apart"],
            report.ProxyCheck.Select(p => (IReadOnlyList<string>)[p.Characteristic, p.Feature, Number(p.Strength), p.Level, p.StrongestGroup]));
    }

    private static string Label(GroupResult group) =>
        group.IsReference ? $"{group.Group} (reference)" : group.SmallGroup ? $"{group.Group} (small)" : group.Group;

    internal static double Rate(GroupResult group, string key) => key switch
    {
        "selection_rate" => group.SelectionRate,
        "tpr" => group.TruePositiveRate,
        "fpr" => group.FalsePositiveRate,
        "fnr" => group.FalseNegativeRate,
        "ppv" => group.PositivePredictiveValue,
        "npv" => group.NegativePredictiveValue,
        "fdr" => group.FalseDiscoveryRate,
        "for" => group.FalseOmissionRate,
        _ => group.BaseRate,
    };
}
