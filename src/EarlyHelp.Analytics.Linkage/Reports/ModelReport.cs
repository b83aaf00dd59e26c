using System.Globalization;
using System.Net;
using System.Text;

namespace EarlyHelp.Analytics.Linkage;

/// <summary>The linkage model report: each field's comparison levels with m, u and match weight, as a table and a bar chart.</summary>
public static class ModelReport
{
    private const int BarHeight = 18;
    private const int ChartWidth = 760;
    private const int LabelWidth = 330;

    /// <summary>A self-contained HTML page (inline SVG, no scripts) describing <paramref name="model"/>, with optional summary lines above the tables.</summary>
    public static string ToHtml(LinkageModel model, IReadOnlyList<string>? summaryLines = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Linkage model</title>\n")
            .Append("<style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;margin-bottom:1.5em}")
            .Append("td,th{border:1px solid #bbb;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}</style></head><body>\n")
            .Append("<h1>Linkage model</h1>\n<p>A Fellegi–Sunter model: m = P(level | same person), learned by EM without labels; ")
            .Append("u = P(level | different people), from random pairs; weight = log2(m/u) in bits. A pair's match weight is the prior ")
            .Append("plus its levels' weights; its match probability is 2^w/(1+2^w).</p>\n<ul>\n");
        foreach (var line in summaryLines ?? [])
            html.Append("<li>").Append(Encode(line)).Append("</li>\n");
        html.Append("<li>Prior lambda (two random records are the same person): ").Append(Number(model.Lambda, "G4"))
            .Append(", prior weight ").Append(Number(model.PriorWeight, "0.00")).Append(" bits</li>\n")
            .Append("<li>Link at match probability ≥ ").Append(Number(model.Settings.LinkThreshold, "0.###"))
            .Append("; clerical review from ").Append(Number(model.Settings.ReviewThreshold, "0.###")).Append("</li>\n")
            .Append("<li>EM: ").Append(model.Training.Iterations).Append(model.Training.Converged ? " iterations, converged" : " iterations, not converged")
            .Append("; ").Append(model.Training.TrainingPairs.ToString("N0", CultureInfo.InvariantCulture)).Append(" blocked pairs; u from ")
            .Append(model.Training.RandomPairs.ToString("N0", CultureInfo.InvariantCulture)).Append(" random pairs</li>\n</ul>\n");
        html.Append("<h2>Match weights by comparison level</h2>\n").Append(Chart(model));
        foreach (var comparison in model.Comparisons)
        {
            html.Append("<h2>").Append(Encode(comparison.Name)).Append("</h2>\n<table><tr><th>level</th><th>m</th><th>u</th><th>weight (bits)</th><th>term-frequency adjusted</th></tr>\n");
            foreach (var level in comparison.Levels)
                html.Append("<tr><td>").Append(Encode(level.Label)).Append("</td><td>").Append(Number(level.M, "0.00000"))
                    .Append("</td><td>").Append(Number(level.U, "0.00000")).Append("</td><td>").Append(Number(level.Weight, "0.00"))
                    .Append("</td><td>").Append(level.TermFrequencyAdjusted ? "yes" : "").Append("</td></tr>\n");
            html.Append("</table>\n");
        }
        return html.Append("</body></html>\n").ToString();
    }

    private static string Chart(LinkageModel model)
    {
        var rows = model.Comparisons.SelectMany(c => c.Levels.Select(l => (Label: $"{c.Name}: {l.Label}", l.Weight))).ToArray();
        var limit = Math.Max(1, rows.Max(r => Math.Abs(r.Weight)));
        var half = (ChartWidth - LabelWidth) / 2.0;
        var zero = LabelWidth + half;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{ChartWidth}\" height=\"{rows.Length * BarHeight + 10}\" font-size=\"11\">\n");
        for (var r = 0; r < rows.Length; r++)
        {
            var y = r * BarHeight + 5;
            var length = Math.Abs(rows[r].Weight) / limit * (half - 40);
            var x = rows[r].Weight >= 0 ? zero : zero - length;
            var colour = rows[r].Weight >= 0 ? "#2b7a3b" : "#b03a2e";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 6}\" y=\"{y + 12}\" text-anchor=\"end\">{Encode(rows[r].Label)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y + 2}\" width=\"{length:0.#}\" height=\"{BarHeight - 5}\" fill=\"{colour}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{(rows[r].Weight >= 0 ? x + length + 3 : x - 3):0.#}\" y=\"{y + 12}\" text-anchor=\"{(rows[r].Weight >= 0 ? "start" : "end")}\">{rows[r].Weight:0.0}</text>\n");
        }
        return svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{zero:0.#}\" x2=\"{zero:0.#}\" y1=\"0\" y2=\"{rows.Length * BarHeight + 10}\" stroke=\"#333\"/></svg>\n").ToString();
    }

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
