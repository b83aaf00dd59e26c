using System.Globalization;

namespace EarlyHelp.Analytics.Evaluation.Charts;

/// <summary>One bar: a group's value and its interval.</summary>
/// <param name="Label">The group, written under the bar.</param>
/// <param name="Value">The bar's height (NaN draws no bar).</param>
/// <param name="Lower">Lower end of the interval, or NaN.</param>
/// <param name="Upper">Upper end of the interval, or NaN.</param>
/// <param name="Emphasised">Draw the bar darker (e.g. the reference group).</param>
public sealed record BarItem(string Label, double Value, double Lower, double Upper, bool Emphasised = false);

/// <summary>What a bar chart with intervals shows.</summary>
public sealed record IntervalBarChartSpecification
{
    /// <summary>Title above the chart.</summary>
    public required string Title { get; init; }

    /// <summary>Title of the vertical axis.</summary>
    public required string YAxisTitle { get; init; }

    /// <summary>The bars, left to right.</summary>
    public required IReadOnlyList<BarItem> Items { get; init; }

    /// <summary>A dashed horizontal line across the bars (e.g. the overall rate); null for none.</summary>
    public double? ReferenceValue { get; init; }

    /// <summary>Formats vertical tick labels.</summary>
    public Func<double, string> YFormat { get; init; } = v => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Width in pixels. Default 640.</summary>
    public double Width { get; init; } = 640;

    /// <summary>Height in pixels. Default 340.</summary>
    public double Height { get; init; } = 340;
}

/// <summary>Draws bars with interval whiskers as inline SVG: a metric per group.</summary>
public static class IntervalBarChart
{
    /// <summary>The chart as an SVG element.</summary>
    public static string Render(IntervalBarChartSpecification specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var items = specification.Items;
        var yMaximum = items.SelectMany(i => new[] { i.Value, i.Upper }).Append(specification.ReferenceValue ?? 0).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        var longestLabel = items.Select(i => i.Label.Length).DefaultIfEmpty(0).Max();
        var rotate = items.Count * Math.Max(6, longestLabel) * 6.5 > specification.Width - 90;
        var bottomMargin = rotate ? Math.Min(150, 30 + longestLabel * 5.5) : 44;
        var area = PlotArea.Create(specification.Width, specification.Height + (rotate ? bottomMargin - 44 : 0), specification.Title,
            (0, Math.Max(1, items.Count)), (0, yMaximum <= 0 ? 1 : yMaximum * 1.08), 0, bottomMargin);
        area.DrawFrame(specification.Title, "", specification.YAxisTitle, specification.YFormat, null);
        var canvas = area.Canvas;
        var slot = (area.Right - area.Left) / Math.Max(1, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var centre = area.Left + slot * (i + 0.5);
            if (double.IsFinite(item.Value))
            {
                var top = area.Y.Map(item.Value);
                canvas.Rectangle(centre - slot * 0.3, top, slot * 0.6, area.Bottom - top, item.Emphasised ? "#555555" : "#9ecae1", "#000000");
            }

            area.ErrorBar(centre, item.Lower, item.Upper, "#000000");
            if (rotate)
                canvas.Text(centre, area.Bottom + 12, item.Label, "end", 11, -35);
            else
                canvas.Text(centre, area.Bottom + 16, item.Label, "middle", 11);
        }

        if (specification.ReferenceValue is { } reference)
            canvas.Line(area.Left, area.Y.Map(reference), area.Right, area.Y.Map(reference), "#D55E00", 1.5, "6 3");
        return canvas.ToString();
    }
}
