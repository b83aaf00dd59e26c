using System.Text;
using System.Text.Json;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Trees;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace EarlyHelp.Analytics.Learning.Models;

/// <summary>The three files that hold a model, as bytes, before they are written.</summary>
/// <param name="ModelZip">ML.NET's model zip: the pipeline that scores.</param>
/// <param name="TreeExport">The readable export of the trees (<c>trees.json</c>).</param>
/// <param name="Fingerprint">The <see cref="ModelFingerprint"/> of both.</param>
public sealed record ModelFileSet(byte[] ModelZip, byte[] TreeExport, string Fingerprint)
{
    /// <summary>The readable export's file name: <see cref="ModelFiles.TreeExport"/>, or <see cref="ModelFiles.LinearExport"/> for a logistic regression.</summary>
    public string ExportFile { get; init; } = ModelFiles.TreeExport;
}

/// <summary>
/// Saves and loads a <see cref="ScoringModel"/> as three files in a folder: ML.NET's model zip
/// (<see cref="ModelZip"/>), the readable tree export (<see cref="TreeExport"/>) and the
/// reproducible <see cref="ModelFingerprint"/> in hex (<see cref="Fingerprint"/>). Loading checks
/// the fingerprint and that the export's trees are the zip's, so neither can be swapped alone.
/// </summary>
public static partial class ModelFiles
{
    /// <summary>The ML.NET model zip's file name.</summary>
    public const string ModelZip = "model.zip";

    /// <summary>The tree export's file name.</summary>
    public const string TreeExport = "trees.json";

    /// <summary>The fingerprint's file name: 64 hex digits and a line break.</summary>
    public const string Fingerprint = "fingerprint";

    /// <summary>The files of <paramref name="model"/>.</summary>
    public static ModelFileSet Serialize(ScoringModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var zipBytes = Zip(model.Context, model.Pipeline, model.FeatureNames);
        var export = TreeJson.Write(model);
        return new ModelFileSet(zipBytes, export, ModelFingerprint.Of(zipBytes, export));
    }

    /// <summary>Writes <paramref name="model"/> into <paramref name="folder"/> (created if needed); returns the fingerprint.</summary>
    public static string Save(ScoringModel model, string folder) => Write(Serialize(model), folder);

    /// <summary>Reads the model in <paramref name="folder"/>, checking its fingerprint.</summary>
    /// <exception cref="DataFileException">A file is missing, changed or not a model.</exception>
    public static ScoringModel Load(string folder)
    {
        var (zip, export, recorded) = ReadFiles(folder, TreeExport);
        return Deserialize(zip, export, recorded, folder);
    }

    /// <summary>Reads a model from its files' bytes; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="DataFileException">The fingerprint does not match, or the files are not a model.</exception>
    public static ScoringModel Deserialize(byte[] modelZip, byte[] treeExport, string fingerprint, string source)
    {
        CheckFingerprint(modelZip, treeExport, TreeExport, fingerprint, source);
        var (context, pipeline, content) = Open(modelZip, () => TreeJson.Read(treeExport), source);

        var (trees, calibrator) = TreeModelOf(pipeline)
            ?? throw new DataFileException(Path.Combine(source, ModelZip), 0, 0, "the model zip holds no FastTree or LightGbm binary model.");
        var fromZip = TreeEnsemble.Read(content.Ensemble.FeatureNames, trees, calibrator.Slope, calibrator.Offset, null);
        if (!SameTrees(fromZip, content.Ensemble))
            throw new DataFileException(Path.Combine(source, TreeExport), 0, 0, "the tree export's trees are not those of the model zip.");
        if (!SamePlacement(pipeline, content.Ensemble))
            throw new DataFileException(Path.Combine(source, TreeExport), 0, 0, "the tree export's missing-value placement is not that of the model zip.");
        return new ScoringModel(context, pipeline, content.Ensemble)
        {
            LabelName = content.LabelName,
            Calibrator = content.Calibrator,
            TrainingOptions = content.TrainingOptions,
            Metrics = content.Metrics,
            Metadata = content.Metadata,
        };
    }

    /// <summary>The tree model and the trainer's own calibrator inside a (nested) transformer chain, or null.</summary>
    internal static (TreeEnsembleModelParametersBasedOnRegressionTree Trees, PlattCalibrator Calibrator)? TreeModelOf(ITransformer transformer)
    {
        if (transformer is IEnumerable<ITransformer> chain)
            return chain.Select(TreeModelOf).FirstOrDefault(found => found is not null);
        return transformer is ISingleFeaturePredictionTransformer<object> { Model: var model } ? model switch
        {
            CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator> fastTree => (fastTree.SubModel, fastTree.Calibrator),
            CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator> lightGbm => (lightGbm.SubModel, lightGbm.Calibrator),
            _ => null,
        } : null;
    }

    /// <summary>Whether the zip's transform fills a row of NaN with the sentinels the export's placement gives each feature.</summary>
    private static bool SamePlacement(ITransformer pipeline, TreeEnsemble ensemble)
    {
        var names = ensemble.FeatureNames;
        var missing = new DenseDataset(names, [.. Enumerable.Repeat(float.NaN, names.Count)]);
        var filled = pipeline.Transform(FeatureFrame.From(missing, withLabel: false))
            .GetColumn<VBuffer<float>>(FeatureFrame.FeaturesColumn).Single().DenseValues();
        return filled.SequenceEqual(Enumerable.Range(0, names.Count).Select(feature => ensemble.MissingValues.Fill(feature, float.NaN)));
    }

    /// <summary>Whether two ensembles have the same splits, leaf values and score scale (counts aside).</summary>
    private static bool SameTrees(TreeEnsemble a, TreeEnsemble b) =>
        a.Bias == b.Bias && a.LogOddsPerScore == b.LogOddsPerScore && a.LogOddsOffset == b.LogOddsOffset && a.Trees.Count == b.Trees.Count
        && a.Trees.Zip(b.Trees).All(pair =>
            pair.First.SplitFeatures.SequenceEqual(pair.Second.SplitFeatures)
            && pair.First.Thresholds.SequenceEqual(pair.Second.Thresholds)
            && pair.First.LeftChildren.SequenceEqual(pair.Second.LeftChildren)
            && pair.First.RightChildren.SequenceEqual(pair.Second.RightChildren)
            && pair.First.LeafValues.SequenceEqual(pair.Second.LeafValues));
}
