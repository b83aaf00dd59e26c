using System.Text;
using EarlyHelp.Analytics.Evaluation.Charts;
using EarlyHelp.Analytics.Evaluation.Html;

namespace EarlyHelp.Analytics.Pipelines.ModelCards;

/// <summary>A block of a card section.</summary>
public abstract record CardBlock
{
    private CardBlock()
    {
    }

    /// <summary>A paragraph.</summary>
    /// <param name="Text">Its text.</param>
    public sealed record Paragraph(string Text) : CardBlock;

    /// <summary>A bulleted list.</summary>
    /// <param name="Items">Its items.</param>
    public sealed record Bullets(IReadOnlyList<string> Items) : CardBlock;

    /// <summary>A table.</summary>
    /// <param name="Caption">What it shows.</param>
    /// <param name="Headers">Column headers.</param>
    /// <param name="Rows">Rows of cells.</param>
    public sealed record Table(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : CardBlock;

    /// <summary>A chart: inline SVG in the HTML card, its PNG (under <c>charts/</c>) in the Markdown card.</summary>
    /// <param name="Chart">The drawn chart.</param>
    /// <param name="Caption">How to read it.</param>
    public sealed record Figure(ChartImage Chart, string Caption) : CardBlock;
}

/// <summary>A titled section of a card.</summary>
/// <param name="Title">Its title.</param>
/// <param name="Blocks">Its content.</param>
public sealed record CardSection(string Title, IReadOnlyList<CardBlock> Blocks);

/// <summary>
/// A model card as a neutral document — title, sections of paragraphs, lists and tables — rendered to
/// Markdown and to a self-contained HTML page from the same content, so the two never disagree.
/// </summary>
/// <param name="Title">The card's title.</param>
/// <param name="Sections">Its sections, in order.</param>
public sealed record CardDocument(string Title, IReadOnlyList<CardSection> Sections)
{
    /// <summary>Prefix of the card's chart files, <c>charts/model-card-NAME.png</c>.</summary>
    public const string ChartPrefix = "model-card";

    /// <summary>The card as Markdown (GitHub tables; pipes in cells escaped).</summary>
    public string ToMarkdown()
    {
        var markdown = new StringBuilder().Append("# ").Append(Title).Append("\n\n");
        foreach (var section in Sections)
        {
            markdown.Append("## ").Append(section.Title).Append("\n\n");
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case CardBlock.Paragraph paragraph:
                        markdown.Append(paragraph.Text).Append("\n\n");
                        break;
                    case CardBlock.Bullets bullets:
                        foreach (var item in bullets.Items)
                            markdown.Append("- ").Append(item).Append('\n');
                        markdown.Append('\n');
                        break;
                    case CardBlock.Table table:
                        markdown.Append('*').Append(table.Caption).Append("*\n\n");
                        markdown.Append("| ").Append(string.Join(" | ", table.Headers.Select(Cell))).Append(" |\n");
                        markdown.Append('|').Append(string.Join('|', table.Headers.Select(_ => "---"))).Append("|\n");
                        foreach (var row in table.Rows)
                            markdown.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
                        markdown.Append('\n');
                        break;
                    case CardBlock.Figure figure:
                        markdown.Append("![").Append(figure.Chart.Title).Append("](").Append(HtmlReport.ChartFolder).Append('/')
                            .Append(ChartPrefix).Append('-').Append(figure.Chart.Name).Append(".png)\n\n*").Append(figure.Caption).Append("*\n\n");
                        break;
                }
            }
        }
        return markdown.ToString();
    }

    /// <summary>The card as one self-contained HTML page.</summary>
    public string ToHtml() => ToReport().Html;

    /// <summary>The card as an HTML page with its charts' PNG files.</summary>
    public HtmlReport ToReport()
    {
        var page = new HtmlPage(Title, ChartPrefix);
        foreach (var section in Sections)
        {
            page.Heading(2, section.Title);
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case CardBlock.Paragraph paragraph:
                        page.Paragraph(paragraph.Text);
                        break;
                    case CardBlock.Bullets bullets:
                        page.ListOfHtml(bullets.Items.Select(HtmlPage.Escape));
                        break;
                    case CardBlock.Table table:
                        page.Table(table.Caption, table.Headers, table.Rows);
                        break;
                    case CardBlock.Figure figure:
                        page.Figure(figure.Chart, figure.Caption);
                        break;
                }
            }
        }
        return page.ToReport();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
