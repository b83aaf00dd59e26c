using System.Net;
using System.Text;
using EarlyHelp.Analytics.Evaluation.Charts;

namespace EarlyHelp.Analytics.Evaluation.Html;

/// <summary>
/// Builds one self-contained HTML page: inline CSS, charts as inline SVG, no script, laid out to print
/// well (tables and figures are not split across pages). Each chart's PNG is kept for the
/// <see cref="HtmlReport"/> to write beside the page, under <c>charts/</c>, and linked from its caption.
/// </summary>
public sealed class HtmlPage
{
    private const string Style = """
        body { font-family: Arial, Helvetica, sans-serif; color: #111; max-width: 1100px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
        h1 { font-size: 1.7em; } h2 { font-size: 1.3em; margin-top: 2em; border-bottom: 1px solid #999; } h3 { font-size: 1.1em; }
        table { border-collapse: collapse; margin: 0.8em 0 1.4em; font-size: 0.9em; }
        caption { text-align: left; font-weight: bold; padding-bottom: 0.3em; }
        th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; text-align: right; vertical-align: top; }
        th:first-child, td:first-child { text-align: left; }
        th { background: #eee; }
        .flag { font-weight: bold; } .badge { display: inline-block; min-width: 5.5em; font-weight: bold; }
        .findings li { margin-bottom: 0.6em; }
        figure { margin: 1em 0 2em; } figure svg { display: block; } figcaption { font-size: 0.9em; color: #333; max-width: 720px; }
        figcaption a { color: #1d70b8; }
        .note { color: #333; font-size: 0.95em; }
        @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, figure { break-inside: avoid; } figcaption a { display: none; } }
        """;

    private readonly StringBuilder body = new();
    private readonly List<ReportImage> images = [];
    private readonly string title;
    private readonly string chartPrefix;

    /// <summary>A page with the given title; its charts' PNG files are named <c>charts/PREFIX-CHART.png</c>.</summary>
    public HtmlPage(string title, string chartPrefix = "report")
    {
        this.title = title;
        this.chartPrefix = chartPrefix;
        Heading(1, title);
    }

    /// <summary>Escapes text for HTML.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A heading of level 1 to 3.</summary>
    public HtmlPage Heading(int level, string text)
    {
        body.Append($"<h{level}>{Escape(text)}</h{level}>\n");
        return this;
    }

    /// <summary>A paragraph of text.</summary>
    public HtmlPage Paragraph(string text, string? cssClass = null)
    {
        body.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(Escape(text)).Append("</p>\n");
        return this;
    }

    /// <summary>A list whose items are given as already-escaped HTML.</summary>
    public HtmlPage ListOfHtml(IEnumerable<string> itemsHtml, bool ordered = false, string? cssClass = null)
    {
        var tag = ordered ? "ol" : "ul";
        body.Append(cssClass is null ? $"<{tag}>" : $"<{tag} class=\"{cssClass}\">");
        foreach (var item in itemsHtml)
            body.Append("<li>").Append(item).Append("</li>");
        body.Append($"</{tag}>\n");
        return this;
    }

    /// <summary>A definition list of terms and their explanations.</summary>
    public HtmlPage Definitions(IEnumerable<(string Term, string Meaning)> entries)
    {
        body.Append("<dl>");
        foreach (var (term, meaning) in entries)
            body.Append("<dt><strong>").Append(Escape(term)).Append("</strong></dt><dd>").Append(Escape(meaning)).Append("</dd>");
        body.Append("</dl>\n");
        return this;
    }

    /// <summary>A table with a caption, a header row, and rows of plain-text cells.</summary>
    public HtmlPage Table(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        body.Append("<table><caption>").Append(Escape(caption)).Append("</caption><thead><tr>");
        foreach (var header in headers)
            body.Append("<th>").Append(Escape(header)).Append("</th>");
        body.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            body.Append("<tr>");
            foreach (var cell in row)
                body.Append("<td>").Append(Escape(cell)).Append("</td>");
            body.Append("</tr>");
        }

        body.Append("</tbody></table>\n");
        return this;
    }

    /// <summary>A figure: the chart as inline SVG, a caption that says how to read it, and a link to its PNG.</summary>
    public HtmlPage Figure(ChartImage chart, string caption)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var path = UniquePath($"{chartPrefix}-{chart.Name}");
        images.Add(new ReportImage(path, chart.Png));
        body.Append("<figure>").Append(chart.Svg).Append("<figcaption>").Append(Escape(caption))
            .Append(" <a href=\"").Append(Escape(path)).Append("\">PNG for print</a></figcaption></figure>\n");
        return this;
    }

    /// <summary>The complete document.</summary>
    public override string ToString() =>
        $"<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{Escape(title)}</title><style>{Style}</style></head><body>\n{body}</body></html>\n";

    /// <summary>The document with its charts' PNG files.</summary>
    public HtmlReport ToReport() => new(ToString(), [.. images]);

    private string UniquePath(string stem)
    {
        var path = $"{HtmlReport.ChartFolder}/{stem}.png";
        for (var n = 2; images.Any(i => i.Path == path); n++)
            path = $"{HtmlReport.ChartFolder}/{stem}-{n}.png";
        return path;
    }
}
