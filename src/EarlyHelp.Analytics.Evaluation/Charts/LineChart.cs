using System.Globalization;

namespace EarlyHelp.Analytics.Evaluation.Charts;

/// <summary>A point of a series, with an optional interval drawn as an error bar.</summary>
/// <param name="X">Horizontal value.</param>
/// <param name="Y">Vertical value (NaN leaves a gap).</param>
/// <param name="Lower">Lower end of the interval, or NaN.</param>
/// <param name="Upper">Upper end of the interval, or NaN.</param>
public sealed record ChartPoint(double X, double Y, double Lower = double.NaN, double Upper = double.NaN);

/// <summary>A named series of points.</summary>
/// <param name="Name">Shown in the legend.</param>
/// <param name="Points">The points, in x order.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);

/// <summary>What a line chart shows.</summary>
public sealed record LineChartSpecification
{
    /// <summary>Title above the chart.</summary>
    public required string Title { get; init; }

    /// <summary>Title of the horizontal axis.</summary>
    public required string XAxisTitle { get; init; }

    /// <summary>Title of the vertical axis.</summary>
    public required string YAxisTitle { get; init; }

    /// <summary>The series, each drawn with its own colour, dash and marker.</summary>
    public required IReadOnlyList<ChartSeries> Series { get; init; }

    /// <summary>Fixed horizontal range; null to fit the data.</summary>
    public (double Min, double Max)? XDomain { get; init; }

    /// <summary>Fixed vertical range; null to fit the data.</summary>
    public (double Min, double Max)? YDomain { get; init; }

    /// <summary>Draw the line y = x (perfect calibration in a reliability diagram).</summary>
    public bool Diagonal { get; init; }

    /// <summary>A shaded horizontal band (e.g. the disparity band [0.8, 1.25]); null for none.</summary>
    public (double Lower, double Upper)? Band { get; init; }

    /// <summary>A dashed horizontal reference line (e.g. a ratio of 1); null for none.</summary>
    public double? ReferenceY { get; init; }

    /// <summary>Formats horizontal tick labels.</summary>
    public Func<double, string> XFormat { get; init; } = v => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Formats vertical tick labels.</summary>
    public Func<double, string> YFormat { get; init; } = v => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Width in pixels. Default 640.</summary>
    public double Width { get; init; } = 640;

    /// <summary>Height in pixels. Default 380.</summary>
    public double Height { get; init; } = 380;
}

/// <summary>Draws line charts as inline SVG: reliability diagrams and capacity sweeps.</summary>
public static class LineChart
{
    /// <summary>The chart as an SVG element.</summary>
    public static string Render(LineChartSpecification specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var points = specification.Series.SelectMany(s => s.Points).ToArray();
        var xDomain = specification.XDomain ?? LinearScale.PaddedDomain(points.Select(p => p.X));
        var extras = new List<double>();
        if (specification.Band is { } band) extras.AddRange([band.Lower, band.Upper]);
        if (specification.ReferenceY is { } reference) extras.Add(reference);
        var yDomain = specification.YDomain ?? LinearScale.PaddedDomain(points.SelectMany(p => new[] { p.Y, p.Lower, p.Upper }), [.. extras]);
        var legendWidth = specification.Series.Count > 1 ? Math.Min(220, 60 + 6.5 * specification.Series.Max(s => s.Name.Length)) : 0;
        var area = PlotArea.Create(specification.Width, specification.Height, specification.Title, xDomain, yDomain, legendWidth);
        var canvas = area.Canvas;

        if (specification.Band is { } shaded)
        {
            var top = area.Y.Map(Math.Min(shaded.Upper, yDomain.Max));
            var bottom = area.Y.Map(Math.Max(shaded.Lower, yDomain.Min));
            canvas.Rectangle(area.Left, top, area.Right - area.Left, bottom - top, "#cccccc", opacity: 0.35);
        }

        area.DrawFrame(specification.Title, specification.XAxisTitle, specification.YAxisTitle, specification.YFormat, specification.XFormat);
        if (specification.Diagonal)
            canvas.Line(area.X.Map(Math.Max(xDomain.Min, yDomain.Min)), area.Y.Map(Math.Max(xDomain.Min, yDomain.Min)),
                area.X.Map(Math.Min(xDomain.Max, yDomain.Max)), area.Y.Map(Math.Min(xDomain.Max, yDomain.Max)), "#777777", 1, "4 4");
        if (specification.ReferenceY is { } line)
            canvas.Line(area.Left, area.Y.Map(line), area.Right, area.Y.Map(line), "#555555", 1, "4 4");

        for (var s = 0; s < specification.Series.Count; s++)
        {
            var style = SeriesStyle.At(s);
            var drawn = specification.Series[s].Points.Where(p => double.IsFinite(p.Y)).ToArray();
            foreach (var point in drawn)
                area.ErrorBar(area.X.Map(point.X), point.Lower, point.Upper, style.Colour);
            if (drawn.Length > 1)
                canvas.Polyline(drawn.Select(p => (area.X.Map(p.X), area.Y.Map(p.Y))), style.Colour, 2, style.Dash);
            foreach (var point in drawn)
                canvas.Marker(area.X.Map(point.X), area.Y.Map(point.Y), style.Marker, style.Colour);
        }

        if (specification.Series.Count > 1)
            area.DrawLegend(specification.Series.Select(s => s.Name).ToArray());
        return canvas.ToString();
    }
}
