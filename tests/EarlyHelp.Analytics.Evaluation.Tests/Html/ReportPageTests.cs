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
}
