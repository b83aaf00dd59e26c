namespace EarlyHelp.Analytics.Evaluation.Charts;

/// <summary>One drawn chart: SVG to place inside an HTML page and PNG to print or paste.</summary>
/// <param name="Name">A file-name stem made of lower-case letters, digits and hyphens, unique within its page.</param>
/// <param name="Title">The chart's title, also the SVG's accessible name.</param>
/// <param name="Svg">The <c>&lt;svg&gt;</c> element, without an XML declaration, its ids prefixed by <paramref name="Name"/> so several charts share a page.</param>
/// <param name="Png">The PNG file's bytes, drawn at twice the SVG's pixel size for print.</param>
public sealed record ChartImage(string Name, string Title, string Svg, byte[] Png);
