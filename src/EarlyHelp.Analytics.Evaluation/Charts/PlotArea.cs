namespace EarlyHelp.Analytics.Evaluation.Charts;

/// <summary>The inner rectangle of a chart, its two scales, and the frame around it: title, axes, ticks, grid and axis titles.</summary>
internal sealed record PlotArea(SvgCanvas Canvas, double Left, double Top, double Right, double Bottom, LinearScale X, LinearScale Y)
{
    /// <summary>Lays out a canvas with room for a title, axis titles and (on the right) a legend.</summary>
    public static PlotArea Create(double width, double height, string title, (double Min, double Max) xDomain, (double Min, double Max) yDomain,
        double legendWidth, double bottomMargin = 50)
    {
        var canvas = new SvgCanvas(width, height, title);
        const double left = 64, top = 34;
        var right = width - 16 - legendWidth;
        var bottom = height - bottomMargin;
        return new PlotArea(canvas, left, top, right, bottom,
            new LinearScale(xDomain.Min, xDomain.Max, left, right),
            new LinearScale(yDomain.Min, yDomain.Max, bottom, top));
    }

    /// <summary>Title, grid lines, the y axis with ticks, and the axis titles; x ticks when <paramref name="xFormat"/> is given.</summary>
    public void DrawFrame(string title, string xTitle, string yTitle, Func<double, string> yFormat, Func<double, string>? xFormat)
    {
        Canvas.Text(Left, 20, title, size: 14, weight: "bold");
        foreach (var tick in Y.Ticks())
        {
            var y = Y.Map(tick);
            Canvas.Line(Left, y, Right, y, "#dddddd");
            Canvas.Text(Left - 6, y + 4, yFormat(tick), "end", 11);
        }

        if (xFormat is not null)
        {
            foreach (var tick in X.Ticks(6))
            {
                var x = X.Map(tick);
                Canvas.Line(x, Top, x, Bottom, "#eeeeee");
                Canvas.Line(x, Bottom, x, Bottom + 4, "#000000");
                Canvas.Text(x, Bottom + 16, xFormat(tick), "middle", 11);
            }
        }

        Canvas.Line(Left, Bottom, Right, Bottom, "#000000");
        Canvas.Line(Left, Top, Left, Bottom, "#000000");
        Canvas.Text((Left + Right) / 2, Canvas.Height - 8, xTitle, "middle");
        Canvas.Text(16, (Top + Bottom) / 2, yTitle, "middle", rotate: -90);
    }

    /// <summary>A vertical error bar with caps from <paramref name="lower"/> to <paramref name="upper"/> at <paramref name="x"/>.</summary>
    public void ErrorBar(double x, double lower, double upper, string colour)
    {
        if (!double.IsFinite(lower) || !double.IsFinite(upper))
            return;
        double top = Y.Map(upper), bottom = Y.Map(lower);
        Canvas.Line(x, top, x, bottom, colour, 1.2);
        Canvas.Line(x - 4, top, x + 4, top, colour, 1.2);
        Canvas.Line(x - 4, bottom, x + 4, bottom, colour, 1.2);
    }

    /// <summary>The legend: one entry per series, with its line and marker, to the right of the plot.</summary>
    public void DrawLegend(IReadOnlyList<string> names)
    {
        for (var i = 0; i < names.Count; i++)
        {
            var style = SeriesStyle.At(i);
            var y = Top + 8 + i * 18;
            Canvas.Line(Right + 12, y, Right + 40, y, style.Colour, 2, style.Dash);
            Canvas.Marker(Right + 26, y, style.Marker, style.Colour, 3.5);
            Canvas.Text(Right + 46, y + 4, names[i], size: 11);
        }
    }
}
