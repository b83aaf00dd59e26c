using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EarlyHelp.Analytics.Evaluation.Html;
using EarlyHelp.Analytics.Evaluation.Statistics;

namespace EarlyHelp.Analytics.Evaluation.Tests.Html;

public sealed partial class RankingChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // The six rows of RankingCurvesTests: ranked outcomes 1 1 0 1 0 0, AUC 8/9 (8 of the 9 pairs ranked right), AP 11/12.
    private static readonly RankingCurves Curves = RankingCurves.Compute([0.9, 0.8, 0.7, 0.6, 0.55, 0.4], [1, 1, 0, 1, 0, 0]);

    [Fact]
    public void Roc_SixRows_DrawsTheSevenCornersOfTheCurveFromOriginToTopRight()
    {
        var svg = XElement.Parse(RankingCharts.Roc([("model", 8 / 9.0, Curves)]).Svg);

        // Corners in data: (0,0) (0,⅓) (0,⅔) (⅓,⅔) (⅓,1) (⅔,1) (1,1); in pixels x grows and y shrinks with the data.
        var line = Vertices(SeriesPath(svg));
        Assert.Equal(7, line.Length);
        Assert.Equal(line[0].X, line[2].X, 0.01);
        Assert.Equal(line[2].Y, line[3].Y, 0.01);
        Assert.Equal(line[3].X, line[4].X, 0.01);
        Assert.Equal(line[4].Y, line[6].Y, 0.01);
        // Equal thirds across and up: the step from 0 to ⅓ is half the step from ⅓ to 1.
        Assert.Equal(2 * (line[3].X - line[0].X), line[6].X - line[3].X, 0.05);
        Assert.Equal(2 * (line[0].Y - line[1].Y), line[1].Y - line[4].Y, 0.05);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value.Trim() == "model (AUC 0.889)");
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value.Trim() == "Chance (AUC 0.5)");
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value.Trim() == "True positive rate (recall)");
    }

    [Fact]
    public void PrecisionRecall_SixRows_LeavesOutTheEmptySelectionAndDrawsTheBaseRate()
    {
        var svg = XElement.Parse(RankingCharts.PrecisionRecall([("model", Curves)]).Svg);

        // Six thresholds with a precision (the start, nobody selected, has none): recall ⅓ ⅔ ⅔ 1 1 1.
        var line = Vertices(SeriesPath(svg));
        Assert.Equal(6, line.Length);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value.Trim() == "model (AP 0.917)");
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value.Trim() == "Base rate 50.0%");
        // Precision ½ at recall 1 (everyone selected) lies on the base-rate line.
        var baseRate = svg.Descendants(Svg + "path").Where(p => (string?)p.Attribute("stroke") == "#B1B4B6" && (string?)p.Attribute("stroke-width") == "2.5")
            .Select(p => Vertices(p)).First(v => Math.Abs(v[0].Y - v[^1].Y) < 0.01);
        Assert.Equal(baseRate[0].Y, line[^1].Y, 0.05);
    }

    private static XElement SeriesPath(XElement svg) =>
        svg.Descendants(Svg + "path").First(p => (string?)p.Attribute("stroke") == "#12436D" && (string?)p.Attribute("stroke-width") == "2");

    private static (double X, double Y)[] Vertices(XElement path)
    {
        var numbers = PathNumber().Matches((string)path.Attribute("d")!).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();
        return Enumerable.Range(0, numbers.Length / 2).Select(i => (numbers[2 * i], numbers[2 * i + 1])).ToArray();
    }

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex PathNumber();
}
