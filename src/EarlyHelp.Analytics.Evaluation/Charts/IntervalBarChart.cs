using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace EarlyHelp.Analytics.Evaluation.Charts;

/// <summary>One bar: a group's value and its interval.</summary>
/// <param name="Label">The group, written under the bar.</param>
/// <param name="Value">The bar's height (NaN draws no bar).</param>
/// <param name="Lower">Lower end of the interval, or NaN.</param>
/// <param name="Upper">Upper end of the interval, or NaN.</param>
/// <param name="Emphasised">Draw the bar darker (e.g. the reference group).</param>
public sealed record BarItem(string Label, double Value, double Lower = double.NaN, double Upper = double.NaN, bool Emphasised = false);

/// <summary>What a bar chart with intervals shows.</summary>
public sealed record IntervalBarChartSpecification
{
    /// <summary>Title above the chart.</summary>
    public required string Title { get; init; }

    /// <summary>File-name stem of the chart; null to make one from the title.</summary>
    public string? Name { get; init; }

    /// <summary>Title of the axis along which the bars stand (what the bars are).</summary>
    public string XAxisTitle { get; init; } = "";

    /// <summary>Title of the measure's axis (what the bars' lengths are).</summary>
    public required string YAxisTitle { get; init; }

    /// <summary>The bars, left to right.</summary>
    public required IReadOnlyList<BarItem> Items { get; init; }

    /// <summary>Legend entries of the two bar colours (e.g. "Reference group", "Other groups"); null for no legend entries.</summary>
    public (string Emphasised, string Other)? BarLegend { get; init; }

    /// <summary>Lines across the bars at values of the measure (e.g. the whole population's rate, or thresholds).</summary>
    public IReadOnlyList<ReferenceLine> ReferenceLines { get; init; } = [];

    /// <summary>The measure's axis ends here at most (e.g. 1 for a rate), however far the data and the margin above them reach; null for no limit.</summary>
    public double? MaximumValue { get; init; }

    /// <summary>Bars run left to right, one under another, with their labels level on the left; chosen anyway when upright labels would not fit.</summary>
    public bool Horizontal { get; init; }

    /// <summary>Formats the measure's tick labels.</summary>
    public Func<double, string> ValueFormat { get; init; } = v => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Width in pixels. Default 720.</summary>
    public int Width { get; init; } = 720;

    /// <summary>Height in pixels; null to fit the bars (400 upright, 28 a bar lying down).</summary>
    public int? Height { get; init; }
}

/// <summary>Draws bars with interval whiskers with ScottPlot: a metric per group, or a drift index per feature.</summary>
public static class IntervalBarChart
{
    /// <summary>Bars of the groups compared with the emphasised one: a lighter blue of the same family.</summary>
    internal static readonly Color OtherBar = Color.FromHex("#6BACE6");

    /// <summary>Width of a character of a tick label, near enough, to tell whether upright labels fit side by side.</summary>
    private const double PixelsPerCharacter = 8;

    /// <summary>The chart as SVG and PNG.</summary>
    public static ChartImage Render(IntervalBarChartSpecification specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        var items = specification.Items;
        // Upright labels that would overlap are not slanted: the bars are laid down instead, labels level on the left.
        var horizontal = specification.Horizontal || items.Sum(i => i.Label.Length + 3) * PixelsPerCharacter > specification.Width * 0.75;
        var plot = horizontal
            ? ChartStyle.Create(specification.Title, specification.YAxisTitle, specification.XAxisTitle)
            : ChartStyle.Create(specification.Title, specification.XAxisTitle, specification.YAxisTitle);
        // Lying down, the first item goes on top: position −i.
        double Position(int i) => horizontal ? -i : i;
        plot.Add.Bars(items.Select((item, i) => new Bar
        {
            Position = Position(i),
            Value = double.IsFinite(item.Value) ? item.Value : 0,
            IsVisible = double.IsFinite(item.Value),
            FillColor = item.Emphasised ? ChartPalette.Categorical[0] : OtherBar,
            LineWidth = 0,
            Size = 0.6,
            Orientation = horizontal ? Orientation.Horizontal : Orientation.Vertical,
        }).ToArray());
        if (specification.BarLegend is { } legend)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = legend.Emphasised, FillColor = ChartPalette.Categorical[0] });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = legend.Other, FillColor = OtherBar });
        }

        AddWhiskers(plot, items, horizontal, Position);
        foreach (var reference in specification.ReferenceLines)
            LineChart.AddReferenceLine(plot, reference, vertical: horizontal);

        IAxis categoryAxis = horizontal ? plot.Axes.Left : plot.Axes.Bottom;
        IAxis valueAxis = horizontal ? plot.Axes.Bottom : plot.Axes.Left;
        var ticks = new NumericManual();
        for (var i = 0; i < items.Count; i++)
            ticks.AddMajor(Position(i), items[i].Label);
        categoryAxis.TickGenerator = ticks;
        categoryAxis.MajorTickStyle.Length = 0;
        ChartStyle.FormatTicks(valueAxis, specification.ValueFormat);
        if (horizontal)
            plot.Grid.YAxisStyle.IsVisible = false;
        else
            plot.Grid.XAxisStyle.IsVisible = false;

        var height = specification.Height ?? (horizontal ? 140 + 28 * items.Count : 400);
        var top = items.SelectMany(i => new[] { i.Value, i.Upper }).Concat(specification.ReferenceLines.Select(r => r.Value)).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        var valueMaximum = Math.Min(specification.MaximumValue ?? double.PositiveInfinity, top <= 0 ? 1 : top * 1.1);
        if (horizontal)
            plot.Axes.SetLimits(0, valueMaximum, -items.Count + 0.4, 0.6);
        else
            plot.Axes.SetLimits(-0.6, items.Count - 0.4, 0, valueMaximum);
        if (specification.BarLegend is not null || specification.ReferenceLines.Count > 0)
            ChartStyle.LegendOutside(plot);
        return ChartExport.Export(plot, specification.Name ?? ChartExport.Slug(specification.Title), specification.Title, specification.Width, height);
    }

    private static void AddWhiskers(Plot plot, IReadOnlyList<BarItem> items, bool horizontal, Func<int, double> position)
    {
        var whiskers = items.Select((item, i) => (Item: item, At: position(i)))
            .Where(p => double.IsFinite(p.Item.Value) && double.IsFinite(p.Item.Lower) && double.IsFinite(p.Item.Upper)).ToArray();
        if (whiskers.Length == 0)
            return;
        var values = whiskers.Select(p => p.Item.Value).ToArray();
        var places = whiskers.Select(p => p.At).ToArray();
        var below = whiskers.Select(p => Math.Max(0, p.Item.Value - p.Item.Lower)).ToArray();
        var above = whiskers.Select(p => Math.Max(0, p.Item.Upper - p.Item.Value)).ToArray();
        var errors = horizontal
            ? plot.Add.ErrorBar(values, places, new double[whiskers.Length])
            : plot.Add.ErrorBar(places, values, new double[whiskers.Length]);
        if (horizontal)
        {
            errors.YErrorNegative = errors.YErrorPositive = null;
            errors.XErrorNegative = below;
            errors.XErrorPositive = above;
        }
        else
        {
            errors.YErrorNegative = below;
            errors.YErrorPositive = above;
        }

        errors.Color = ChartPalette.Text;
        errors.LineWidth = 1.5f;
        errors.CapSize = 10;
    }
}
