using System.Text.Json;
using System.Text.Json.Serialization;
using EarlyHelp.Analytics.Learning.Calibration;
using EarlyHelp.Analytics.Learning.Trees;

namespace EarlyHelp.Analytics.Learning.Models;

/// <summary>
/// The readable export of a model (<c>trees.json</c>), for auditors and for TreeSHAP, which needs
/// the node counts ML.NET does not store. Numbers are written in their shortest form that reads
/// back to the same bits; each array stands on one line; the rest is indented for reading.
/// </summary>
internal static class TreeJson
{
    /// <summary>
    /// The format written and read. Bump it on any change an old reader would misread, saying what changed:
    /// 1 — ML.NET trees (split feature, threshold, children, gain, node count per split node; value
    ///     with tree weight applied and count per leaf), bias, the score's log-odds scale, the
    ///     missing-value sentinel, calibrator description, training options, metrics and metadata.
    /// 2 — adds the features whose missing values are placed above every value
    ///     (<c>missing_value_high_features</c>) and that sentinel; a version 1 file places every feature low.
    /// </summary>
    public const int FormatVersion = 2;

    /// <summary>How the model exports name and lay out their fields: snake case, indented, enums by name.</summary>
    internal static readonly JsonSerializerOptions OptionsJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The export's bytes: the same model always gives the same bytes.</summary>
    public static byte[] Write(ScoringModel model)
    {
        var ensemble = model.Ensemble;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format_version", FormatVersion);
            writer.WriteString("trainer", (model.TrainingOptions?.Trainer ?? TreeTrainer.FastTree).ToString());
            writer.WritePropertyName("feature_names");
            Array(writer, ensemble.FeatureNames, (w, name) => w.WriteStringValue(name));
            if (model.LabelName is null)
                writer.WriteNull("label_name");
            else
                writer.WriteString("label_name", model.LabelName);
            writer.WriteNumber("missing_value_sentinel", MissingValues.Sentinel);
            writer.WriteNumber("missing_value_high_sentinel", MissingValues.HighSentinel);
            writer.WritePropertyName("missing_value_high_features");
            Array(writer, [.. ensemble.FeatureNames.Where((_, feature) => ensemble.MissingValues.Sides[feature] == MissingValueSide.High)],
                (w, name) => w.WriteStringValue(name));
            writer.WriteNumber("bias", ensemble.Bias);
            writer.WriteNumber("log_odds_per_score", ensemble.LogOddsPerScore);
            writer.WriteNumber("log_odds_offset", ensemble.LogOddsOffset);
            writer.WriteStartArray("trees");
            foreach (var tree in ensemble.Trees)
                WriteTree(writer, tree);
            writer.WriteEndArray();
            writer.WritePropertyName("calibrator");
            JsonSerializer.Serialize(writer, model.Calibrator, OptionsJson);
            writer.WritePropertyName("training_options");
            JsonSerializer.Serialize(writer, model.TrainingOptions, OptionsJson);
            writer.WriteStartObject("metrics");
            foreach (var (name, value) in model.Metrics)
                writer.WriteNumber(name, value);
            writer.WriteEndObject();
            writer.WriteStartObject("metadata");
            foreach (var (name, value) in model.Metadata)
                writer.WriteString(name, value);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>What an export holds besides the ML.NET pipeline.</summary>
    public sealed record Content(TreeEnsemble Ensemble, string? LabelName, CalibratorDescription? Calibrator,
        GradientBoostingOptions? TrainingOptions, Dictionary<string, double> Metrics, Dictionary<string, string> Metadata);

    /// <summary>Reads an export; throws <see cref="InvalidDataException"/> or a JSON exception when it is not one.</summary>
    public static Content Read(ReadOnlySpan<byte> bytes)
    {
        using var document = JsonDocument.Parse(bytes.ToArray());
        var root = document.RootElement;
        var version = root.GetProperty("format_version").GetInt32();
        if (version is < 1 or > FormatVersion)
            throw new InvalidDataException($"the tree export has format version {version}; this program reads format versions 1 to {FormatVersion}");
        string[] names = [.. root.GetProperty("feature_names").EnumerateArray().Select(e => e.GetString() ?? throw new InvalidDataException("a feature name is null"))];
        RegressionTree[] trees = [.. root.GetProperty("trees").EnumerateArray().Select(tree => ReadTree(tree, names.Length))];
        var ensemble = new TreeEnsemble(names, root.GetProperty("bias").GetDouble(), trees,
            root.GetProperty("log_odds_per_score").GetDouble(), root.GetProperty("log_odds_offset").GetDouble(), ReadPlacement(root, version, names));
        return new Content(
            ensemble,
            root.GetProperty("label_name").GetString(),
            root.GetProperty("calibrator").Deserialize<CalibratorDescription>(OptionsJson),
            root.GetProperty("training_options").Deserialize<GradientBoostingOptions>(OptionsJson),
            root.GetProperty("metrics").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()),
            root.GetProperty("metadata").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? ""));
    }

    /// <summary>Each feature's side: high when listed in <c>missing_value_high_features</c> (format 2), otherwise low.</summary>
    private static MissingValuePlacement ReadPlacement(JsonElement root, int version, string[] names)
    {
        if (version < 2)
            return MissingValuePlacement.AllLow(names.Length);
        var high = root.GetProperty("missing_value_high_features").EnumerateArray().Select(e => e.GetString()).ToHashSet(StringComparer.Ordinal);
        if (high.FirstOrDefault(name => !names.Contains(name, StringComparer.Ordinal)) is { } unknown)
            throw new InvalidDataException($"missing_value_high_features names '{unknown}', which is not a feature of the model");
        return new MissingValuePlacement([.. names.Select(name => high.Contains(name) ? MissingValueSide.High : MissingValueSide.Low)]);
    }

    private static void WriteTree(Utf8JsonWriter writer, RegressionTree tree)
    {
        writer.WriteStartObject();
        Field(writer, "split_feature", tree.SplitFeatures.ToArray(), (w, v) => w.WriteNumberValue(v));
        Field(writer, "threshold", tree.Thresholds.ToArray(), (w, v) => w.WriteNumberValue(v));
        Field(writer, "left_child", tree.LeftChildren.ToArray(), (w, v) => w.WriteNumberValue(v));
        Field(writer, "right_child", tree.RightChildren.ToArray(), (w, v) => w.WriteNumberValue(v));
        Field(writer, "gain", tree.Gains.ToArray(), (w, v) => w.WriteNumberValue(v));
        Field(writer, "node_count", tree.NodeCounts.ToArray(), (w, v) => w.WriteNumberValue(v));
        Field(writer, "leaf_value", tree.LeafValues.ToArray(), (w, v) => w.WriteNumberValue(v));
        Field(writer, "leaf_count", tree.LeafCounts.ToArray(), (w, v) => w.WriteNumberValue(v));
        writer.WriteEndObject();
    }

    private static RegressionTree ReadTree(JsonElement tree, int featureCount)
    {
        T[] Values<T>(string name, Func<JsonElement, T> read) => [.. tree.GetProperty(name).EnumerateArray().Select(read)];
        return new RegressionTree(featureCount,
            Values("split_feature", e => e.GetInt32()),
            Values("threshold", e => e.GetSingle()),
            Values("left_child", e => e.GetInt32()),
            Values("right_child", e => e.GetInt32()),
            Values("gain", e => e.GetDouble()),
            Values("leaf_value", e => e.GetDouble()),
            Values("node_count", e => e.GetInt32()),
            Values("leaf_count", e => e.GetInt32()));
    }

    private static void Field<T>(Utf8JsonWriter writer, string name, IReadOnlyList<T> values, Action<Utf8JsonWriter, T> write)
    {
        writer.WritePropertyName(name);
        Array(writer, values, write);
    }

    /// <summary>An array written compactly and placed as one raw value, so it takes one line of the indented file.</summary>
    private static void Array<T>(Utf8JsonWriter writer, IReadOnlyList<T> values, Action<Utf8JsonWriter, T> write)
    {
        using var stream = new MemoryStream();
        using (var compact = new Utf8JsonWriter(stream))
        {
            compact.WriteStartArray();
            foreach (var value in values)
                write(compact, value);
            compact.WriteEndArray();
        }

        writer.WriteRawValue(stream.ToArray(), skipInputValidation: true);
    }
}
