using ScottPlot;
using ScottPlot.TickGenerators;

namespace EarlyHelp.Analytics.Evaluation.Charts;

/// <summary>
/// The reports' house style on a ScottPlot <see cref="Plot"/>: the bundled font, GOV.UK text colours,
/// a faint grid, only the left and bottom axis lines, and tick labels formatted by the caller.
/// </summary>
internal static class ChartStyle
{
    public const float TitleSize = 16;
    public const float AxisTitleSize = 13;
    public const float TickSize = 12;

    /// <summary>Characters of a 16-pixel bold title that fit over the data area of a 720-pixel chart with a legend beside it.</summary>
    public const int TitleLineCharacters = 44;

    /// <summary>A new plot in the house style, with its title and axis titles.</summary>
    public static Plot Create(string title, string xTitle, string yTitle)
    {
        ChartFonts.EnsureRegistered();
        // No plot.Font.Set: it pins one typeface on every label and so loses the bold title; the
        // registered default family is used by every label instead.
        var plot = new Plot();
        plot.Title(Wrap(title), TitleSize);
        plot.Axes.Title.Label.ForeColor = ChartPalette.Text;
        plot.Axes.Title.Label.Bold = true;
        plot.XLabel(xTitle, AxisTitleSize);
        plot.YLabel(yTitle, AxisTitleSize);
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.Label.ForeColor = ChartPalette.Text;
            axis.Label.Bold = false;
            axis.TickLabelStyle.ForeColor = ChartPalette.SecondaryText;
            axis.TickLabelStyle.FontSize = TickSize;
            axis.MajorTickStyle.Color = ChartPalette.Text;
            axis.MinorTickStyle.Length = 0;
            axis.FrameLineStyle.Color = ChartPalette.Text;
        }

        // A frame on all four sides boxes the data in; two axis lines read as a graph.
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Grid.MajorLineColor = ChartPalette.Text.WithAlpha(0.10);
        plot.Grid.MinorLineWidth = 0;
        plot.Legend.FontSize = TickSize;
        plot.Legend.FontColor = ChartPalette.Text;
        plot.Legend.OutlineColor = ChartPalette.MidGrey;
        plot.Legend.ShadowColor = Colors.Transparent;
        return plot;
    }

    /// <summary>
    /// The title over two lines when it is longer than <see cref="TitleLineCharacters"/>: ScottPlot centres
    /// the title on the data area, and a longer line runs off the image's left edge.
    /// </summary>
    public static string Wrap(string title)
    {
        if (title.Length <= TitleLineCharacters)
            return title;
        var middle = title.Length / 2;
        var before = title.LastIndexOf(' ', middle);
        var after = title.IndexOf(' ', middle);
        var split = before < 0 ? after : after < 0 || middle - before <= after - middle ? before : after;
        return split < 0 ? title : title[..split] + "\n" + title[(split + 1)..];
    }

    /// <summary>Shows the legend to the right of the plot, outside the data, so it never hides a point.</summary>
    public static void LegendOutside(Plot plot) => plot.ShowLegend(Edge.Right);

    /// <summary>Tick labels of an axis written by <paramref name="format"/> (e.g. percentages), at ScottPlot's own round positions.</summary>
    public static void FormatTicks(IAxis axis, Func<double, string> format) =>
        axis.TickGenerator = new NumericAutomatic { LabelFormatter = format, MinorTickGenerator = new EvenlySpacedMinorTickGenerator(1) };
}
