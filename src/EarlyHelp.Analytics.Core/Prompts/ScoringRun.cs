using System.Globalization;

namespace EarlyHelp.Analytics.Core.Prompts;

/// <summary>A scoring run's number in the hub, from 1.</summary>
public readonly record struct ScoringRunId(long Value)
{
    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The registered model a run used.</summary>
/// <param name="Name">Registry name, e.g. the folder under <c>models/</c>.</param>
/// <param name="Version">The model's version in the registry.</param>
/// <param name="Sha256">SHA-256 (lower-case hex) of the model file, so that the exact model can be found again.</param>
public sealed record ModelReference(string Name, string Version, string Sha256);

/// <summary>A scoring run as stored: which model scored which families as of when, and how many prompts it made.</summary>
/// <param name="Id">The run's number.</param>
/// <param name="Model">The model used.</param>
/// <param name="AsOf">The as-of date: features use only what was recorded before it.</param>
/// <param name="Capacity">How many prompts the panel can review (the K of the top K).</param>
/// <param name="CreatedAt">When the run was stored.</param>
/// <param name="CreatedBy">Who ran it.</param>
/// <param name="FamiliesScored">Eligible families scored.</param>
/// <param name="Excluded">Families not scored, by reason.</param>
/// <param name="PromptCount">Prompts stored (at most <paramref name="Capacity"/>).</param>
/// <param name="Trial">True when the model was not the champion: a run for evaluation, marked as such wherever it is shown.</param>
public sealed record ScoringRun(
    ScoringRunId Id, ModelReference Model, DateOnly AsOf, int Capacity, DateTimeOffset CreatedAt, string CreatedBy,
    long FamiliesScored, ExclusionCounts Excluded, int PromptCount, bool Trial = false)
{
    /// <summary>What every page and summary says about a trial run's prompts.</summary>
    public const string TrialWording =
        "Trial run: its model is not the champion, so these prompts are for evaluating the model, not for the panel's decisions";
}
