using System.Text.Json;
using System.Text.Json.Serialization;

namespace EarlyHelp.Analytics.Linkage;

public sealed partial class LinkageModel
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The model as JSON: format version, settings, lambda, each field's levels with m, u and weight, term frequencies.</summary>
    public string ToJson() => JsonSerializer.Serialize(new StoredModel(
        FormatVersion, Lambda, PriorWeight, Settings, Training,
        Comparisons.Select(c => new StoredComparison(c.Name, c.Levels.Select(l => new StoredLevel(l.Label, l.M, l.U, l.Weight, l.TermFrequencyAdjusted)).ToArray())).ToArray(),
        TermFrequencies.ToDictionary(p => p.Key, p => p.Value)), JsonOptions);

    /// <summary>Reads a model written by <see cref="ToJson"/>; refuses another format version.</summary>
    public static LinkageModel FromJson(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredModel>(json, JsonOptions)
            ?? throw new FormatException("The linkage model JSON is empty.");
        if (stored.FormatVersion != FormatVersion)
            throw new FormatException($"The linkage model has format version {stored.FormatVersion}; this library reads version {FormatVersion}.");
        var comparisons = stored.Comparisons.Select(c => new FieldComparison(c.Name,
            c.Levels.Select(l => new ComparisonLevel(l.Label, l.M, l.U, l.TermFrequencyAdjusted)).ToArray())).ToArray();
        return new LinkageModel(stored.Settings, stored.Lambda, comparisons, stored.TermFrequencies, stored.Training);
    }

    private sealed record StoredModel(int FormatVersion, double Lambda, double PriorWeight, LinkageSettings Settings, TrainingSummary Training,
        IReadOnlyList<StoredComparison> Comparisons, Dictionary<string, TermFrequencyTable> TermFrequencies);

    private sealed record StoredComparison(string Name, IReadOnlyList<StoredLevel> Levels);

    // The weight is written for people reading the file; reading recomputes it from m and u.
    private sealed record StoredLevel(string Label, double M, double U, double Weight, bool TermFrequencyAdjusted);
}
