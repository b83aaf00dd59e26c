using EarlyHelp.Analytics.Pipelines.Drift;
using EarlyHelp.Analytics.Pipelines.ModelCards;

namespace EarlyHelp.Analytics.Pipelines.Tests.ModelCards;

public sealed class CardDocumentTests
{
    private static readonly CardDocument Card = new("Model card: q1",
    [
        new CardSection("Intended use", [new CardBlock.Paragraph("Prompts, never decisions."), new CardBlock.Bullets(["one", "two <b>"])]),
        new CardSection("Metrics", [new CardBlock.Table("Test", ["scorer", "auc"], [["model", "0.8 | 0.9"]])]),
    ]);

    [Fact]
    public void ToMarkdown_SectionsListsAndTables_InGitHubMarkdown()
    {
        Assert.Equal("""
            # Model card: q1

            ## Intended use

            Prompts, never decisions.

            - one
            - two <b>

            ## Metrics

            *Test*

            | scorer | auc |
            |---|---|
            | model | 0.8 \| 0.9 |


            """.ReplaceLineEndings("\n"), Card.ToMarkdown());
    }

    [Fact]
    public void ToHtml_SameContent_Escaped()
    {
        var html = Card.ToHtml();

        Assert.Contains("<h1>Model card: q1</h1>", html);
        Assert.Contains("<h2>Intended use</h2>", html);
        Assert.Contains("<li>two &lt;b&gt;</li>", html);
        Assert.Contains("<td>0.8 | 0.9</td>", html);
    }

    [Fact]
    public void ToReport_DriftFigure_InlinesTheSvgAndTheMarkdownLinksTheSamePng()
    {
        var drift = new DriftReport("training rows", "eligible families", 1000, 900, new StabilityResult("score", 0.03, "stable", 10),
            [new StabilityResult("arrears_months", 0.31, "major shift", 10), new StabilityResult("school_moves", 0.12, "moderate shift", 8)]);
        var card = new CardDocument("Model card: q2", [new CardSection("Caveats", [DriftChart.Figure(drift)])]);

        var report = card.ToReport();
        var markdown = card.ToMarkdown();

        // One chart: its PNG under charts/, linked from the HTML caption and embedded in the Markdown by the same path.
        var image = Assert.Single(report.Images);
        Assert.Equal("charts/model-card-drift.png", image.Path);
        Assert.Contains("<a href=\"charts/model-card-drift.png\">", report.Html);
        Assert.Contains("](charts/model-card-drift.png)", markdown);
        Assert.Contains("<svg", report.Html);
        // The chart names the score, both features and both thresholds.
        foreach (var text in new[] { ">score<", "arrears_months", "school_moves", "Moderate shift (0.10)", "Major shift (0.25)" })
            Assert.Contains(text, System.Text.RegularExpressions.Regex.Replace(report.Html, @"\s*(<|>)\s*", "$1"));
        Assert.Contains("the score and the 2 least stable of 2 features", report.Html);
    }
}
