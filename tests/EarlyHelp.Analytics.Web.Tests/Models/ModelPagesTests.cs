using System.Net;
using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Models;

/// <summary>The model registry pages: the list, a model's reports from its folder, and the IG sign-off and refusal.</summary>
public sealed class ModelPagesTests(PanelSite site) : IClassFixture<PanelSite>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("earlyhelp-model-page-").FullName;

    [Fact]
    public async Task Models_Analyst_SeesTheRegistryAndTheOpenProposal()
    {
        var analyst = await site.ClientForRoleAsync("analyst");

        var (status, html) = await analyst.GetAsync("/models");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<a href=\"/models/{SampleHub.ModelName}\">{SampleHub.ModelName}</a>, proposed by an.analyst", html, StringComparison.Ordinal);
        Assert.Contains("1 fairness flag to answer", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\">0.812</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelPage_FolderWithReports_SummaryPutsFlagsFirstWithReadableNamesAndRatesInsideZeroToOne()
    {
        WriteReports();
        using (var store = site.OpenHub())
        using (var pending = store.Models.Begin(new ModelRegistration("with-reports", folder, new string('b', 64), new DateOnly(2025, 1, 1), new DateOnly(2023, 12, 31), new Dictionary<string, double>()), "an.analyst"))
            pending.Commit();
        var ig = await site.ClientForRoleAsync("ig");

        var (status, html) = await ig.GetAsync("/models/with-reports");

        Assert.Equal(HttpStatusCode.OK, status);
        // The flag's dimension comes first although the file lists the note first.
        Assert.True(html.IndexOf("<strong>ethnicity</strong>: 1 flag", StringComparison.Ordinal) < html.IndexOf("<strong>area deprivation</strong>: no flag", StringComparison.Ordinal));
        Assert.Contains("<span class=\"severity\">flag</span> Black (share of escalating families not prompted):", html, StringComparison.Ordinal);
        Assert.Contains("ethnicity: White British, IMD quintiles 3-5 (compared with)", html, StringComparison.Ordinal);
        // The file's interval for Black families prompted is -0.02 to 0.31: a share cannot be below 0, so it reads 0% to 31%.
        Assert.Contains("<td>12% (0% to 31%)</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("-2%", html, StringComparison.Ordinal);
        Assert.Contains("The score: 0.040 (stable)", html, StringComparison.Ordinal);
        Assert.Contains("<td>domestic_abuse_12m</td><td class=\"number\">0.310</td><td>major</td>", html, StringComparison.Ordinal);
        Assert.Contains("# Model card: with-reports", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Your decision", html, StringComparison.Ordinal);
    }

    /// <summary>fairness.json, drift.json and model_card.md as a training run writes them (only the fields the page reads, plus the required ones).</summary>
    private void WriteReports()
    {
        File.WriteAllText(Path.Combine(folder, "fairness.json"), """
            {
              "population": { "score": "probability", "n": 1000, "positives": 80, "selection_rule": "top_k", "selection": "the 25 highest scores", "selected": 25, "scores_are_probabilities": true },
              "harm_focus": { "intervention": "assistive", "watched_metrics": ["fnr"], "explanation": "missed families" },
              "settings": { "bootstrap_resamples": 10, "seed": 1, "confidence_level": 0.95, "disparity_band": { "lower": 0.8, "upper": 1.25 }, "small_group_rows": 30, "small_group_positives": 5, "small_group_expected_selected": 5, "interval_methods": {} },
              "findings": [
                { "severity": "note", "dimension": "area deprivation", "group": "IMD quintile 1 (most deprived)", "metric": null, "text": "Rates are similar." },
                { "severity": "flag", "dimension": "ethnicity", "group": "black", "metric": "fnr", "text": "Escalating Black families are missed more often." }
              ],
              "overall": { "dimension": "all", "group": "all", "n": 1000, "intervals": {}, "disparities": {} },
              "dimensions": [],
              "groups": [
                { "dimension": "ethnicity", "group": "white_british, IMD quintiles 3-5", "is_reference": true, "n": 600, "selected": 12, "selection_rate": 0.02, "fnr": 0.5,
                  "intervals": { "selection_rate": { "lower": 0.011, "upper": 0.035 }, "fnr": { "lower": 0.4, "upper": 0.6 } }, "disparities": {} },
                { "dimension": "ethnicity", "group": "black", "n": 25, "selected": 3, "selection_rate": 0.12, "fnr": 0.8,
                  "intervals": { "selection_rate": { "lower": -0.02, "upper": 0.31 }, "fnr": { "lower": 0.5, "upper": 1.04 } }, "disparities": {} }
              ],
              "proxy_check": []
            }
            """);
        File.WriteAllText(Path.Combine(folder, "drift.json"), """
            { "reference": "training", "comparison": "as of", "reference_rows": 900, "comparison_rows": 950,
              "score": { "name": "score", "psi": 0.04, "level": "stable", "bins": 10 },
              "features": [ { "name": "moves_24m", "psi": 0.02, "level": "stable", "bins": 10 }, { "name": "domestic_abuse_12m", "psi": 0.31, "level": "major", "bins": 10 } ] }
            """);
        File.WriteAllText(Path.Combine(folder, "model_card.md"), "# Model card: with-reports\n\nA prompt for professional review, never a decision.\n");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
