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
}
