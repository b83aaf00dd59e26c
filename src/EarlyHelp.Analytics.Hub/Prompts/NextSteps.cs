namespace EarlyHelp.Analytics.Hub.Prompts;

/// <summary>A step after the panel offered early help (Bristol's process asks for consent before gathering more).</summary>
public enum NextStep
{
    /// <summary>The family was contacted.</summary>
    Contacted,

    /// <summary>The family gave consent to early help.</summary>
    ConsentGiven,

    /// <summary>The family declined.</summary>
    ConsentDeclined,

    /// <summary>The family engaged with the service.</summary>
    Engaged,

    /// <summary>The early-help episode closed.</summary>
    Closed,

    /// <summary>The family was stepped up to children's social care.</summary>
    SteppedUp,
}

/// <summary>Codes and plain names of <see cref="NextStep"/>.</summary>
public static class NextSteps
{
    /// <summary>Every step, in the order they usually come.</summary>
    public static IReadOnlyList<NextStep> All { get; } =
        [NextStep.Contacted, NextStep.ConsentGiven, NextStep.ConsentDeclined, NextStep.Engaged, NextStep.Closed, NextStep.SteppedUp];

    /// <summary>The hub code, e.g. <c>consent_given</c>.</summary>
    public static string Code(this NextStep step) => step switch
    {
        NextStep.Contacted => "contacted",
        NextStep.ConsentGiven => "consent_given",
        NextStep.ConsentDeclined => "consent_declined",
        NextStep.Engaged => "engaged",
        NextStep.Closed => "closed",
        NextStep.SteppedUp => "stepped_up",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown step."),
    };

    /// <summary>The step in words.</summary>
    public static string PlainName(this NextStep step) => step switch
    {
        NextStep.Contacted => "Contacted",
        NextStep.ConsentGiven => "Consent given",
        NextStep.ConsentDeclined => "Consent declined",
        NextStep.Engaged => "Engaged with early help",
        NextStep.Closed => "Closed",
        NextStep.SteppedUp => "Stepped up to children's social care",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown step."),
    };

    /// <summary>Reads a code; false for anything else.</summary>
    public static bool TryParse(string? code, out NextStep step)
    {
        foreach (var candidate in All)
        {
            if (candidate.Code() == code)
            {
                step = candidate;
                return true;
            }
        }
        step = default;
        return false;
    }
}

/// <summary>A recorded step.</summary>
/// <param name="Id">Its number.</param>
/// <param name="Step">What happened.</param>
/// <param name="Date">When it happened.</param>
/// <param name="Note">The recorder's note (may be empty).</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="RecordedAt">When it was recorded (UTC).</param>
public sealed record RecordedStep(long Id, NextStep Step, DateOnly Date, string Note, string RecordedBy, DateTimeOffset RecordedAt);
