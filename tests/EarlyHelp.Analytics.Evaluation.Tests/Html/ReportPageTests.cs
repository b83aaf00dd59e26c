using EarlyHelp.Analytics.Evaluation.Calibration;
using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Html;
using EarlyHelp.Analytics.Evaluation.Tests.Fairness;

namespace EarlyHelp.Analytics.Evaluation.Tests.Html;

public sealed class ReportPageTests
{
    [Fact]
    public void FairnessPage_Render_OpensWithTheSummaryAndNeedsNoScript()
    {
        var report = new FairnessAudit(new FairnessAuditOptions { BootstrapResamples = 50 }).Run(FairnessAuditTests.Larger(seed: 1));

        var html = FairnessPage.Render(report);

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.True(html.IndexOf("Summary of findings", StringComparison.Ordinal) < html.IndexOf("<table", StringComparison.Ordinal));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<svg", html);
        Assert.Contains(report.Findings[0].Text.Replace("'", "&#39;"), html);
    }

    [Fact]
    public void CalibrationPage_Render_ShowsEveryGroupAndBothDiagrams()
    {
        var report = new CalibrationAudit().Run(FairnessAuditTests.Larger(seed: 2));

        var html = CalibrationPage.Render(report);

        Assert.Contains("Reliability diagram, equal-width bins", html);
        Assert.Contains("Reliability diagram, quantile bins", html);
        foreach (var group in report.Scores[0].Groups)
            Assert.Contains($"<td>{group.Group}</td>", html);
    }

    [Fact]
    public void CalibrationPage_Build_LinksOnePngPerChartIncludingRocAndPrecisionRecall()
    {
        var report = new CalibrationAudit().Run(FairnessAuditTests.Larger(seed: 2));

        var built = CalibrationPage.Build(report);

        // Every figure links its PNG, and every PNG is linked once; the ROC and precision–recall curves are among them.
        var links = System.Text.RegularExpressions.Regex.Matches(built.Html, "<a href=\"(charts/[^\"]+\\.png)\">").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(built.Images.Select(i => i.Path), links);
        Assert.Equal(links.Length, links.Distinct().Count());
        Assert.Equal(System.Text.RegularExpressions.Regex.Count(built.Html, "<svg"), links.Length);
        Assert.Contains("charts/calibration-roc-curve.png", links);
        Assert.Contains("charts/calibration-precision-recall-curve.png", links);
        // PNG files start with the eight-byte PNG signature.
        Assert.All(built.Images, i => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], i.Bytes.Take(4)));
        var auc = report.Scores[0].Overall!.Auc.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"(AUC {auc})", built.Html);
    }
}
