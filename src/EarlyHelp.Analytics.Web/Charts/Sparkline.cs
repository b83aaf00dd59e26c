using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using Microsoft.AspNetCore.Html;

namespace EarlyHelp.Analytics.Web.Charts;

/// <summary>
/// A small column chart of a problem's monthly record counts, as inline SVG: one column per month on a common
/// scale from zero, the tallest month reaching the top. Columns rather than a line because the counts are small
/// whole numbers and a month with none should read as empty, not as a dip. The title and description carry the
/// numbers, so a screen reader gets the data and not just a picture; colours come from attributes, not styles,
/// so the page's content security policy can refuse inline styles.
/// </summary>
public static class Sparkline
{
    /// <summary>Width of the drawing area in pixels.</summary>
    public const int Width = 240;

    /// <summary>Height of the drawing area in pixels.</summary>
    public const int Height = 48;

    /// <summary>Share of a month's slot its column fills; the rest is the gap.</summary>
    public const double ColumnShare = 0.8;

    /// <summary>One month's column: left edge, top, width and height, in pixels.</summary>
    /// <param name="X">Left edge.</param>
    /// <param name="Y">Top edge.</param>
    /// <param name="ColumnWidth">Width.</param>
    /// <param name="ColumnHeight">Height; zero for a month without records.</param>
    public readonly record struct Column(double X, double Y, double ColumnWidth, double ColumnHeight);

    /// <summary>The columns of <paramref name="counts"/>, left to right.</summary>
    public static IReadOnlyList<Column> Columns(IReadOnlyList<int> counts)
    {
        var slot = (double)Width / Math.Max(1, counts.Count);
        var tallest = Math.Max(1, counts.DefaultIfEmpty(0).Max());
        return counts.Select((count, month) =>
        {
            var height = (double)count / tallest * Height;
            return new Column(month * slot + slot * (1 - ColumnShare) / 2, Height - height, slot * ColumnShare, height);
        }).ToArray();
    }

    /// <summary>The chart of <paramref name="trajectory"/>; <paramref name="id"/> must be unique on the page.</summary>
    public static IHtmlContent Render(ProblemTrajectory trajectory, string id)
    {
        var encoder = HtmlEncoder.Default;
        var svg = new StringBuilder(1024);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height + 1}\" viewBox=\"0 0 {Width} {Height + 1}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{encoder.Encode(trajectory.Category.PlainName())}: records per month</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{encoder.Encode(Describe(trajectory))}</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{Height + 0.5}\" x2=\"{Width}\" y2=\"{Height + 0.5}\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>");
        foreach (var column in Columns(trajectory.MonthlyCounts).Where(c => c.ColumnHeight > 0))
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{Number(column.X)}\" y=\"{Number(column.Y)}\" width=\"{Number(column.ColumnWidth)}\" height=\"{Number(column.ColumnHeight)}\" fill=\"#1d70b8\"/>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>The chart's data in words, e.g. "From Mar 2023 to Feb 2024: 0, 1, 3. Highest 3 in Feb 2024; 4 in all."</summary>
    public static string Describe(ProblemTrajectory trajectory)
    {
        var counts = trajectory.MonthlyCounts;
        var highest = counts.Max();
        var highestMonth = trajectory.FirstMonth.AddMonths(counts.ToList().LastIndexOf(highest));
        var values = $"From {MonthName(trajectory.FirstMonth)} to {MonthName(trajectory.LastMonth)}: {string.Join(", ", counts)}.";
        return highest == 0
            ? $"{values} No records in these months."
            : string.Create(CultureInfo.InvariantCulture, $"{values} Highest {highest} in {MonthName(highestMonth)}; {counts.Sum()} in all.");
    }

    /// <summary>A month as "Feb 2024".</summary>
    public static string MonthName(YearMonth month) => month.FirstDay.ToString("MMM yyyy", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
