using ScottPlot;
using SkiaSharp;

namespace EarlyHelp.Analytics.Evaluation.Charts;

/// <summary>
/// The charts' typeface, DejaVu Sans (regular and bold), carried inside this assembly and registered with
/// ScottPlot as its default. ScottPlot draws text with the machine's fonts, and on a machine with none
/// it saves images without any text and without an error; the bundled faces make every chart read the
/// same on a server, a laptop and in CI. Licence: Charts/Fonts/LICENSE-DejaVu.txt (Bitstream Vera
/// licence, DejaVu changes in the public domain).
/// </summary>
public static class ChartFonts
{
    /// <summary>The family name the charts ask for, and the name written into their SVG.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<EmbeddedFontResolver> Resolver = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Registers the bundled faces with ScottPlot and makes them its default; safe to call any number of times.</summary>
    public static void EnsureRegistered() => _ = Resolver.Value;

    /// <summary>The bundled face ScottPlot receives for the family (bold or regular), for checking that the bundle is what draws the text.</summary>
    public static SKTypeface Bundled(bool bold) => bold ? Resolver.Value.Bold : Resolver.Value.Regular;

    private static EmbeddedFontResolver Register()
    {
        var resolver = new EmbeddedFontResolver(Load("DejaVuSans.ttf"), Load("DejaVuSans-Bold.ttf"));
        // First in the list, so the bundled faces win over a system copy of the same family.
        Fonts.FontResolvers.Insert(0, resolver);
        Fonts.Default = Family;
        Fonts.Sans = Family;
        return resolver;
    }

    private static SKTypeface Load(string file)
    {
        var name = $"{typeof(ChartFonts).Namespace}.Fonts.{file}";
        using var stream = typeof(ChartFonts).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"The font {name} is not embedded in {typeof(ChartFonts).Assembly.GetName().Name}.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"The embedded font {name} could not be read.");
    }

    /// <summary>Answers ScottPlot's requests for the family with the bundled faces, and any other family with nothing (the next resolver's turn).</summary>
    private sealed class EmbeddedFontResolver(SKTypeface regular, SKTypeface bold) : IFontResolver
    {
        public SKTypeface Regular { get; } = regular;

        public SKTypeface Bold { get; } = bold;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase) ? bold ? Bold : Regular : null;

        // ScottPlot draws titles at semi-bold (600); anything from 600 up takes the bold face.
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            CreateTypeface(fontName, (int)weight >= (int)FontWeight.SemiBold, slant != FontSlant.Upright);
    }
}
