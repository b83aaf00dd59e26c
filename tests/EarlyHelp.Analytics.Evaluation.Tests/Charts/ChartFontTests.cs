using EarlyHelp.Analytics.Evaluation.Charts;
using ScottPlot;
using SkiaSharp;

namespace EarlyHelp.Analytics.Evaluation.Tests.Charts;

public sealed class ChartFontTests
{
    [Fact]
    public void EnsureRegistered_DefaultFamily_IsServedFromTheEmbeddedFaces()
    {
        ChartFonts.EnsureRegistered();

        // ScottPlot must hand out the very typefaces read from the assembly's resources, not a system copy
        // of the same family: with the registration removed, or put after the system resolver, these fail
        // even on a machine that has DejaVu installed.
        Assert.Equal(ChartFonts.Family, Fonts.Default);
        Assert.Same(ChartFonts.Bundled(bold: false), Fonts.GetTypeface(ChartFonts.Family, bold: false, italic: false));
        Assert.Same(ChartFonts.Bundled(bold: true), Fonts.GetTypeface(ChartFonts.Family, bold: true, italic: false));
        Assert.Equal("DejaVu Sans", ChartFonts.Bundled(bold: true).FamilyName);
        Assert.True(ChartFonts.Bundled(bold: true).IsBold);
        Assert.False(ChartFonts.Bundled(bold: false).IsBold);
    }

    [Fact]
    public void Render_Title_PngHasInkInTheTitleBandAndSvgNamesTheBundledFamily()
    {
        var chart = LineChart.Render(new LineChartSpecification
        {
            Title = "Title to find",
            XAxisTitle = "Across",
            YAxisTitle = "Up",
            Series = [new ChartSeries("only", [new ChartPoint(0, 0), new ChartPoint(1, 1)])],
            Width = 400,
            Height = 300,
        });

        // The title sits centred in the top 40 pixels of the SVG (80 of the PNG, drawn at twice the size);
        // nothing else is drawn there, so any pixel darker than the white background is the title's text.
        // A machine whose fonts ScottPlot cannot reach gives a white band here.
        using var bitmap = SKBitmap.Decode(chart.Png);
        Assert.Equal((800, 600), (bitmap.Width, bitmap.Height));
        var dark = 0;
        for (var y = 0; y < 80; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                if (bitmap.GetPixel(x, y).Red < 128)
                    dark++;
            }
        }

        Assert.InRange(dark, 200, 20_000);
        Assert.Contains($"font-family=\"{ChartExport.SvgFontList}\"", chart.Svg);
        Assert.DoesNotContain("font-family=\"DejaVu Serif\"", chart.Svg);
    }
}
