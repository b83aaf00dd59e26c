using System.Text;
using System.Text.Json;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Linear;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace EarlyHelp.Analytics.Learning.Models;

public static partial class ModelFiles
{
    /// <summary>The linear export's file name (a logistic regression's counterpart of <see cref="TreeExport"/>).</summary>
    public const string LinearExport = "linear.json";

    /// <summary>The readable export's file name for a model of <paramref name="kind"/>.</summary>
    public static string ExportFor(string kind) => kind == ModelKind.LogisticRegression ? LinearExport : TreeExport;

    /// <summary>The files of a logistic regression: the model zip, <see cref="LinearExport"/> and their fingerprint.</summary>
    public static ModelFileSet Serialize(LogisticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var zip = Zip(model.Context, model.Pipeline, model.FeatureNames);
        var export = LinearJson.Write(model);
        return new ModelFileSet(zip, export, ModelFingerprint.Of(zip, export, LinearExport)) { ExportFile = LinearExport };
    }

    /// <summary>The files of a model of either kind.</summary>
    public static ModelFileSet Serialize(IScoringModel model) => model switch
    {
        ScoringModel trees => Serialize(trees),
        LogisticModel logistic => Serialize(logistic),
        _ => throw new NotSupportedException($"A model of kind '{model?.Kind}' cannot be saved."),
    };

    /// <summary>Writes a model of either kind into <paramref name="folder"/> (created if needed); returns the fingerprint.</summary>
    public static string Save(IScoringModel model, string folder) => Write(Serialize(model), folder);

    /// <summary>Reads the model of <paramref name="kind"/> in <paramref name="folder"/>, checking its fingerprint.</summary>
    /// <exception cref="DataFileException">A file is missing, changed or not a model of that kind.</exception>
    public static IScoringModel Load(string folder, string kind)
    {
        if (kind != ModelKind.LogisticRegression)
            return Load(folder);
        var (zip, export, fingerprint) = ReadFiles(folder, LinearExport);
        return DeserializeLogistic(zip, export, fingerprint, folder);
    }

    /// <summary>Reads a logistic regression from its files' bytes; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="DataFileException">The fingerprint does not match, or the files are not a logistic regression.</exception>
    public static LogisticModel DeserializeLogistic(byte[] modelZip, byte[] linearExport, string fingerprint, string source)
    {
        CheckFingerprint(modelZip, linearExport, LinearExport, fingerprint, source);
        var (context, pipeline, content) = Open(modelZip, () => LinearJson.Read(linearExport), source);

        var (bias, weights) = LogisticModels.WeightsOf(pipeline)
            ?? throw new DataFileException(Path.Combine(source, ModelZip), 0, 0, "the model zip holds no linear binary model.");
        // Float weights widened to double on both sides: equal bits or the export is not the zip's.
        if (bias != content.Bias || !weights.SequenceEqual(content.Weights))
            throw new DataFileException(Path.Combine(source, LinearExport), 0, 0, "the linear export's weights are not those of the model zip.");
        CheckCaps(pipeline, content, source);
        return new LogisticModel(context, pipeline, LinearJson.Weights(content))
        {
            LabelName = content.LabelName,
            Calibrator = content.Calibrator,
            Metrics = content.Metrics,
            Metadata = content.Metadata,
        };
    }

    /// <summary>
    /// The zip must hold each input within the caps the export records, and cap nothing when it records none: a row far
    /// above every value and one far below, read through the pipeline, must come out at the recorded bounds.
    /// </summary>
    private static void CheckCaps(ITransformer pipeline, LinearJson.Export content, string source)
    {
        const float Far = 1e30f;
        var caps = content.InputCaps?.ToCaps();
        var width = content.FeatureNames.Count;
        foreach (var extreme in new[] { Far, -Far })
        {
            var row = new DenseDataset(content.FeatureNames, [.. Enumerable.Repeat(extreme, width)]);
            var imputed = pipeline.Transform(FeatureFrame.From(row, withLabel: false))
                .GetColumn<VBuffer<float>>(LinearFeaturizer.ImputedColumn).Single().DenseValues().ToArray();
            for (var feature = 0; feature < width; feature++)
            {
                var bound = caps is null ? float.NaN : extreme > 0 ? caps.Upper[feature] : caps.Lower[feature];
                if (imputed[feature] != (float.IsNaN(bound) ? extreme : bound))
                    throw new DataFileException(Path.Combine(source, LinearExport), 0, 0,
                        $"the linear export's input caps are not those of the model zip (feature '{content.FeatureNames[feature]}').");
            }
        }
    }

    /// <summary>The zip's pipeline in a fresh context and the export as read; anything unreadable is a <see cref="DataFileException"/>.</summary>
    private static (MLContext Context, ITransformer Pipeline, T Export) Open<T>(byte[] modelZip, Func<T> readExport, string source)
    {
        var context = new MLContext(0);
        try
        {
            using var zip = new MemoryStream(modelZip);
            var pipeline = context.Model.Load(zip, out _);
            return (context, pipeline, readExport());
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or InvalidOperationException or ArgumentException or KeyNotFoundException or FormatException or NotSupportedException)
        {
            throw new DataFileException(source, 0, 0, $"the model is not valid: {e.Message}");
        }
    }

    private static byte[] Zip(MLContext context, ITransformer pipeline, IReadOnlyList<string> featureNames)
    {
        var inputSchema = ((IDataView)FeatureFrame.From(new DenseDataset(featureNames, []), withLabel: false)).Schema;
        using var zip = new MemoryStream();
        context.Model.Save(pipeline, inputSchema, zip);
        return zip.ToArray();
    }

    private static string Write(ModelFileSet files, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, content) in new[] { (ModelZip, files.ModelZip), (files.ExportFile, files.TreeExport), (Fingerprint, Encoding.ASCII.GetBytes(files.Fingerprint + "\n")) })
        {
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path + ".tmp", content);
            File.Move(path + ".tmp", path, overwrite: true);
        }

        return files.Fingerprint;
    }

    private static (byte[] Zip, byte[] Export, string Fingerprint) ReadFiles(string folder, string exportFile)
    {
        var paths = new[] { ModelZip, exportFile, Fingerprint }.Select(name => Path.Combine(folder, name)).ToArray();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
                throw new DataFileException(path, 0, 0, "the model file does not exist.");
        }

        return (File.ReadAllBytes(paths[0]), File.ReadAllBytes(paths[1]), File.ReadAllText(paths[2]).Trim());
    }

    private static void CheckFingerprint(byte[] modelZip, byte[] export, string exportFile, string fingerprint, string source)
    {
        string actual;
        try
        {
            actual = ModelFingerprint.Of(modelZip, export, exportFile);
        }
        catch (InvalidDataException e)
        {
            throw new DataFileException(Path.Combine(source, ModelZip), 0, 0, $"the model zip cannot be read: {e.Message}");
        }

        if (!string.Equals(actual, fingerprint, StringComparison.OrdinalIgnoreCase))
            throw new DataFileException(Path.Combine(source, Fingerprint), 0, 0,
                $"the model's fingerprint is {actual} but the folder records {fingerprint}: a file was changed after it was saved.");
    }
}
