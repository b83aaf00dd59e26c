using System.Text.Json;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Evaluation.Output;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Models;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Pipelines.ModelFolders;

/// <summary>A model folder, loaded and checked: what scoring needs (the model of its kind, the calibrator, the feature names) and what the run recorded.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="Folder">The folder, full path.</param>
/// <param name="Model">The model of the kind <c>metrics.json</c> records (trees or a logistic regression), ready to score and explain.</param>
/// <param name="ModelSha256">The model's fingerprint (<see cref="ModelFingerprint"/>), checked against the one the run recorded.</param>
/// <param name="Report">The run's metrics.</param>
/// <param name="TrainingData">The training-data fingerprint.</param>
public sealed record LoadedModel(string Name, string Folder, IScoringModel Model, string ModelSha256, TrainingReport Report, TrainingDataFingerprint TrainingData)
{
    /// <summary>The features the model expects, in column order.</summary>
    public IReadOnlyList<string> FeatureNames => Model.FeatureNames;
}

/// <summary>Loads model folders for scoring, comparison and promotion.</summary>
public static class ModelFolder
{
    /// <summary>
    /// Loads <paramref name="folder"/>: reads <c>metrics.json</c> and <c>training_data.json</c>, checks that
    /// the fingerprint of <c>model.zip</c> and its export (<c>trees.json</c>, or <c>linear.json</c> for a logistic
    /// regression) is the one in <c>fingerprint</c> and the one recorded in <c>metrics.json</c>, and returns the model
    /// of the kind <c>metrics.json</c> records. Throws <see cref="BadInputException"/> naming the file at fault.
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
        var sha256 = ModelFolderWriter.Fingerprint(full);
        if (sha256 != report.ModelSha256)
            throw new BadInputException(modelPath, $"the model's fingerprint is {sha256 ?? "unreadable"} but {ModelFolderLayout.Metrics} records {report.ModelSha256}: the files were changed after training");
        if (!ModelKind.IsKnown(report.ModelKind))
            throw new BadInputException(Path.Combine(full, ModelFolderLayout.Metrics), $"the model kind '{report.ModelKind}' is not one this program can load");
        IScoringModel model;
        try
        {
            model = ModelFiles.Load(full, report.ModelKind);
        }
        catch (DataFileException e)
        {
            throw new BadInputException(e.File, e.Reason);
        }
        if (!model.FeatureNames.SequenceEqual(trainingData.Features, StringComparer.Ordinal))
            throw new BadInputException(modelPath, $"the model's features are not those {ModelFolderLayout.TrainingData} lists");
        try
        {
            trainingData.Caps();
        }
        catch (ArgumentException e)
        {
            throw new BadInputException(Path.Combine(full, ModelFolderLayout.TrainingData), e.Message);
        }
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
