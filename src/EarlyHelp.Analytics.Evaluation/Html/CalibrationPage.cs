using EarlyHelp.Analytics.Evaluation.Calibration;
using EarlyHelp.Analytics.Evaluation.Charts;
using static EarlyHelp.Analytics.Evaluation.Html.ReportFormat;

namespace EarlyHelp.Analytics.Evaluation.Html;

/// <summary>Renders a <see cref="CalibrationReport"/> as <c>calibration.html</c>: findings first, then measures, reliability diagrams, ROC and precision–recall curves, and groups.</summary>
public static class CalibrationPage
{
    /// <summary>Prefix of the charts' PNG file names.</summary>
    public const string ChartPrefix = "calibration";

    private const int MostSeries = 6;

    /// <summary>The complete HTML document.</summary>
    public static string Render(CalibrationReport report) => Build(report).Html;

    /// <summary>The HTML document with its charts' PNG files.</summary>
    public static HtmlReport Build(CalibrationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var page = new HtmlPage($"Calibration report of {report.Scores[0].Name}", ChartPrefix);
        page.Paragraph("A calibrated score means what it says: of 100 people scored 30%, about 30 have the outcome — overall and in every group " +
                       "large enough to measure. This report checks that.");
        page.Heading(2, "Calibration gate: " + report.Gate.Replace('_', ' '));
        page.Paragraph("The gate that promotion reads: enough families with and without the outcome, discrimination better than chance, and "
                       + "neither observed/expected outcomes nor the calibration slope outside [0.8, 1.25] beyond chance.");
        page.ListOfHtml(report.GateReasons.Select(HtmlPage.Escape));
        page.Heading(2, "Summary of findings");
        page.ListOfHtml(report.Findings.Select(f => $"<span class=\"badge\">{Severity(f.Severity)}</span> {HtmlPage.Escape(f.Text)}"), ordered: true, cssClass: "findings");
        page.Heading(2, "How to read this report");
        page.Definitions(Glossary(report.ConfidenceLevel));

        var assessed = report.Scores.Where(s => s.Overall is not null).ToArray();
        page.Heading(2, "Overall");
        page.Table("Calibration measures", ["Measure", .. assessed.Select(s => $"{s.Name} ({s.Role})")], Measures(assessed));
        page.Figure(ReliabilityDiagram("Reliability diagram, equal-width bins", assessed.Select(s => (s.Name, s.Overall!.ReliabilityEqualWidth))),
            "Observed rate against mean score in 10 equal-width score bins, with Wilson intervals; the grey diagonal is perfect calibration. Bins with few people have wide intervals.");
        page.Figure(ReliabilityDiagram("Reliability diagram, quantile bins", assessed.Select(s => (s.Name, s.Overall!.ReliabilityQuantile))),
            "The same with bins of equal numbers of people, which shows where most people's scores lie.");
        RankingFigures(page, assessed);
        foreach (var skipped in report.Scores.Where(s => s.Overall is null))
            page.Paragraph($"{skipped.Name} ({skipped.Role}) was not assessed: {skipped.SkippedReason}.");

        foreach (var score in assessed)
        {
            page.Heading(2, $"By group: {score.Name} ({score.Role})");
            page.Table("Calibration of each group", ["Dimension", "Group", "People", "Observed rate (interval)", "Mean score", "In the large", "Slope (interval)", "ECE", "Brier"],
                score.Groups.Select(g => (IReadOnlyList<string>)[g.Dimension, g.SmallGroup ? $"{g.Group} (small)" : g.Group, Count(g.Summary.Rows),
                    PercentWithInterval(g.Summary.ObservedRate, g.Summary.ObservedRateInterval), Percent(g.Summary.MeanScore),
                    Number(g.Summary.CalibrationInTheLarge, "0.00"), NumberWithInterval(g.Summary.CalibrationSlope, g.Summary.CalibrationSlopeInterval, "0.00"),
                    Number(g.Summary.ExpectedCalibrationError), Number(g.Summary.Brier, "0.0000")]));
            foreach (var dimension in score.Groups.Select(g => g.Dimension).Distinct().Where(d => !d.Contains(" × ", StringComparison.Ordinal)))
            {
                var groups = score.Groups.Where(g => g.Dimension == dimension && !g.SmallGroup).Take(MostSeries);
                page.Figure(ReliabilityDiagram($"Reliability by {dimension}, quantile bins", groups.Select(g => (g.Group, g.Summary.ReliabilityQuantile))),
                    $"One line per group of {dimension} (small groups left out). A group whose line lies below the diagonal is over-predicted; above it, under-predicted.");
            }
        }

        return page.ToReport();
    }

    private static IEnumerable<IReadOnlyList<string>> Measures(IReadOnlyList<ScoreCalibration> scores)
    {
        IReadOnlyList<string> Row(string name, Func<CalibrationSummary, string> value) => [name, .. scores.Select(s => value(s.Overall!))];
        yield return Row("People", s => Count(s.Rows));
        yield return Row("Observed rate (interval)", s => PercentWithInterval(s.ObservedRate, s.ObservedRateInterval));
        yield return Row("Mean score", s => Percent(s.MeanScore));
        yield return Row("Calibration in the large (log-odds)", s => Number(s.CalibrationInTheLarge, "0.000"));
        yield return Row("Calibration slope (interval)", s => NumberWithInterval(s.CalibrationSlope, s.CalibrationSlopeInterval, "0.00"));
        yield return Row("Calibration intercept", s => Number(s.CalibrationIntercept, "0.000"));
        yield return Row("Expected calibration error", s => Number(s.ExpectedCalibrationError));
        yield return Row("Maximum calibration error", s => Number(s.MaximumCalibrationError));
        yield return Row("Brier score", s => Number(s.Brier, "0.0000"));
        yield return Row("  reliability (lower is better)", s => Number(s.BrierDecomposition.Reliability, "0.0000"));
        yield return Row("  resolution (higher is better)", s => Number(s.BrierDecomposition.Resolution, "0.0000"));
        yield return Row("  uncertainty (base rate only)", s => Number(s.BrierDecomposition.Uncertainty, "0.0000"));
        yield return Row("  within-bin remainder", s => Number(s.BrierDecomposition.WithinBin, "0.0000"));
        yield return Row("Log loss", s => Number(s.LogLoss, "0.0000"));
        yield return Row("AUC", s => Number(s.Auc));
    }

    private static ChartImage ReliabilityDiagram(string title, IEnumerable<(string Name, IReadOnlyList<ReliabilityPoint> Points)> curves) =>
        LineChart.Render(RankingCharts.RateAgainstRate(title, "Mean score in bin (predicted)", "Share with the outcome (observed)",
            curves.Select(c => new ChartSeries(c.Name, c.Points.Select(p => new ChartPoint(p.MeanScore, p.ObservedRate, p.Interval.Lower, p.Interval.Upper)).ToArray())).ToArray())
            with { Diagonal = "Perfect calibration" });

    private static void RankingFigures(HtmlPage page, IReadOnlyList<ScoreCalibration> scores)
    {
        var curves = scores.Where(s => s.Overall!.RankingCurves is not null).Select(s => (s.Name, s.Overall!, Curves: s.Overall!.RankingCurves!)).ToArray();
        if (curves.Length == 0)
            return;
        page.Figure(RankingCharts.Roc(curves.Select(c => (c.Name, c.Item2.Auc, c.Curves))),
            "Each point is a threshold: everyone scored above it is selected. Across: the share of people without the outcome who are selected (false alarms); " +
            "up: the share of people with the outcome who are selected. The closer the curve to the top-left corner, the better the score ranks; the grey diagonal is a coin toss. " +
            "AUC is the area under the curve. A calibrator that keeps the order of scores leaves this curve unchanged.");
        page.Figure(RankingCharts.PrecisionRecall(curves.Select(c => (c.Name, c.Curves))),
            "The same thresholds read as the panel reads them: across, the share of everyone with the outcome who is selected (recall); up, the share of the selected " +
            "who have the outcome (precision). The grey line is the base rate, the precision of selecting at random. AP is the average precision.");
    }

    private static IEnumerable<(string, string)> Glossary(double level) =>
    [
        ("Reliability diagram", $"Scores are put in bins; each point is a bin's mean score (across) against the share of its people with the outcome (up), with a {Level(level)} Wilson interval. Points on the diagonal are calibrated."),
        ("Expected calibration error (ECE)", "The average distance of the points from the diagonal, weighting each bin by its people. 0 is perfect."),
        ("Maximum calibration error (MCE)", "The largest distance of one bin from the diagonal."),
        ("Brier score and its decomposition", "The mean squared gap between score and outcome. It splits into reliability (miscalibration, lower is better), resolution (how much the score separates people, higher is better) and uncertainty (fixed by the base rate)."),
        ("Calibration in the large", "Whether the scores are right on average, on the log-odds scale: 0 is right, negative means the scores are too high, positive too low."),
        ("Calibration slope and intercept", "A logistic regression of the outcome on the log-odds of the score. A slope of 1 means the spread of the scores is right; below 1 they are too extreme (over-fitting), above 1 too timid."),
        ("Before and after the calibrator", "When the score before calibration is given, both are shown side by side; the calibrator should bring the points onto the diagonal without changing the AUC."),
    ];
}
