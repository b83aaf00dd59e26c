using System.Net;
using EarlyHelp.Analytics.Evaluation.Output;
using EarlyHelp.Analytics.Evaluation.Statistics;
using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Pipelines.Comparison;
using EarlyHelp.Analytics.Pipelines.ModelCards;
using EarlyHelp.Analytics.Pipelines.Training;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Models;

/// <summary>
/// A model's rolling-origin backtest on its page: backtest.json and backtest.html written by the training pipeline's own
/// types and page builder from planted figures, so the page reads what a training run writes.
/// </summary>
public sealed class ModelBacktestTests(PanelSite site) : IClassFixture<PanelSite>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("earlyhelp-model-backtest-").FullName;

    [Fact]
    public async Task ModelPage_Backtest_AQuarterWithIntervalsANotAssessableOneAndTheLink()
    {
        Register("with-backtest", withBacktest: true);
        var analyst = await site.ClientForRoleAsync("analyst");

        var (status, html) = await analyst.GetAsync("/models/with-backtest");

        Assert.Equal(HttpStatusCode.OK, status);
        var row = Row(html, "1 Jan 2024");
        // The planted figures in the page's formats: AUC and Brier to 3 and 4 places, precision as a percentage to one place.
        Assert.Contains("<td>2: 1 Jan 2022 to 1 Apr 2022</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\">2,410 (163)</td><td class=\"number\">25</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td>0.781 (0.752 to 0.809)</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td>32.0% (24.0% to 40.0%)</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td>0.0612 (0.0581 to 0.0644)</td>", row, StringComparison.Ordinal);
        // 163 escalations are fewer than the gate's minimum, so the file marks the calibration not assessable.
        Assert.Contains("<td>0.94 (0.81 to 1.07) (indicative)</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td>1.03 (0.88 to 1.20) (indicative)</td>", row, StringComparison.Ordinal);
        var later = Row(html, "1 Apr 2024");
        Assert.Contains("<td colspan=\"5\">Not assessable: 12 escalated test families; at least 30 are needed</td>", later, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/models/with-backtest/backtest.html\">The full backtest</a>", html, StringComparison.Ordinal);

        using var page = await analyst.Http.GetAsync("/models/with-backtest/backtest.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Backtest: with-backtest", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Inline styles for the report's own style block; no script source, so default-src 'none' refuses every script.
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("style-src 'unsafe-inline'", policy, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelPage_NoBacktest_SaysHowToGetOneAndThePageIsNotFound()
    {
        Register("without-backtest", withBacktest: false);
        var ig = await site.ClientForRoleAsync("ig");

        var (_, html) = await ig.GetAsync("/models/without-backtest");

        Assert.Contains("The folder holds no backtest (backtest.json)", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ig.GetAsync("/models/without-backtest/backtest.html")).Status);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Row(string html, string testDate)
    {
        var start = html.IndexOf($"<td>{testDate}</td>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No backtest row for {testDate}.");
        return Markup.Compact(html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)]);
    }

    private void Register(string name, bool withBacktest)
    {
        var modelFolder = Path.Combine(folder, name);
        Directory.CreateDirectory(modelFolder);
        if (withBacktest)
        {
            var report = PlantedBacktest();
            File.WriteAllText(Path.Combine(modelFolder, "backtest.json"), ReportJson.Serialize(report));
            File.WriteAllText(Path.Combine(modelFolder, "backtest.html"), ModelCard.BacktestDocument(name, report).ToHtml());
        }
        using var store = site.OpenHub();
        using var pending = store.Models.Begin(new ModelRegistration(name, modelFolder, new string('c', 64), new DateOnly(2025, 1, 1), new DateOnly(2024, 4, 1), new Dictionary<string, double>()), "an.analyst");
        pending.Commit();
    }

    private static BacktestReport PlantedBacktest()
    {
        static MetricEstimate Estimate(double value, double lower, double upper) => new(value, new Interval(lower, upper));
        var assessed = new BacktestScore(
            new Dictionary<string, MetricEstimate>
            {
                [MetricNames.Auc] = Estimate(0.781, 0.752, 0.809),
                [MetricNames.PrecisionAtCapacity] = Estimate(0.32, 0.24, 0.40),
                [MetricNames.Brier] = Estimate(0.0612, 0.0581, 0.0644),
            },
            new BacktestCalibration(0.94, new Interval(0.81, 1.07), -0.02, 1.03, new Interval(0.88, 1.20), Assessable: false));
        return new BacktestReport(2, 30, 30, "Rolling origin: the model is retrained at each quarter's origin and tested on the quarter's families.",
        [
            new BacktestQuarter(new DateOnly(2024, 1, 1), new DateOnly(2023, 1, 1), [new DateOnly(2022, 1, 1), new DateOnly(2022, 4, 1)],
                BacktestQuarter.Assessed, null, 2410, 163, 25, 0, assessed, null),
            new BacktestQuarter(new DateOnly(2024, 4, 1), new DateOnly(2023, 4, 1), [new DateOnly(2022, 4, 1), new DateOnly(2022, 7, 1)],
                BacktestQuarter.NotAssessable, "12 escalated test families; at least 30 are needed", 2390, 12, 25, 0, null, null),
        ]);
    }
}
