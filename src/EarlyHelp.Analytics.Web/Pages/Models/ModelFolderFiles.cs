using System.Text.Json;
using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Output;

namespace EarlyHelp.Analytics.Web.Pages.Models;

/// <summary>A feature's or the score's population stability index, from <c>drift.json</c>.</summary>
/// <param name="Name">The feature, or the score.</param>
/// <param name="Index">The index.</param>
/// <param name="Level">stable, moderate or major.</param>
public sealed record DriftLine(string Name, double Index, string Level);

/// <summary>
/// What the app shows from a model folder (docs/training.md, "What is in models/NAME/"): the model card's text, the
/// fairness report, and drift. A file that is missing or unreadable is reported as such, never as an empty report.
/// </summary>
public sealed class ModelFolderFiles
{
    /// <summary>Drift lines shown: the least stable features; drift.json holds them all.</summary>
    public const int DriftShown = 10;

    private ModelFolderFiles(string folder) => Folder = folder;

    /// <summary>The folder as the server found it.</summary>
    public string Folder { get; }

    /// <summary>Whether the folder exists.</summary>
    public bool Exists => Directory.Exists(Folder);

    /// <summary>The model card (<c>model_card.md</c>), or null when absent.</summary>
    public string? ModelCard { get; private init; }

    /// <summary>The fairness report, or null when absent.</summary>
    public FairnessReport? Fairness { get; private init; }

    /// <summary>The score's stability, or null when drift.json is absent.</summary>
    public DriftLine? ScoreDrift { get; private init; }

    /// <summary>The least stable features, least stable first.</summary>
    public IReadOnlyList<DriftLine> FeatureDrift { get; private init; } = [];

    /// <summary>The rolling-origin backtest (<c>backtest.json</c>, written by <c>train --backtest N</c>), or null when absent.</summary>
    public Backtest? Backtest { get; private init; }

    /// <summary>Whether the folder holds the backtest's page, <c>backtest.html</c>.</summary>
    public bool HasBacktestPage { get; private init; }

    /// <summary>Files that were there but could not be read, with the reason.</summary>
    public IReadOnlyList<string> Problems { get; private init; } = [];

    /// <summary>Reads the folder the registry names, relative to the server's working folder when not absolute.</summary>
    public static ModelFolderFiles Read(string registeredFolder)
    {
        var folder = Path.GetFullPath(registeredFolder);
        if (!Directory.Exists(folder))
            return new ModelFolderFiles(folder);
        var problems = new List<string>();
        T? Load<T>(string file, Func<string, T?> parse) where T : class
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
                return null;
            try
            {
                return parse(File.ReadAllText(path));
            }
            catch (Exception error) when (error is JsonException or IOException or UnauthorizedAccessException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                problems.Add($"{file}: {error.Message}");
                return null;
            }
        }
        var drift = Load("drift.json", text => JsonDocument.Parse(text));
        using (drift)
        {
            return new ModelFolderFiles(folder)
            {
                ModelCard = Load("model_card.md", text => text),
                Fairness = Load<FairnessReport>(AuditOutput.FairnessJson, text => JsonSerializer.Deserialize<FairnessReport>(text, ReportJson.Options)),
                ScoreDrift = drift is null ? null : Line(drift.RootElement.GetProperty("score")),
                FeatureDrift = drift is null ? [] : [.. drift.RootElement.GetProperty("features").EnumerateArray().Select(Line).OrderByDescending(l => l.Index).Take(DriftShown)],
                Backtest = Load(Backtest.FileName, Backtest.Parse),
                HasBacktestPage = File.Exists(Path.Combine(folder, Backtest.PageName)),
                Problems = problems,
            };
        }
    }

    private static DriftLine Line(JsonElement element) =>
        new(element.GetProperty("name").GetString() ?? "",
            // An index over an empty bin is written as null (undefined), not as a number.
            element.GetProperty("psi") is { ValueKind: JsonValueKind.Number } psi ? psi.GetDouble() : double.NaN,
            element.GetProperty("level").GetString() ?? "");
}
