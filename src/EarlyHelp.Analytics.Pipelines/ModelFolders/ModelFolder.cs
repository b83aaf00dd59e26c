using System.Text.Json;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Evaluation.Output;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Models;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Pipelines.ModelFolders;

/// <summary>A model folder, loaded and checked: what scoring needs (the trees, the calibrator, the feature names) and what the run recorded.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="Folder">The folder, full path.</param>
/// <param name="Model">Trees, calibrator and feature names (in <see cref="ScoringModel.Ensemble"/>), ready to score.</param>
/// <param name="ModelSha256">SHA-256 of the model file, checked against the one the run recorded.</param>
/// <param name="Report">The run's metrics.</param>
/// <param name="TrainingData">The training-data fingerprint.</param>
public sealed record LoadedModel(string Name, string Folder, ScoringModel Model, string ModelSha256, TrainingReport Report, TrainingDataFingerprint TrainingData)
{
    /// <summary>The features the model expects, in column order.</summary>
    public IReadOnlyList<string> FeatureNames => Model.Ensemble.FeatureNames;
}

/// <summary>Loads model folders for scoring, comparison and promotion.</summary>
public static class ModelFolder
{
    /// <summary>
    /// Loads <paramref name="folder"/>: reads <c>metrics.json</c> and <c>training_data.json</c>, checks that
    /// the SHA-256 of <c>model.json</c>'s bytes is the one recorded there (and the file's own seal), and
    /// returns the model. Throws <see cref="BadInputException"/> naming the file at fault.
    /// </summary>
    public static LoadedModel Load(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!Directory.Exists(full))
            throw new BadInputException(folder, "there is no model folder here");
        var report = ReadJson<TrainingReport>(full, ModelFolderLayout.Metrics);
        var trainingData = ReadJson<TrainingDataFingerprint>(full, ModelFolderLayout.TrainingData);
        var modelPath = Path.Combine(full, ModelFolderLayout.Model);
        if (!File.Exists(modelPath))
            throw new BadInputException(modelPath, "the model file is missing");
        var bytes = File.ReadAllBytes(modelPath);
        var sha256 = ModelFolderWriter.Sha256(bytes);
        if (sha256 != report.ModelSha256)
            throw new BadInputException(modelPath, $"the model file's SHA-256 is {sha256} but {ModelFolderLayout.Metrics} records {report.ModelSha256}: the file was changed after training");
        ScoringModel model;
        try
        {
            model = ModelFile.Deserialize(bytes, modelPath);
        }
        catch (DataFileException e)
        {
            throw new BadInputException(modelPath, e.Reason);
        }
        if (!model.Ensemble.FeatureNames.SequenceEqual(trainingData.Features, StringComparer.Ordinal))
            throw new BadInputException(modelPath, $"the model's features are not those {ModelFolderLayout.TrainingData} lists");
        return new LoadedModel(report.Name, full, model, sha256, report, trainingData);
    }

    /// <summary>Reads one of a folder's JSON files, as the reports are written (undefined numbers as null).</summary>
    internal static T ReadJson<T>(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
            throw new BadInputException(path, "the file is missing from the model folder");
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), ReportJson.Options)
                ?? throw new BadInputException(path, "the file is empty");
        }
        catch (JsonException e)
        {
            throw new BadInputException(path, $"the file is not valid: {e.Message}");
        }
    }
}
