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

    /// <summary>A new plot in the house style, with its title and axis titles.</summary>
    public static Plot Create(string title, string xTitle, string yTitle)
    {
        ChartFonts.EnsureRegistered();
        // No plot.Font.Set: it pins one typeface on every label and so loses the bold title; the
        // registered default family is used by every label instead.
        var plot = new Plot();
        plot.Title(title, TitleSize);
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

    /// <summary>Shows the legend to the right of the plot, outside the data, so it never hides a point.</summary>
    public static void LegendOutside(Plot plot) => plot.ShowLegend(Edge.Right);

    /// <summary>Tick labels of an axis written by <paramref name="format"/> (e.g. percentages), at ScottPlot's own round positions.</summary>
    public static void FormatTicks(IAxis axis, Func<double, string> format) =>
        axis.TickGenerator = new NumericAutomatic { LabelFormatter = format, MinorTickGenerator = new EvenlySpacedMinorTickGenerator(1) };
}
