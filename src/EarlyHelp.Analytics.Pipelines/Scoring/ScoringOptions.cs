using System.Globalization;

namespace EarlyHelp.Analytics.Pipelines.Scoring;

/// <summary>What a scoring run does: the as-of date, the panel's capacity, and how much of each family a prompt shows.</summary>
public sealed record ScoringOptions
{
    /// <summary>The as-of date T: features use only what was recorded before T. No default; at most the day after the hub's extract date.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The panel's capacity K: the run stores the K highest-ranked families as prompts. No default; at least 1.</summary>
    public required int Capacity { get; init; }

    /// <summary>Factors that raised the score shown on a prompt, largest first. Default 6; 1 to 20.</summary>
    public int RaisingFactors { get; init; } = 6;

    /// <summary>Factors that lowered the score shown on a prompt, largest first. Default 3; 0 to 20.</summary>
    public int LoweringFactors { get; init; } = 3;

    /// <summary>Months in each trajectory chart. Default 24; 1 to 36 (the months the features track).</summary>
    public int TrajectoryMonths { get; init; } = 24;

    /// <summary>Threads for features, scores and explanations. Default: every core. The run does not depend on it.</summary>
    public int? Threads { get; init; }

    /// <summary>Every problem with the options, one message each; empty when they are valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (Capacity < 1)
            yield return Message($"The 'Capacity' option must be at least 1. Got {Capacity} instead.");
        if (RaisingFactors is < 1 or > 20)
            yield return Message($"The 'RaisingFactors' option must be between 1 and 20. Got {RaisingFactors} instead.");
        if (LoweringFactors is < 0 or > 20)
            yield return Message($"The 'LoweringFactors' option must be between 0 and 20. Got {LoweringFactors} instead.");
        if (TrajectoryMonths is < 1 or > 36)
            yield return Message($"The 'TrajectoryMonths' option must be between 1 and 36. Got {TrajectoryMonths} instead.");
        if (Threads is < 1)
            yield return Message($"The 'Threads' option must be at least 1. Got {Threads} instead.");
    }

    /// <summary>
    /// The problem with the as-of date for a hub extracted on <paramref name="extractDate"/>, or null. The day after the
    /// extract date is the latest T: it sees every record the extract holds, and a later T would read the months after
    /// the extract as months without records.
    /// </summary>
    public string? CheckAsOf(DateOnly extractDate) => AsOf > extractDate.AddDays(1)
        ? Message($"The as-of date must be no later than the day after the hub's extract date ({extractDate:yyyy-MM-dd}), {extractDate.AddDays(1):yyyy-MM-dd}. Got {AsOf:yyyy-MM-dd} instead.")
        : null;

    private static string Message(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
