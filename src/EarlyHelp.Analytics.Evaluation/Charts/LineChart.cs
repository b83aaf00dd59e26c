using System.Globalization;
using ScottPlot;

namespace EarlyHelp.Analytics.Evaluation.Charts;

/// <summary>A point of a series, with an optional interval drawn as an error bar.</summary>
/// <param name="X">Horizontal value.</param>
/// <param name="Y">Vertical value (NaN leaves the point out).</param>
/// <param name="Lower">Lower end of the interval, or NaN.</param>
/// <param name="Upper">Upper end of the interval, or NaN.</param>
public sealed record ChartPoint(double X, double Y, double Lower = double.NaN, double Upper = double.NaN);

/// <summary>A named series of points.</summary>
/// <param name="Name">Shown in the legend.</param>
/// <param name="Points">The points, in x order.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);

/// <summary>A labelled horizontal line across a chart (e.g. the whole population's rate, or a threshold).</summary>
/// <param name="Value">Where it crosses the vertical axis.</param>
/// <param name="Label">Its legend entry.</param>
/// <param name="Warning">Draw it in the warning colour (a threshold that calls for action).</param>
public sealed record ReferenceLine(double Value, string Label, bool Warning = false);

/// <summary>What a line chart shows.</summary>
public sealed record LineChartSpecification
{
    /// <summary>Title above the chart.</summary>
    public required string Title { get; init; }

    /// <summary>File-name stem of the chart; null to make one from the title.</summary>
    public string? Name { get; init; }

    /// <summary>Title of the horizontal axis.</summary>
    public required string XAxisTitle { get; init; }

    /// <summary>Title of the vertical axis.</summary>
    public required string YAxisTitle { get; init; }

    /// <summary>The series, each drawn with its own colour, line pattern and marker.</summary>
    public required IReadOnlyList<ChartSeries> Series { get; init; }

    /// <summary>Draw a marker at every point (off for curves of many points, such as ROC curves).</summary>
    public bool Markers { get; init; } = true;

    /// <summary>Fixed horizontal range; null to fit the data.</summary>
    public (double Min, double Max)? XDomain { get; init; }

    /// <summary>Fixed vertical range; null to fit the data.</summary>
    public (double Min, double Max)? YDomain { get; init; }

    /// <summary>Legend entry of a grey line y = x (perfect calibration, or a ROC curve's chance line); null for no line.</summary>
    public string? Diagonal { get; init; }

    /// <summary>A shaded horizontal band (e.g. the disparity band [0.8, 1.25]) and its legend entry; null for none.</summary>
    public (double Lower, double Upper, string Label)? Band { get; init; }

    /// <summary>Horizontal reference lines (e.g. a ratio of 1, or the base rate).</summary>
    public IReadOnlyList<ReferenceLine> ReferenceLines { get; init; } = [];

    /// <summary>Formats horizontal tick labels.</summary>
    public Func<double, string> XFormat { get; init; } = v => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Formats vertical tick labels.</summary>
    public Func<double, string> YFormat { get; init; } = v => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Width in pixels. Default 720.</summary>
    public int Width { get; init; } = 720;

    /// <summary>Height in pixels. Default 440.</summary>
    public int Height { get; init; } = 440;
}

/// <summary>Draws line charts with ScottPlot: reliability diagrams, ROC and precision–recall curves, capacity sweeps.</summary>
public static class LineChart
{
    /// <summary>Line width of a series, in pixels.</summary>
    internal const float SeriesWidth = 2;

    private const double EdgeRoom = 0.02;

    /// <summary>The chart as SVG and PNG.</summary>
    public static ChartImage Render(LineChartSpecification specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var plot = ChartStyle.Create(specification.Title, specification.XAxisTitle, specification.YAxisTitle);
        if (specification.Band is { } band)
        {
            var span = plot.Add.VerticalSpan(band.Lower, band.Upper, ChartPalette.MidGrey.WithAlpha(0.25));
            span.LineWidth = 0;
            span.LegendText = band.Label;
        }

        if (specification.Diagonal is { } diagonal)
        {
            var (low, high) = DiagonalRange(specification);
            var line = plot.Add.Line(low, low, high, high);
            line.Color = ChartPalette.MidGrey;
            line.LineWidth = 1.5f;
            line.MarkerShape = MarkerShape.None;
            line.LegendText = diagonal;
        }

        foreach (var reference in specification.ReferenceLines)
            AddReferenceLine(plot, reference);

        for (var s = 0; s < specification.Series.Count; s++)
            AddSeries(plot, specification.Series[s], ChartPalette.Series(s), specification.Markers);

        ChartStyle.FormatTicks(plot.Axes.Bottom, specification.XFormat);
        ChartStyle.FormatTicks(plot.Axes.Left, specification.YFormat);
        plot.Axes.AutoScale();
        // A fixed domain gets 2% room on each side, so markers and whisker caps on its edge are not cut in half.
        if (specification.XDomain is { } x)
            plot.Axes.SetLimitsX(x.Min - (x.Max - x.Min) * EdgeRoom, x.Max + (x.Max - x.Min) * EdgeRoom);
        if (specification.YDomain is { } y)
            plot.Axes.SetLimitsY(y.Min - (y.Max - y.Min) * EdgeRoom, y.Max + (y.Max - y.Min) * EdgeRoom);
        if (specification.Series.Count > 1 || specification.Band is not null || specification.Diagonal is not null || specification.ReferenceLines.Count > 0)
            ChartStyle.LegendOutside(plot);
        return ChartExport.Export(plot, specification.Name ?? ChartExport.Slug(specification.Title), specification.Title, specification.Width, specification.Height);
    }

    /// <summary>A thin straight line across the plot, at a value of the vertical axis (or of the horizontal one), with a legend entry.</summary>
    internal static void AddReferenceLine(Plot plot, ReferenceLine reference, bool vertical = false)
    {
        // Mid grey, wider than a series, so it reads as a yardstick and not as one more series (the palette's dark grey).
        var colour = reference.Warning ? ChartPalette.Warning : ChartPalette.MidGrey;
        if (vertical)
            plot.Add.VerticalLine(reference.Value, 2.5f, colour).LegendText = reference.Label;
        else
            plot.Add.HorizontalLine(reference.Value, 2.5f, colour).LegendText = reference.Label;
    }

    private static void AddSeries(Plot plot, ChartSeries series, SeriesStyle style, bool markers)
    {
        var drawn = series.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToArray();
        var withInterval = drawn.Where(p => double.IsFinite(p.Lower) && double.IsFinite(p.Upper)).ToArray();
        if (withInterval.Length > 0)
        {
            var bars = plot.Add.ErrorBar(withInterval.Select(p => p.X).ToArray(), withInterval.Select(p => p.Y).ToArray(), new double[withInterval.Length]);
            bars.YErrorNegative = withInterval.Select(p => Math.Max(0, p.Y - p.Lower)).ToArray();
            bars.YErrorPositive = withInterval.Select(p => Math.Max(0, p.Upper - p.Y)).ToArray();
            bars.Color = style.Colour.WithAlpha(0.8);
            bars.LineWidth = 1.2f;
            bars.CapSize = 6;
        }

        var scatter = plot.Add.Scatter(drawn.Select(p => p.X).ToArray(), drawn.Select(p => p.Y).ToArray(), style.Colour);
        scatter.LineWidth = SeriesWidth;
        scatter.MarkerShape = markers ? style.Marker : MarkerShape.None;
        scatter.MarkerSize = 8;
        scatter.LegendText = series.Name;
    }

    private static (double Low, double High) DiagonalRange(LineChartSpecification specification)
    {
        if (specification.XDomain is { } x && specification.YDomain is { } y)
            return (Math.Max(x.Min, y.Min), Math.Min(x.Max, y.Max));
        var values = specification.Series.SelectMany(s => s.Points).SelectMany(p => new[] { p.X, p.Y }).Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        return (Math.Min(0, values.Min()), Math.Max(1, values.Max()));
    }
}
