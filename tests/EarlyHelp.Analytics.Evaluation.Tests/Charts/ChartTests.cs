using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EarlyHelp.Analytics.Evaluation.Charts;

namespace EarlyHelp.Analytics.Evaluation.Tests.Charts;

public sealed partial class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void LineChart_TwoSeries_DrawsEveryPointAtItsCoordinatesWithAxisTitlesAndLegend()
    {
        var chart = LineChart.Render(new LineChartSpecification
        {
            Title = "Calibration <before & after>",
            XAxisTitle = "Predicted",
            YAxisTitle = "Observed",
            Series =
            [
                new ChartSeries("after", [new ChartPoint(0.1, 0.12, 0.08, 0.16), new ChartPoint(0.5, 0.48, 0.4, 0.56), new ChartPoint(0.9, 0.84)]),
                new ChartSeries("before", [new ChartPoint(0.1, 0.3), new ChartPoint(0.5, 0.7)]),
            ],
            XDomain = (0, 1),
            YDomain = (0, 1),
            Diagonal = "Perfect calibration",
        });

        var svg = XElement.Parse(chart.Svg);
        Assert.Equal("Calibration <before & after>", svg.Element(Svg + "title")!.Value);
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value.Trim()).ToArray();
        Assert.Contains("Predicted", texts);
        Assert.Contains("Observed", texts);
        Assert.Contains("before", texts);
        Assert.Contains("Perfect calibration", texts);

        // The first series is drawn with filled circles in the first palette colour: one per point, and one
        // more in the legend (its symbol sits right of the plot, past every data point).
        var circles = svg.Descendants(Svg + "ellipse").Where(e => (string?)e.Attribute("fill") == "#12436D")
            .Select(e => (X: Number(e, "cx"), Y: Number(e, "cy"))).OrderBy(p => p.X).ToArray();
        Assert.Equal(4, circles.Length);
        // x = 0.1, 0.5, 0.9 are evenly spaced, so their pixels must be; y = 0.12 → 0.48 → 0.84 too (steps of 0.36),
        // and upwards in data is downwards in pixels.
        Assert.Equal(circles[1].X - circles[0].X, circles[2].X - circles[1].X, 0.05);
        Assert.Equal(circles[0].Y - circles[1].Y, circles[1].Y - circles[2].Y, 0.05);
        Assert.True(circles[0].Y > circles[1].Y);
        // The fourth circle is the legend's symbol, right of the plot and so right of x = 0.9.
        Assert.True(circles[3].X > circles[2].X);
    }

    [Fact]
    public void IntervalBarChart_ThreeGroups_DrawsTwoBarsWhoseWhiskerEndsSitAtTheirIntervals()
    {
        BarItem[] items = [new("A", 0.2, 0.15, 0.25, true), new("B", 0.3, 0.2, 0.4), new("C", double.NaN)];
        var chart = IntervalBarChart.Render(new IntervalBarChartSpecification
        {
            Title = "False negative rate",
            XAxisTitle = "Group",
            YAxisTitle = "Rate",
            Items = items,
            ReferenceLines = [new ReferenceLine(0.25, "Whole population")],
        });

        var svg = XElement.Parse(chart.Svg);
        var bars = svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("fill") is "#12436D" or "#6BACE6" && r.Attribute("x") is not null)
            .Select(r => (X: Number(r, "x"), Top: Number(r, "y"), Width: Number(r, "width"), Height: Number(r, "height"))).OrderBy(b => b.X).ToArray();
        Assert.Equal(2, bars.Length);
        // Both bars stand on the value 0; pixels per unit from bar A, then bar B's height must agree (0.3 against 0.2).
        var baseline = bars[0].Top + bars[0].Height;
        Assert.Equal(baseline, bars[1].Top + bars[1].Height, 0.01);
        var pixelsPerUnit = bars[0].Height / 0.2;
        Assert.Equal(0.3 * pixelsPerUnit, bars[1].Height, 0.05);

        // The whiskers are one path of segments; each bar's vertical segment runs from its lower to its upper end.
        var whisker = svg.Descendants(Svg + "path").Single(p => (string?)p.Attribute("stroke") == "#0B0C0C" && (string?)p.Attribute("stroke-width") == "1.5");
        var segments = Segments((string)whisker.Attribute("d")!).Where(s => Math.Abs(s.X1 - s.X2) < 0.01 && Math.Abs(s.Y1 - s.Y2) > 0.01).ToArray();
        Assert.Equal(2, segments.Length);
        for (var i = 0; i < 2; i++)
        {
            var centre = bars[i].X + bars[i].Width / 2;
            var segment = segments.Single(s => Math.Abs(s.X1 - centre) < 0.5);
            Assert.Equal(baseline - items[i].Lower * pixelsPerUnit, Math.Max(segment.Y1, segment.Y2), 0.05);
            Assert.Equal(baseline - items[i].Upper * pixelsPerUnit, Math.Min(segment.Y1, segment.Y2), 0.05);
        }

        var texts = svg.Descendants(Svg + "text").Select(t => t.Value.Trim()).ToArray();
        Assert.Contains("C", texts);
        Assert.Contains("Rate", texts);
        Assert.Contains("Whole population", texts);
    }

    [Fact]
    public void IntervalBarChart_Horizontal_PutsTheFirstItemOnTopAndBarLengthsInProportion()
    {
        var chart = IntervalBarChart.Render(new IntervalBarChartSpecification
        {
            Title = "Drift",
            YAxisTitle = "PSI",
            Items = [new BarItem("score", 0.05, Emphasised: true), new BarItem("feature_a", 0.30), new BarItem("feature_b", 0.10)],
            Horizontal = true,
        });

        var svg = XElement.Parse(chart.Svg);
        var bars = svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("fill") is "#12436D" or "#6BACE6" && r.Attribute("x") is not null)
            .Select(r => (Fill: (string)r.Attribute("fill")!, Top: Number(r, "y"), Length: Number(r, "width"))).OrderBy(b => b.Top).ToArray();
        Assert.Equal(["#12436D", "#6BACE6", "#6BACE6"], bars.Select(b => b.Fill));
        // Lengths 0.05 : 0.30 : 0.10 from top to bottom.
        Assert.Equal(6, bars[1].Length / bars[0].Length, 0.01);
        Assert.Equal(2, bars[2].Length / bars[0].Length, 0.01);
    }

    [Fact]
    public void LineChart_Band_ShadesExactlyBetweenItsBoundsWherePointsOnTheBoundsSit()
    {
        // A capacity sweep whose ratios touch both ends of the disparity band [0.8, 1.25].
        var chart = LineChart.Render(new LineChartSpecification
        {
            Title = "Ratio as capacity grows",
            XAxisTitle = "Capacity",
            YAxisTitle = "Ratio",
            Series = [new ChartSeries("group", [new ChartPoint(0.1, 0.8), new ChartPoint(0.2, 1.0), new ChartPoint(0.3, 1.25)])],
            Band = (0.8, 1.25, "Band 0.80–1.25"),
            ReferenceLines = [new ReferenceLine(1, "Equal to reference")],
        });

        var svg = XElement.Parse(chart.Svg);
        // The widest shaded rectangle is the band (the other is its legend swatch).
        var band = svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("fill") == "#B1B4B6").MaxBy(r => Number(r, "width"))!;
        // The series' markers inside the band's width; the legend's marker sits to the right of it.
        var points = svg.Descendants(Svg + "ellipse").Where(e => (string?)e.Attribute("fill") == "#12436D" && Number(e, "cx") < Number(band, "x") + Number(band, "width"))
            .Select(e => Number(e, "cy")).Order().ToArray();
        Assert.Equal(3, points.Length);
        Assert.Equal(points[0], Number(band, "y"), 0.05);
        Assert.Equal(points[^1], Number(band, "y") + Number(band, "height"), 0.05);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value.Trim() == "Band 0.80–1.25");
    }

    [Fact]
    public void Export_TwoChartsOnOnePage_HaveDistinctIdsAndEveryReferenceResolves()
    {
        static ChartImage Draw(double y) => LineChart.Render(new LineChartSpecification
        {
            Title = "Same title",
            XAxisTitle = "x",
            YAxisTitle = "y",
            Series = [new ChartSeries("s", [new ChartPoint(0, 0), new ChartPoint(1, y)])],
        });
        var first = Draw(1);
        var second = Draw(2);

        // ScottPlot numbers its clip paths from the same start in every SVG; inline, two charts would clip each other.
        var firstIds = Ids(first.Svg);
        var secondIds = Ids(second.Svg);
        Assert.NotEmpty(firstIds);
        Assert.Empty(firstIds.Intersect(secondIds));
        foreach (var svg in new[] { first.Svg, second.Svg })
        {
            Assert.All(UrlReference().Matches(svg), m => Assert.Contains(m.Groups[1].Value, Ids(svg)));
            Assert.DoesNotContain("<?xml", svg);
        }
        Assert.Equal("same-title", first.Name);
    }

    [Theory]
    [InlineData("Selection rate by ethnicity", "selection-rate-by-ethnicity")]
    [InlineData("FNR ratio to White British (reference)", "fnr-ratio-to-white-british-reference")]
    [InlineData("—", "chart")]
    public void Slug_Title_IsAFileNameStem(string title, string expected) => Assert.Equal(expected, ChartExport.Slug(title));

    [Theory]
    // 64 characters, middle at 32: the spaces around it are at 28 (4 away) and 34 (2 away), so the break is at 34.
    [InlineData("False negative rate ratio to White British as capacity grows now", "False negative rate ratio to White\nBritish as capacity grows now")]
    [InlineData("Selection rate by ethnicity", "Selection rate by ethnicity")]
    public void Wrap_LongTitle_BreaksAtTheSpaceNearestTheMiddle(string title, string expected) => Assert.Equal(expected, ChartStyle.Wrap(title));

    private static double Number(XElement element, string attribute) => double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    private static HashSet<string> Ids(string svg) => [.. XElement.Parse(svg).DescendantsAndSelf().Select(e => (string?)e.Attribute("id")).OfType<string>()];

    /// <summary>Straight segments of an SVG path made of M and L commands only (as ScottPlot writes error bars).</summary>
    private static IEnumerable<(double X1, double Y1, double X2, double Y2)> Segments(string path)
    {
        var numbers = PathNumber().Matches(path).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();
        for (var i = 0; i + 3 < numbers.Length; i += 4)
            yield return (numbers[i], numbers[i + 1], numbers[i + 2], numbers[i + 3]);
    }

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex PathNumber();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();
}
