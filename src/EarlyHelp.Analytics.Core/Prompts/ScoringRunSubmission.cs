namespace EarlyHelp.Analytics.Core.Prompts;

/// <summary>One scored family that made the top K: its hub id (kept by the store, never shown), probability and content.</summary>
/// <param name="Family">The family's hub id.</param>
/// <param name="Probability">The calibrated probability of escalation.</param>
/// <param name="Content">What its prompt will show.</param>
public sealed record ScoredFamily(FamilyId Family, double Probability, PromptContent Content);

/// <summary>
/// What a scoring command hands to the store to save a run: the run's facts and its top K families, highest
/// probability first. The store draws the references, numbers the ranks from 1 in the order given, and
/// stamps the time.
/// </summary>
public sealed record ScoringRunSubmission
{
    /// <summary>The longest model name, version or creator accepted.</summary>
    public const int MaximumNameLength = 200;

    /// <summary>The model used.</summary>
    public required ModelReference Model { get; init; }

    /// <summary>The as-of date of the features.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The panel's capacity K: at most this many prompts. At least 1.</summary>
    public required int Capacity { get; init; }

    /// <summary>Who ran the scoring (a user name).</summary>
    public required string CreatedBy { get; init; }

    /// <summary>Eligible families scored. At least the number of prompts.</summary>
    public required long FamiliesScored { get; init; }

    /// <summary>Families not scored, by reason.</summary>
    public required ExclusionCounts Excluded { get; init; }

    /// <summary>True when the model is not the registry's champion: the run is stored and shown as a trial.</summary>
    public bool Trial { get; init; }

    /// <summary>The top families, highest probability first; at most <see cref="Capacity"/>, each family once.</summary>
    public required IReadOnlyList<ScoredFamily> Prompts { get; init; }

    /// <summary>Every problem with the submission, one message each; empty when it can be saved.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var (name, value) in new[] { ("Model.Name", Model.Name), ("Model.Version", Model.Version), ("CreatedBy", CreatedBy) })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > MaximumNameLength)
                yield return $"The '{name}' must hold 1 to {MaximumNameLength} characters. Got {value?.Length ?? 0} instead.";
        }
        if (Model.Sha256 is not { Length: 64 } sha || !sha.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
            yield return $"The 'Model.Sha256' must be 64 lower-case hex digits. Got '{Model.Sha256}' instead.";
        if (Capacity < 1)
            yield return $"The 'Capacity' must be at least 1. Got {Capacity} instead.";
        if (Prompts.Count > Capacity)
            yield return $"The 'Prompts' must number at most the capacity {Capacity}. Got {Prompts.Count} instead.";
        if (FamiliesScored < Prompts.Count)
            yield return $"The 'FamiliesScored' must be at least the number of prompts {Prompts.Count}. Got {FamiliesScored} instead.";
        if (Excluded.StatutoryAlready < 0 || Excluded.OptedOut < 0 || Excluded.NoDependentChild < 0)
            yield return $"The 'Excluded' counts must not be negative. Got {Excluded} instead.";
        if (Prompts.Select(p => p.Family).Distinct().Count() != Prompts.Count)
            yield return "The 'Prompts' must name each family once.";
        for (var i = 0; i < Prompts.Count; i++)
        {
            var probability = Prompts[i].Probability;
            if (double.IsNaN(probability) || probability is < 0 or > 1)
                yield return $"The probability of prompt {i + 1} must lie in [0, 1]. Got {probability} instead.";
            else if (i > 0 && probability > Prompts[i - 1].Probability)
                yield return $"The 'Prompts' must be in order of probability, highest first. Prompt {i + 1} has {probability}, more than {Prompts[i - 1].Probability} before it.";
            foreach (var problem in Prompts[i].Content.Validate())
                yield return $"Prompt {i + 1}: {problem}";
        }
    }
}
