namespace EarlyHelp.Analytics.Evaluation.Charts;

/// <summary>How a series is drawn: colour, dash pattern and marker together, so it reads in colour and in grey.</summary>
/// <param name="Colour">A colour of the Okabe and Ito (2008) palette, told apart by colour-blind readers.</param>
/// <param name="Dash">An SVG dash pattern, or null for a solid line.</param>
/// <param name="Marker">The marker shape.</param>
public sealed record SeriesStyle(string Colour, string? Dash, MarkerShape Marker)
{
    private static readonly string[] Colours = ["#000000", "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];
    private static readonly string?[] Dashes = [null, "6 3", "2 3", "8 3 2 3", "1 2"];

    /// <summary>The style of the series at <paramref name="index"/>; styles repeat only after 35 series.</summary>
    public static SeriesStyle At(int index) => new(
        Colours[index % Colours.Length],
        Dashes[index % Dashes.Length],
        (MarkerShape)(index % Enum.GetValues<MarkerShape>().Length));
}
