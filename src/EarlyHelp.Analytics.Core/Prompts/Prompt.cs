namespace EarlyHelp.Analytics.Core.Prompts;

/// <summary>
/// A prompt for the early-help panel: a family the model ranked within the panel's capacity, known only by a
/// pseudonymous reference. The family's hub id stays in the store, for re-identification and opt-out only.
/// </summary>
/// <param name="Reference">The pseudonymous reference.</param>
/// <param name="Run">The scoring run that made it.</param>
/// <param name="Rank">Its rank in the run, from 1 (highest probability).</param>
/// <param name="Probability">The calibrated probability of escalation within the horizon.</param>
/// <param name="Content">The evidence, trajectories, agencies and freshness it shows.</param>
public sealed record Prompt(PromptReference Reference, ScoringRunId Run, int Rank, double Probability, PromptContent Content)
{
    /// <summary>The words every prompt shows, wherever it is shown.</summary>
    public const string Wording = "Prompt for professional review — not a decision";

    /// <summary>The band of <see cref="Probability"/>.</summary>
    public RiskBand Band => RiskBands.For(Probability);
}
