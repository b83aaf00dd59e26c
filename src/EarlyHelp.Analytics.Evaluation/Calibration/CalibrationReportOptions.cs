using System.Globalization;

namespace EarlyHelp.Analytics.Evaluation.Calibration;

/// <summary>Settings of <see cref="CalibrationAudit"/>.</summary>
public sealed record CalibrationReportOptions
{
    /// <summary>Bins of the reliability diagrams and the Brier decomposition. Default 10; 2 to 100.</summary>
    public int Bins { get; init; } = 10;

    /// <summary>Level of every interval. Default 0.95; between 0.5 and 0.999.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>
    /// A group with fewer rows is marked small and left out of the charts. Default 100; at least 1. Whether a group's
    /// calibration can be judged at all is the gate's rule, at least 100 rows with and 100 without the outcome.
    /// </summary>
    public int SmallGroupRows { get; init; } = 100;

    /// <summary>Also report the intersections of each pair of group columns. Default true.</summary>
    public bool Intersections { get; init; } = true;

    /// <summary>Every problem with the settings, one message each; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (Bins is < 2 or > 100)
            yield return Invariant($"The 'Bins' option must be between 2 and 100. Got {Bins} instead.");
        if (!(ConfidenceLevel >= 0.5 && ConfidenceLevel <= 0.999))
            yield return Invariant($"The 'ConfidenceLevel' option must lie in [0.5, 0.999]. Got {ConfidenceLevel} instead.");
        if (SmallGroupRows < 1)
            yield return Invariant($"The 'SmallGroupRows' option must be at least 1. Got {SmallGroupRows} instead.");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
