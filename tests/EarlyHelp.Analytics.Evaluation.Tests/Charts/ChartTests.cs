using System.Xml.Linq;
using EarlyHelp.Analytics.Evaluation.Charts;

namespace EarlyHelp.Analytics.Evaluation.Tests.Charts;

public sealed class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Ticks_UnitInterval_AreTenthsTwoApart()
    {
        // Five ticks wanted over [0, 1]: rough step 0.2, already a "nice" number (2 × 10⁻¹).
        var ticks = new LinearScale(0, 1, 0, 100).Ticks(5);

        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1.0], ticks.Select(t => Math.Round(t, 12)));
    }

    [Fact]
    public void Map_DomainEnds_LandOnRangeEnds()
    {
        var scale = new LinearScale(0.8, 1.25, 300, 20);

        Assert.Equal(300, scale.Map(0.8), 9);
        Assert.Equal(20, scale.Map(1.25), 9);
    }

    [Fact]
    public void LineChart_TwoSeries_DrawsOneLineEachWithLegendAndEscapedText()
    {
        var chart = LineChart.Render(new LineChartSpecification
        {
            Title = "Calibration <before & after>",
            XAxisTitle = "Predicted",
            YAxisTitle = "Observed",
            Series =
            [
                new ChartSeries("after", [new ChartPoint(0.1, 0.12, 0.08, 0.16), new ChartPoint(0.5, 0.48, 0.4, 0.56)]),
                new ChartSeries("before", [new ChartPoint(0.1, 0.3), new ChartPoint(0.5, 0.7)]),
            ],
            XDomain = (0, 1),
            YDomain = (0, 1),
            Diagonal = true,
        });

        var svg = XElement.Parse(chart);
        Assert.Equal(2, svg.Elements(Svg + "polyline").Count());
        Assert.Equal("Calibration <before & after>", svg.Element(Svg + "title")!.Value);
        Assert.Contains(svg.Elements(Svg + "text"), t => t.Value == "before");
    }

    [Fact]
    public void IntervalBarChart_ThreeGroups_DrawsThreeBarsWithWhiskers()
    {
        var chart = IntervalBarChart.Render(new IntervalBarChartSpecification
        {
            Title = "False negative rate",
            YAxisTitle = "Rate",
            Items = [new BarItem("A", 0.2, 0.15, 0.25, true), new BarItem("B", 0.3, 0.2, 0.4), new BarItem("C", double.NaN, double.NaN, double.NaN)],
            ReferenceValue = 0.25,
        });

        var svg = XElement.Parse(chart);
        // Two bars (C has no value) plus nothing else drawn as a rectangle.
        Assert.Equal(2, svg.Elements(Svg + "rect").Count());
        Assert.Contains(svg.Elements(Svg + "text"), t => t.Value == "C");
    }
}
