using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;

namespace EarlyHelp.Analytics.Evaluation.Charts;

/// <summary>Turns a finished ScottPlot <see cref="Plot"/> into a <see cref="ChartImage"/>: SVG ready to sit inside HTML, and PNG for print.</summary>
internal static partial class ChartExport
{
    /// <summary>PNG pixels per SVG pixel: twice the screen size prints sharply at a page's width.</summary>
    public const int PrintScale = 2;

    /// <summary>The font list written into the SVG: the bundled family, then Verdana (the face DejaVu's metrics follow), then any sans-serif.</summary>
    public const string SvgFontList = "'DejaVu Sans', Verdana, Arial, sans-serif";

    /// <summary>Draws <paramref name="plot"/> at <paramref name="width"/> × <paramref name="height"/> pixels as SVG and PNG.</summary>
    public static ChartImage Export(Plot plot, string name, string title, int width, int height)
    {
        var svg = Inline(plot.GetSvgXml(width, height), name, title, width, height);
        plot.ScaleFactor = PrintScale;
        var png = plot.GetImageBytes(width * PrintScale, height * PrintScale, ImageFormat.Png);
        plot.ScaleFactor = 1;
        return new ChartImage(name, title, svg, png);
    }

    /// <summary>A file-name stem from free text: lower-case letters and digits, hyphens between words.</summary>
    public static string Slug(string text)
    {
        var slug = NonWord().Replace(text.ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? "chart" : slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }

    /// <summary>
    /// Makes ScottPlot's standalone SVG fit inside HTML: no XML declaration; a viewBox so it scales with
    /// the page; an accessible name; the font list with fallbacks; and every id prefixed, because several
    /// charts on one page would otherwise share ScottPlot's clip-path ids and clip each other.
    /// </summary>
    internal static string Inline(string svg, string name, string title, int width, int height)
    {
        var prefix = $"{name}-{Hash(svg)}-";
        svg = XmlDeclaration().Replace(svg, "");
        svg = IdAttribute().Replace(svg, m => $"id=\"{prefix}{m.Groups[1].Value}\"");
        svg = IdReference().Replace(svg, m => $"url(#{prefix}{m.Groups[1].Value})");
        svg = svg.Replace($"font-family=\"{ChartFonts.Family}\"", $"font-family=\"{SvgFontList}\"", StringComparison.Ordinal);
        var open = svg.IndexOf("<svg", StringComparison.Ordinal);
        var close = svg.IndexOf('>', open);
        var attributes = string.Create(CultureInfo.InvariantCulture,
            $" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\" style=\"max-width:100%;height:auto\"");
        return svg[..close] + attributes + ">" + $"<title>{WebUtility.HtmlEncode(title)}</title>" + svg[(close + 1)..].TrimEnd() + "\n";
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex IdReference();
}
