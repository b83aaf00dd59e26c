using System.Globalization;
using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Statistics;
using EarlyHelp.Analytics.Pipelines.Comparison;
using EarlyHelp.Analytics.Pipelines.Drift;
using EarlyHelp.Analytics.Pipelines.Promotion;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Pipelines.ModelCards;

public static partial class ModelCard
{
    private static readonly (string Metric, string Label, string Format)[] MetricColumns =
    [
        (MetricNames.Auc, "AUC", "0.000"), (MetricNames.AveragePrecision, "average precision", "0.000"), (MetricNames.Brier, "Brier", "0.0000"),
        (MetricNames.ExpectedCalibrationError, "ECE", "0.0000"), (MetricNames.PrecisionAtCapacity, "precision at capacity", "0.0%"),
        (MetricNames.RecallAtCapacity, "recall at capacity", "0.0%"),
    ];

    private static CardSection QuantitativeAnalyses(ModelCardContent content)
    {
        var report = content.Report;
        var blocks = new List<CardBlock>
        {
            new CardBlock.Table(Invariant($"The model and its baselines on the {report.Test.Rows:N0} test families ({report.Test.Positives:N0} escalated); 95% bootstrap intervals"),
                ["scorer", .. MetricColumns.Select(c => c.Label)],
                report.Test.Scorers.Select(s => (IReadOnlyList<string>)[s.Scorer, .. MetricColumns.Select(c => WithInterval(s.Metrics[c.Metric], c.Format))]).ToArray()),
            new CardBlock.Table("The model minus each baseline, resampled together (an interval above 0 for AUC, precision and recall, below 0 for Brier and ECE, means the model is better beyond chance)",
                ["against", .. MetricColumns.Select(c => c.Label)],
                report.Test.Differences.Select(d => (IReadOnlyList<string>)[d.Against, .. MetricColumns.Select(c => WithInterval(d.Differences[c.Metric], c.Format))]).ToArray()),
            new CardBlock.Paragraph("In the panel's terms: " + report.Capacity.InPanelTerms),
        };
        if (report.Champion is { } champion)
        {
            blocks.Add(champion.Test is { } test
                ? new CardBlock.Table(Invariant($"Against the champion {champion.Name} on the same test families (this model minus the champion)"),
                    MetricColumns.Select(c => c.Label).ToArray(), [MetricColumns.Select(c => WithInterval(test.Differences[0].Differences[c.Metric], c.Format)).ToArray()])
                : new CardBlock.Paragraph($"The champion {champion.Name} could not be compared: {champion.Problem}."));
        }
        blocks.Add(GroupTable(content.Fairness, "By group, against recorded escalation"));
        blocks.Add(CalibrationTable(content));
        blocks.Add(FlagList(report));
        if (content.TrueNeedFairness is { } truth && report.TrueNeed is { } need)
        {
            blocks.Add(new CardBlock.Paragraph(Invariant(
                $"Against true need (synthetic city only): need means {need.Definition}; {need.WithNeed:N0} of {need.Rows:N0} test families had it. The selection is {need.Selection}. A group with a higher false positive rate here is selected more often without the need: the mark of a recording bias.")));
            blocks.Add(GroupTable(truth, "By group, against true need", RateMetric.FalsePositiveRate.Key));
            blocks.Add(new CardBlock.Paragraph(Invariant(
                $"Read with care: {need.Flags.Count} flag(s) against true need, most by area deprivation. Families without severe need still differ in the moderate need below it — more in deprived areas — which the model rightly reads, so groups differ in selection without severe need even with no recording bias at all. The table below removes that difference.")));
            blocks.Add(new CardBlock.Table(Invariant($"Selection standardised for true need: {need.StandardisedSelection}. A ratio of 1 means a group is selected as often as families with the same need; above 1, more often — the mark of a recording bias"),
                ["dimension", "group", "families", "selected", "expected", "ratio (95%)", "status"],
                need.Standardised.Select(g => (IReadOnlyList<string>)
                [
                    g.Dimension, g.Group, Count(g.Families), Count(g.Selected), g.Expected.ToString("0.0", CultureInfo.InvariantCulture),
                    g.RatioInterval.IsDefined ? Invariant($"{g.Ratio:0.00} ({g.RatioInterval.Lower:0.00} to {g.RatioInterval.Upper:0.00})") : Invariant($"{g.Ratio:0.00}"),
                    g.Status == DisparityStatus.Flag ? "FLAG" : g.Status.Replace('_', ' '),
                ]).ToArray()));
            blocks.Add(need.StandardisedFlags.Count == 0
                ? new CardBlock.Paragraph("No group is selected beyond chance more or less often than families with the same true need.")
                : new CardBlock.Bullets(need.StandardisedFlags.Select(f => $"FLAG {f.Id}: {f.Text}").ToArray()));
        }
        blocks.AddRange(LinkageBlocks(report.Linkage));
        blocks.Add(new CardBlock.Table(report.IsLogistic
                ? "Features the regression leans on most (share of the summed mean absolute linear contribution over the training rows)"
                : "Features the trees lean on most (share of total split gain)", ["feature", "share"],
            report.FeatureImportance.Take(10).Select(f => (IReadOnlyList<string>)[f.Name, f.Share.ToString("0.0%", CultureInfo.InvariantCulture)]).ToArray()));
        return new CardSection("Quantitative analyses", blocks);
    }

    private static CardBlock.Table GroupTable(FairnessReport fairness, string caption, string secondMetric = "fnr") =>
        new(Invariant($"{caption}: selection is {fairness.Population.SelectionDescription}; 95% Wilson intervals for rates, DeLong for AUC"),
            ["dimension", "group", "families", "with outcome", "selected", "selection rate", secondMetric == "fnr" ? "missed (FNR)" : "selected without (FPR)", "AUC", "status"],
            fairness.Groups.Select(g => (IReadOnlyList<string>)
            [
                g.Dimension, g.IsReference ? g.Group + " (reference)" : g.Group, Count(g.Rows), Count(g.Positives), Count(g.Selected),
                Rate(g.SelectionRate, g.Intervals[RateMetric.SelectionRate.Key]),
                Rate(secondMetric == "fnr" ? g.FalseNegativeRate : g.FalsePositiveRate, g.Intervals[secondMetric]),
                !double.IsFinite(g.Auc) ? "—" : g.AucInterval.IsDefined ? Invariant($"{g.Auc:0.000} ({g.AucInterval.Lower:0.000} to {g.AucInterval.Upper:0.000})") : Invariant($"{g.Auc:0.000}"),
                g.SmallGroup ? "small group" : g.Disparities.Values.Any(d => d.Flagged) ? "FLAG" : "",
            ]).ToArray());

    private static CardBlock.Table CalibrationTable(ModelCardContent content)
    {
        var calibrated = content.Calibration.Scores[0];
        var rows = new List<IReadOnlyList<string>>();
        if (calibrated.Overall is { } overall)
            rows.Add(["all", "all", Count(overall.Rows), Percent(overall.MeanScore), Rate(overall.ObservedRate, overall.ObservedRateInterval), overall.ExpectedCalibrationError.ToString("0.0000", CultureInfo.InvariantCulture)]);
        rows.AddRange(calibrated.Groups.Select(g => (IReadOnlyList<string>)
        [
            g.Dimension, g.Group, Count(g.Summary.Rows), Percent(g.Summary.MeanScore), Rate(g.Summary.ObservedRate, g.Summary.ObservedRateInterval),
            g.Summary.ExpectedCalibrationError.ToString("0.0000", CultureInfo.InvariantCulture),
        ]));
        return new CardBlock.Table("Calibration by group: the mean score should lie inside the interval of the observed escalation rate",
            ["dimension", "group", "families", "mean score", "observed rate (95%)", "ECE"], rows);
    }

    private static CardBlock FlagList(TrainingReport report) => (report.FairnessFlags.Count, report.FairnessEvidence.IsAssessable) switch
    {
        ( > 0, _) => new CardBlock.Bullets(report.FairnessFlags.Select(f => $"FLAG {f.Id}: {f.Text}").ToArray()),
        (_, true) => new CardBlock.Paragraph($"No fairness flag: every disparity ratio lies within [0.80, 1.25], or its interval includes 1, or its group is too small to judge ({string.Join("; ", report.FairnessEvidence.Reasons)})."),
        _ => new CardBlock.Paragraph($"Fairness not assessable: {string.Join("; ", report.FairnessEvidence.Reasons)}. No flag could be raised, so none is evidence of fairness; promotion refuses the model."),
    };

    private static CardSection Ethics(ModelCardContent content)
    {
        var strongProxies = content.Fairness.ProxyCheck.Where(p => p.Level == "strong").Select(p => $"{p.Feature} ({p.Characteristic})").Distinct().ToArray();
        return new CardSection("Ethical considerations",
        [
            new CardBlock.Bullets(
            [
                "The outcome is escalation as agencies recorded it. Families more visible to police, schools and social care — by where they live, their ethnicity or their housing — are recorded more often for the same need, and a model trained on the records learns that. The fairness audit looks for its signs; it cannot remove them.",
                "Protected characteristics are never features, but other features can stand in for them. " + (strongProxies.Length == 0
                    ? "The proxy check found no feature that strongly separates any group."
                    : $"The proxy check found features that strongly separate a group: {string.Join(", ", strongProxies)}. Their use should be justified by what they measure."),
                "Area deprivation is closely tied both to need and to how much agencies see. Families in deprived areas are prompted more; whether that is need or visibility is a question for the panel and IG, not one the score answers.",
                "The harm to watch is a family in need passed over (early help is an offer, not a burden): the audit puts the false negative and false omission rates first. A prompt must never become a label on a family.",
                "Families on the opt-out register are never scored; every look at a prompt is written to the audit log.",
            ]),
        ]);
    }

    private static CardSection Caveats(ModelCardContent content)
    {
        var report = content.Report;
        var drift = content.Drift;
        var shifted = drift.Shifted.Take(5).Select(f => Invariant($"{f.Name} (PSI {f.Index:0.00})")).ToArray();
        var items = new List<string>
        {
            "Model choice: recommended, " + char.ToLowerInvariant(report.Recommendation.Reason[0]) + report.Recommendation.Reason[1..]
                + (report.Recommendation.Model == report.ModelKind ? "" : " This folder holds the trees, which promotion refuses while the simpler model is recommended."),
            report.Leakage.Message,
            Invariant($"Drift: the score's population stability index between the training rows and every eligible family at {report.Schedule.ScoringDate:yyyy-MM-dd} is {drift.Score.Index:0.000} ({drift.Score.Level}; under {PopulationStability.ModerateShift:0.0} is stable, {PopulationStability.MajorShift:0.00} or more a major shift). ")
                + (shifted.Length == 0 ? "No feature has shifted." : $"Features with the largest shifts: {string.Join(", ", shifted)}; drift.json lists them all."),
            $"Calibration: the calibration gate on the test families says {report.CalibrationGate.Value.Replace('_', ' ')} ({string.Join("; ", report.CalibrationGate.Reasons)}); promotion requires a pass (calibration.json, \"calibration_gate\").",
            Invariant($"Time: every training and calibration outcome window closes by the test date {report.Schedule.TestDate:yyyy-MM-dd}, so nothing learned overlaps the year the model is judged on, and the last training date is {report.Schedule.HorizonMonths} months before the test date, as for a model retrained on the latest fully observed outcomes. This model was trained on dates to {report.Schedule.TrainingDates[^1]:yyyy-MM-dd}, so at {report.Schedule.ScoringDate:yyyy-MM-dd} it scores further from its data than it was tested; the drift check and the champion comparison on each retrain watch for that."),
            content.TrainingData.LookBackCapMonths is { Count: > 0 }
                ? "Retention: records older than their dataset's retention period at the hub's extract date are gone, so each dataset's look-back is capped, at every date and when scoring, to what the first training date still held (\"Retention and this model\"); records reported late count only from the extract that brought them."
                : "Retention: records older than their dataset's retention period at the hub's extract date are gone, so the oldest training dates see a little less history of short-retention datasets (arrears, crisis support, out-of-work claims) than a score made at the time would have.",
            Invariant($"Capacity: precision and recall are measured at the top {report.Capacity.TestK:N0} of the test families, the panel's {report.Capacity.Monthly:N0} a month scaled to them; with so few families, their intervals are wide."),
            "Groups under 100 families or 10 escalations are marked small: read their intervals, not their ratios.",
            "Recommendations: retrain every quarter with the same seed (so test families stay test families); compare with the champion (earlyhelp models compare); promote only by a named person whose note addresses every flag.",
        };
        return new CardSection("Caveats and recommendations", [new CardBlock.Bullets(items), DriftChart.Figure(drift)]);
    }

    private static string Rate(double value, Interval interval) =>
        interval.IsDefined ? Invariant($"{Percent(value)} ({Percent(interval.Lower)} to {Percent(interval.Upper)})") : Percent(value);

    private static string Percent(double value) => double.IsFinite(value) ? value.ToString("0.0%", CultureInfo.InvariantCulture) : "—";
}
