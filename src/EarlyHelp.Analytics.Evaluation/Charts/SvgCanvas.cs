using System.Globalization;
using System.Net;
using System.Text;

namespace EarlyHelp.Analytics.Evaluation.Charts;

/// <summary>
/// Writes an inline SVG element by element, numbers in the invariant culture with two decimals and
/// all text escaped. Charts draw on it; it knows nothing about data.
/// </summary>
public sealed class SvgCanvas
{
    private readonly StringBuilder svg = new();

    /// <summary>A canvas of the given size in CSS pixels, with a title read out by screen readers.</summary>
    public SvgCanvas(double width, double height, string title)
    {
        Width = width;
        Height = height;
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:0.##} {height:0.##}\" width=\"{width:0.##}\" height=\"{height:0.##}\" role=\"img\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"12\">"));
        svg.Append("<title>").Append(Escape(title)).Append("</title>");
    }

    /// <summary>Width in pixels.</summary>
    public double Width { get; }

    /// <summary>Height in pixels.</summary>
    public double Height { get; }

    /// <summary>A straight line.</summary>
    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null) =>
        svg.Append(Invariant($"<line x1=\"{x1:0.##}\" y1=\"{y1:0.##}\" x2=\"{x2:0.##}\" y2=\"{y2:0.##}\" stroke=\"{stroke}\" stroke-width=\"{width:0.##}\"{DashAttribute(dash)}/>"));

    /// <summary>A rectangle.</summary>
    public void Rectangle(double x, double y, double width, double height, string fill, string? stroke = null, double opacity = 1) =>
        svg.Append(Invariant($"<rect x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{Math.Max(0, width):0.##}\" height=\"{Math.Max(0, height):0.##}\" fill=\"{fill}\" fill-opacity=\"{opacity:0.##}\"{(stroke is null ? "" : $" stroke=\"{stroke}\"")}/>"));

    /// <summary>A polyline through the points (a line series).</summary>
    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width, string? dash)
    {
        var coordinates = string.Join(" ", points.Select(p => Invariant($"{p.X:0.##},{p.Y:0.##}")));
        svg.Append(Invariant($"<polyline points=\"{coordinates}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{width:0.##}\"{DashAttribute(dash)}/>"));
    }

    /// <summary>A marker of the given shape centred on a point.</summary>
    public void Marker(double x, double y, MarkerShape shape, string colour, double size = 4)
    {
        switch (shape)
        {
            case MarkerShape.Circle:
                svg.Append(Invariant($"<circle cx=\"{x:0.##}\" cy=\"{y:0.##}\" r=\"{size:0.##}\" fill=\"{colour}\"/>"));
                break;
            case MarkerShape.Square:
                Rectangle(x - size, y - size, 2 * size, 2 * size, colour);
                break;
            case MarkerShape.Triangle:
                svg.Append(Invariant($"<polygon points=\"{x:0.##},{y - size * 1.2:0.##} {x + size * 1.1:0.##},{y + size:0.##} {x - size * 1.1:0.##},{y + size:0.##}\" fill=\"{colour}\"/>"));
                break;
            case MarkerShape.Diamond:
                svg.Append(Invariant($"<polygon points=\"{x:0.##},{y - size * 1.3:0.##} {x + size * 1.3:0.##},{y:0.##} {x:0.##},{y + size * 1.3:0.##} {x - size * 1.3:0.##},{y:0.##}\" fill=\"{colour}\"/>"));
                break;
            default:
                Line(x - size, y - size, x + size, y + size, colour, 2);
                Line(x - size, y + size, x + size, y - size, colour, 2);
                break;
        }
    }

    /// <summary>Text anchored at a point (<c>start</c>, <c>middle</c> or <c>end</c>), optionally rotated about it.</summary>
    public void Text(double x, double y, string text, string anchor = "start", double size = 12, double rotate = 0, string weight = "normal") =>
        svg.Append(Invariant($"<text x=\"{x:0.##}\" y=\"{y:0.##}\" text-anchor=\"{anchor}\" font-size=\"{size:0.##}\" font-weight=\"{weight}\"{(rotate == 0 ? "" : Invariant($" transform=\"rotate({rotate:0.##} {x:0.##} {y:0.##})\""))}>{Escape(text)}</text>"));

    /// <summary>The finished SVG element.</summary>
    public override string ToString() => svg + "</svg>";

    /// <summary>Escapes text for XML and HTML.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string DashAttribute(string? dash) => dash is null ? "" : $" stroke-dasharray=\"{dash}\"";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Marker shapes, so that series stay apart when printed without colour.</summary>
public enum MarkerShape
{
    /// <summary>A filled circle.</summary>
    Circle,

    /// <summary>A filled square.</summary>
    Square,

    /// <summary>A filled triangle.</summary>
    Triangle,

    /// <summary>A filled diamond.</summary>
    Diamond,

    /// <summary>An ×.</summary>
    Cross,
}
