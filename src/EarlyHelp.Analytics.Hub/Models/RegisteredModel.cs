namespace EarlyHelp.Analytics.Hub.Models;

/// <summary>Where a registered model stands.</summary>
public enum ModelStatus
{
    /// <summary>Trained and registered; not used by the panel until a named person promotes it.</summary>
    Candidate,

    /// <summary>The one model the panel's scoring runs use.</summary>
    Champion,

    /// <summary>A former champion, replaced by a later promotion; kept for the record.</summary>
    Retired,
}

/// <summary>Codes of <see cref="ModelStatus"/> values as the hub stores them.</summary>
public static class ModelStatuses
{
    /// <summary>The hub code: <c>candidate</c>, <c>champion</c> or <c>retired</c>.</summary>
    public static string Code(this ModelStatus status) => status switch
    {
        ModelStatus.Candidate => "candidate",
        ModelStatus.Champion => "champion",
        ModelStatus.Retired => "retired",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown model status."),
    };

    /// <summary>Reads a hub code; throws <see cref="InvalidDataException"/> for anything else.</summary>
    public static ModelStatus Parse(string code) => code switch
    {
        "candidate" => ModelStatus.Candidate,
        "champion" => ModelStatus.Champion,
        "retired" => ModelStatus.Retired,
        _ => throw new InvalidDataException($"'{code}' is not a model status."),
    };
}

/// <summary>What a training run registers: the model folder and its headline test-period figures.</summary>
/// <param name="Name">The model's name: the last part of its folder path, unique in the registry.</param>
/// <param name="Folder">The model folder, as given to the training run.</param>
/// <param name="ModelSha256">SHA-256 (lower-case hex) of the folder's model file, so that the exact model can be found again.</param>
/// <param name="AsOf">The training run's as-of date: nothing recorded after it was used.</param>
/// <param name="TestAsOf">The as-of date of the test period the metrics were measured on.</param>
/// <param name="Metrics">Headline test-period metrics by name (e.g. <c>auc</c>, <c>ece</c>).</param>
public sealed record ModelRegistration(
    string Name, string Folder, string ModelSha256, DateOnly AsOf, DateOnly TestAsOf, IReadOnlyDictionary<string, double> Metrics);

/// <summary>A row of the model registry.</summary>
/// <param name="Registration">What the training run registered.</param>
/// <param name="CreatedAt">When it was registered (UTC).</param>
/// <param name="CreatedBy">Who ran the training.</param>
/// <param name="Status">Candidate, champion or retired.</param>
/// <param name="Promotion">Who promoted it, when and why; null for a model never promoted.</param>
/// <param name="RetiredAt">When a later promotion replaced it; null unless retired.</param>
public sealed record RegisteredModel(
    ModelRegistration Registration, DateTimeOffset CreatedAt, string CreatedBy, ModelStatus Status, ModelPromotion? Promotion, DateTimeOffset? RetiredAt)
{
    /// <summary>The model's name.</summary>
    public string Name => Registration.Name;
}

/// <summary>A named person's promotion of a model to champion.</summary>
/// <param name="By">Who promoted it.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Note">Their note: why, and what they concluded about each fairness flag.</param>
public sealed record ModelPromotion(string By, DateTimeOffset At, string Note);
