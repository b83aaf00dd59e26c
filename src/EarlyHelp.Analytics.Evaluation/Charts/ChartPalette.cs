using ScottPlot;

namespace EarlyHelp.Analytics.Evaluation.Charts;

/// <summary>How a series is drawn: colour and marker together, so series stay apart in colour, in grey and to colour-blind readers.</summary>
/// <param name="Colour">The series colour.</param>
/// <param name="Marker">The marker shape.</param>
/// <remarks>Lines are solid: SkiaSharp's SVG writer drops dash patterns ("Unsupported path effect"), so a dashed line would be dashed in the PNG and solid in the SVG.</remarks>
public sealed record SeriesStyle(Color Colour, MarkerShape Marker);

/// <summary>
/// The reports' colours: the UK Government Analysis Function's accessible categorical palette for
/// series ("Data visualisation: colours", analysisfunction.civilservice.gov.uk, 2024: dark blue,
/// turquoise, dark pink, orange, dark grey, light purple, in that order, each distinct to common
/// colour-vision deficiencies), and the GOV.UK Design System's text, grey and highlight colours.
/// </summary>
public static class ChartPalette
{
    /// <summary>GOV.UK text colour, for titles, axes and labels.</summary>
    public static readonly Color Text = Color.FromHex("#0B0C0C");

    /// <summary>GOV.UK secondary text colour, for tick labels.</summary>
    public static readonly Color SecondaryText = Color.FromHex("#505A5F");

    /// <summary>GOV.UK mid grey, for reference lines, the diagonal and shaded bands.</summary>
    public static readonly Color MidGrey = Color.FromHex("#B1B4B6");

    /// <summary>GOV.UK red, for a threshold that means action.</summary>
    public static readonly Color Warning = Color.FromHex("#D4351C");

    /// <summary>The Analysis Function's categorical colours, in their recommended order.</summary>
    public static readonly IReadOnlyList<Color> Categorical =
    [
        Color.FromHex("#12436D"), Color.FromHex("#28A197"), Color.FromHex("#801650"),
        Color.FromHex("#F46A25"), Color.FromHex("#3D3D3D"), Color.FromHex("#A285D1"),
    ];

    private static readonly MarkerShape[] Markers =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.OpenCircle, MarkerShape.Cross];

    /// <summary>The style of the series at <paramref name="index"/>; the first six differ in both colour and marker.</summary>
    public static SeriesStyle Series(int index) => new(Categorical[index % Categorical.Count], Markers[index % Markers.Length]);
}
