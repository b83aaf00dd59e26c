using System.Security.Cryptography;
using System.Text;
using EarlyHelp.Analytics.Core.Catalogue;

namespace EarlyHelp.Analytics.Core;

/// <summary>
/// Every dataset the hub knows, read once per process from the catalogue file: the one named by the
/// <c>EARLYHELP_CATALOGUE</c> environment variable, else the catalogue shipped in this assembly
/// (<c>Catalogue/datasets.yaml</c>: 28 source datasets across the six headline problems and the three statutory
/// outcomes that define escalation). A council adds or changes an extract by editing a copy of that file; see
/// docs/datasets.md.
/// </summary>
public static class DatasetCatalogue
{
    /// <summary>The environment variable that names a catalogue file to use instead of the shipped one.</summary>
    public const string FileVariable = "EARLYHELP_CATALOGUE";

    /// <summary>Code of the Child in Need plan outcome.</summary>
    public const string ChildInNeedPlan = "csc.cin_plan";

    /// <summary>Code of the Child Protection plan outcome.</summary>
    public const string ChildProtectionPlan = "csc.cp_plan";

    /// <summary>Code of the looked-after (in care) outcome.</summary>
    public const string LookedAfter = "csc.looked_after";

    /// <summary>Code of the early help episode dataset (previous early help is a feature).</summary>
    public const string EarlyHelpEpisode = "earlyhelp.assessment";

    private const string ShippedResource = "EarlyHelp.Analytics.Core.Catalogue.datasets.yaml";

    // Read first: every initialiser below depends on it (static initialisers run in textual order).
    private static readonly (string Text, string Source) Loaded = ReadText();

    /// <summary>The catalogue file's text as read (what <c>generate</c> writes beside its extracts).</summary>
    public static string Text => Loaded.Text;

    /// <summary>Where the catalogue came from: the file named by <see cref="FileVariable"/>, or "the shipped catalogue".</summary>
    public static string Source => Loaded.Source;

    /// <summary>SHA-256 of the catalogue's text, lower-case hex: two hubs or extract folders with one catalogue share it.</summary>
    public static string Fingerprint { get; } = FingerprintOf(Text);

    /// <summary>All datasets, sources first in the file's order, then outcomes.</summary>
    public static IReadOnlyList<DatasetDefinition> All { get; } = CatalogueReader.Read(Text, Source);

    /// <summary>The source datasets (issues and services), without the outcomes.</summary>
    public static IReadOnlyList<DatasetDefinition> Sources { get; } = All.Where(d => d.Kind != DatasetKind.Outcome).ToArray();

    /// <summary>The statutory outcome datasets that define escalation.</summary>
    public static IReadOnlyList<DatasetDefinition> Outcomes { get; } = All.Where(d => d.Kind == DatasetKind.Outcome).ToArray();

    private static readonly Dictionary<string, DatasetDefinition> ByCode = All.ToDictionary(d => d.Code, StringComparer.Ordinal);

    /// <summary>Finds a dataset by code; returns false for an unknown code.</summary>
    public static bool TryGet(string code, out DatasetDefinition dataset) => ByCode.TryGetValue(code, out dataset!);

    /// <summary>The dataset with this code; throws when the code is unknown.</summary>
    public static DatasetDefinition Get(string code) =>
        TryGet(code, out var dataset) ? dataset : throw new KeyNotFoundException($"Unknown dataset code '{code}'.");

    /// <summary>The shipped catalogue's text, whatever <see cref="FileVariable"/> says.</summary>
    public static string ShippedText()
    {
        using var stream = typeof(DatasetCatalogue).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException($"The assembly lacks its catalogue resource '{ShippedResource}'.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>SHA-256 of a catalogue text (line endings normalised, so a copy saved on Windows matches).</summary>
    public static string FingerprintOf(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"))));

    private static (string Text, string Source) ReadText()
    {
        var path = Environment.GetEnvironmentVariable(FileVariable);
        if (string.IsNullOrWhiteSpace(path))
            return (ShippedText(), "the shipped catalogue");
        return File.Exists(path)
            ? (File.ReadAllText(path), path)
            : throw new BadInputException(path, $"no such catalogue file (named by {FileVariable})");
    }
}
