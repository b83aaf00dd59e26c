using System.Text.Json;
using EarlyHelp.Analytics.Learning.Calibration;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Trees;

namespace EarlyHelp.Analytics.Learning.Models;

/// <summary>
/// The <c>model</c> object of a model file. Numbers are written in their shortest form that
/// reads back to the same bits, so a loaded model predicts exactly as the saved one. Each array
/// stands on one line; the rest is indented for reading.
/// </summary>
internal static class ModelJson
{
    private static readonly JsonSerializerOptions OptionsJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public static byte[] Write(ScoringModel model)
    {
        var ensemble = model.Ensemble;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("feature_names");
            Array(writer, ensemble.FeatureNames, (w, name) => w.WriteStringValue(name));
            if (model.LabelName is null)
                writer.WriteNull("label_name");
            else
                writer.WriteString("label_name", model.LabelName);
            writer.WriteNumber("base_score", ensemble.BaseScore);
            writer.WriteStartArray("bin_upper_bounds");
            for (var feature = 0; feature < ensemble.Binning.FeatureCount; feature++)
                Array(writer, ensemble.Binning.UpperBounds(feature).ToArray(), (w, bound) => w.WriteNumberValue(bound));
            writer.WriteEndArray();
            writer.WriteStartArray("trees");
            foreach (var tree in ensemble.Trees)
                WriteTree(writer, tree);
            writer.WriteEndArray();
            writer.WritePropertyName("calibrator");
            if (model.Calibrator is null)
                writer.WriteNullValue();
            else
                JsonSerializer.Serialize(writer, model.Calibrator.Describe(), OptionsJson);
            writer.WritePropertyName("training_options");
            if (model.TrainingOptions is null)
                writer.WriteNullValue();
            else
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

        return stream.ToArray();
    }

    public static ScoringModel Read(ReadOnlySpan<byte> body)
    {
        using var document = JsonDocument.Parse(body.ToArray());
        var root = document.RootElement;
        string[] featureNames = [.. root.GetProperty("feature_names").EnumerateArray().Select(e => e.GetString() ?? throw new InvalidDataException("A feature name is null."))];
        float[][] bounds = [.. root.GetProperty("bin_upper_bounds").EnumerateArray().Select(e => e.EnumerateArray().Select(b => b.GetSingle()).ToArray())];
        var binning = new FeatureBinning(featureNames, bounds);
        RegressionTree[] trees = [.. root.GetProperty("trees").EnumerateArray().Select(tree => ReadTree(tree, binning))];
        var ensemble = new TreeEnsemble(binning, root.GetProperty("base_score").GetDouble(), trees);
        var options = root.GetProperty("training_options");
        var calibrator = root.GetProperty("calibrator");
        return new ScoringModel(ensemble)
        {
            LabelName = root.GetProperty("label_name").GetString(),
            Calibrator = calibrator.ValueKind == JsonValueKind.Null ? null : calibrator.Deserialize<CalibratorDescription>(OptionsJson)?.ToCalibrator(),
            TrainingOptions = options.ValueKind == JsonValueKind.Null ? null : options.Deserialize<GradientBoostingOptions>(OptionsJson),
            Metrics = root.GetProperty("metrics").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()),
            Metadata = root.GetProperty("metadata").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? ""),
        };
    }

    private static void WriteTree(Utf8JsonWriter writer, RegressionTree tree)
    {
        writer.WriteStartObject();
        Field(writer, "split_feature", tree.SplitFeatures.ToArray(), (w, v) => w.WriteNumberValue(v));
        Field(writer, "bin_threshold", tree.BinThresholds.ToArray(), (w, v) => w.WriteNumberValue(v));
        Field(writer, "default_left", tree.DefaultLeft.ToArray(), (w, v) => w.WriteBooleanValue(v));
        Field(writer, "left_child", tree.LeftChildren.ToArray(), (w, v) => w.WriteNumberValue(v));
        Field(writer, "right_child", tree.RightChildren.ToArray(), (w, v) => w.WriteNumberValue(v));
        Field(writer, "gain", tree.Gains.ToArray(), (w, v) => w.WriteNumberValue(v));
        Field(writer, "cover", tree.NodeCovers.ToArray(), (w, v) => w.WriteNumberValue(v));
        Field(writer, "count", tree.NodeExampleCounts.ToArray(), (w, v) => w.WriteNumberValue(v));
        Field(writer, "leaf_value", tree.LeafValues.ToArray(), (w, v) => w.WriteNumberValue(v));
        Field(writer, "leaf_cover", tree.LeafCovers.ToArray(), (w, v) => w.WriteNumberValue(v));
        Field(writer, "leaf_count", tree.LeafExampleCounts.ToArray(), (w, v) => w.WriteNumberValue(v));
        writer.WriteEndObject();
    }

    private static RegressionTree ReadTree(JsonElement tree, FeatureBinning binning)
    {
        T[] Values<T>(string name, Func<JsonElement, T> read) => [.. tree.GetProperty(name).EnumerateArray().Select(read)];
        return new RegressionTree(
            binning,
            Values("split_feature", e => e.GetInt32()),
            Values("bin_threshold", e => e.GetInt32()),
            Values("default_left", e => e.GetBoolean()),
            Values("left_child", e => e.GetInt32()),
            Values("right_child", e => e.GetInt32()),
            Values("gain", e => e.GetDouble()),
            Values("cover", e => e.GetDouble()),
            Values("count", e => e.GetInt32()),
            Values("leaf_value", e => e.GetDouble()),
            Values("leaf_cover", e => e.GetDouble()),
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
