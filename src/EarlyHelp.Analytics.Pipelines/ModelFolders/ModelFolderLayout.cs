using EarlyHelp.Analytics.Learning.Models;

namespace EarlyHelp.Analytics.Pipelines.ModelFolders;

/// <summary>The files of a model folder (<c>models/NAME/</c>). The web app links the HTML reports by these names.</summary>
public static class ModelFolderLayout
{
    /// <summary>The model file: trees, calibrator, feature names, sealed with SHA-256 (the learning engine's format).</summary>
    public const string Model = ModelFiles.ModelZip;

    /// <summary>The readable export of the trees, with the training-row counts TreeSHAP needs.</summary>
    public const string Trees = ModelFiles.TreeExport;

    /// <summary>The readable export of a logistic regression, in a folder that holds one instead of <see cref="Trees"/>: weights, fills and the baseline of its explanations.</summary>
    public const string Linear = ModelFiles.LinearExport;

    /// <summary>The model's reproducible fingerprint (SHA-256 hex of the zip's entries and the tree export).</summary>
    public const string Fingerprint = ModelFiles.Fingerprint;

    /// <summary>Test-period metrics of the model and the baselines, with intervals; the split; leakage; the champion; the flags.</summary>
    public const string Metrics = "metrics.json";

    /// <summary>The model card, Markdown.</summary>
    public const string CardMarkdown = "model_card.md";

    /// <summary>The model card, a self-contained HTML page.</summary>
    public const string CardHtml = "model_card.html";

    /// <summary>The fairness audit of the test period, data.</summary>
    public const string FairnessJson = "fairness.json";

    /// <summary>The fairness audit of the test period, for reading and printing.</summary>
    public const string FairnessHtml = "fairness.html";

    /// <summary>The calibration report of the test period, data.</summary>
    public const string CalibrationJson = "calibration.json";

    /// <summary>The calibration report of the test period, for reading and printing.</summary>
    public const string CalibrationHtml = "calibration.html";

    /// <summary>The features, in model column order: name, description, category, unit.</summary>
    public const string FeatureCatalogue = "feature_catalogue.csv";

    /// <summary>The training-data fingerprint: hub counts, as-of dates, split, table hashes.</summary>
    public const string TrainingData = "training_data.json";

    /// <summary>Population stability of each feature and of the score, training period against the as-of date.</summary>
    public const string Drift = "drift.json";

    /// <summary>The rolling-origin backtest, data (only when asked for).</summary>
    public const string BacktestJson = "backtest.json";

    /// <summary>The rolling-origin backtest, for reading and printing (only when asked for).</summary>
    public const string BacktestHtml = "backtest.html";

    /// <summary>Subfolder holding the fairness and calibration reports against true need, when a truth folder was given (synthetic cities only).</summary>
    public const string TrueNeedFolder = "true_need";

    /// <summary>Prefix of the hidden sibling folder a run writes into before the rename that puts the model in place.</summary>
    public const string PartialPrefix = ".";

    /// <summary>Suffix, before the process id, of that hidden folder.</summary>
    public const string PartialSuffix = ".partial-";

    /// <summary>The hidden sibling folder a run of process <paramref name="processId"/> writes model <paramref name="name"/> into.</summary>
    public static string PartialFolder(string parent, string name, int processId) =>
        Path.Combine(parent, $"{PartialPrefix}{name}{PartialSuffix}{processId}");

    /// <summary>The model's name: the last part of its folder path.</summary>
    public static string NameOf(string folder) => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
}
