using System.Globalization;

namespace EarlyHelp.Analytics.Evaluation.Fairness;

/// <summary>Settings of <see cref="FairnessAudit"/>; each default is stated, all are checked by <see cref="Validate"/>.</summary>
public sealed record FairnessAuditOptions
{
    /// <summary>Which rows count as selected. Default: score at or above 0.5.</summary>
    public SelectionRule Selection { get; init; } = new SelectionRule.AtThreshold(0.5);

    /// <summary>
    /// Reference groups by name: a group column that holds one of these names compares every group
    /// with it; a column that holds none compares with its largest group. Default: none (largest).
    /// </summary>
    public IReadOnlyList<string> ReferenceGroups { get; init; } = [];

    /// <summary>What selection leads to, which decides the harm to watch. Default <see cref="InterventionKind.Assistive"/>.</summary>
    public InterventionKind Intervention { get; init; } = InterventionKind.Assistive;

    /// <summary>Bootstrap resamples for the disparity intervals. Default 1,000; 0 turns the intervals (and so the flags) off.</summary>
    public int BootstrapResamples { get; init; } = 1000;

    /// <summary>Seed of the bootstrap, so that a report can be reproduced exactly. Default 20240401.</summary>
    public int Seed { get; init; } = 20240401;

    /// <summary>Confidence level of every interval. Default 0.95; between 0.5 and 0.999.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>
    /// A disparity ratio inside [1/<see cref="DisparityTolerance"/>, <see cref="DisparityTolerance"/>] is
    /// not flagged. Default 1.25, giving [0.8, 1.25] (the "four-fifths rule" of the US EEOC's 1978
    /// Uniform Guidelines, made symmetric); at least 1.
    /// </summary>
    public double DisparityTolerance { get; init; } = 1.25;

    /// <summary>A group with fewer rows gets a small-group warning instead of flags. Default 100; at least 1.</summary>
    public int SmallGroupRows { get; init; } = 100;

    /// <summary>A group with fewer positives gets a small-group warning instead of flags. Default 10; at least 0.</summary>
    public int SmallGroupPositives { get; init; } = 10;

    /// <summary>
    /// A group expected to have fewer of the selected than this, had selection ignored groups (its rows × the
    /// share selected overall), gets a small-group warning instead of flags. Default 5, the smallest expected count
    /// at which a normal approximation to a count is commonly trusted (Cochran 1954); at least 0. At a panel's
    /// capacity of a few dozen families, most groups' selection rates rest on a handful and cannot be judged.
    /// </summary>
    public double SmallGroupExpectedSelected { get; init; } = 5;

    /// <summary>
    /// A rate is compared only when both the group and its reference have at least this many in the rate's
    /// denominator (rows for the selection rate, the selected for PPV and FDR, the not selected for NPV and FOR,
    /// people with the outcome for TPR and FNR, people without it for FPR); below it the comparison is small and not
    /// judged. Default 20, after the Office for National Statistics' practice of marking a rate built on fewer than 20
    /// as unreliable: its relative standard error is then about 1/√20 ≈ 22%, as wide as the band [0.8, 1.25] the
    /// ratio is read against. At least 1.
    /// </summary>
    public int MinimumRateDenominator { get; init; } = 20;

    /// <summary>Also audit the intersections of each pair of group columns. Default true.</summary>
    public bool Intersections { get; init; } = true;

    /// <summary>
    /// The capacities of the sweep, as shares of the population (K = round(share · n)). Default
    /// 0.5%, 1%, 2%, 3%, 5%, 7.5%, 10%, 15%, 20%, 25%, 30%, 40%, 50%; each in (0, 1].
    /// </summary>
    public IReadOnlyList<double> CapacityFractions { get; init; } = [0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5];

    /// <summary>Every problem with the settings, one message each; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        switch (Selection)
        {
            case null:
                yield return "The 'Selection' option must be set.";
                break;
            case SelectionRule.AtThreshold { Value: var threshold } when !double.IsFinite(threshold):
                yield return Invariant($"The threshold must be a finite number. Got {threshold} instead.");
                break;
            case SelectionRule.TopK { Count: < 1 and var count }:
                yield return Invariant($"The top-K count must be at least 1. Got {count} instead.");
                break;
            case SelectionRule.TopFraction { Fraction: var fraction } when !(fraction > 0 && fraction <= 1):
                yield return Invariant($"The top fraction must lie in (0, 1]. Got {fraction} instead.");
                break;
        }

        if (BootstrapResamples < 0)
            yield return Invariant($"The 'BootstrapResamples' option must not be negative. Got {BootstrapResamples} instead.");
        if (!(ConfidenceLevel >= 0.5 && ConfidenceLevel <= 0.999))
            yield return Invariant($"The 'ConfidenceLevel' option must lie in [0.5, 0.999]. Got {ConfidenceLevel} instead.");
        if (!(DisparityTolerance >= 1) || double.IsInfinity(DisparityTolerance))
            yield return Invariant($"The 'DisparityTolerance' option must be a number of at least 1. Got {DisparityTolerance} instead.");
        if (SmallGroupRows < 1)
            yield return Invariant($"The 'SmallGroupRows' option must be at least 1. Got {SmallGroupRows} instead.");
        if (!(SmallGroupExpectedSelected >= 0))
            yield return Invariant($"The 'SmallGroupExpectedSelected' option must not be negative. Got {SmallGroupExpectedSelected} instead.");
        if (MinimumRateDenominator < 1)
            yield return Invariant($"The 'MinimumRateDenominator' option must be at least 1. Got {MinimumRateDenominator} instead.");
        if (SmallGroupPositives < 0)
            yield return Invariant($"The 'SmallGroupPositives' option must not be negative. Got {SmallGroupPositives} instead.");
        if (CapacityFractions.Any(f => !(f > 0 && f <= 1)))
            yield return Invariant($"Each of the 'CapacityFractions' must lie in (0, 1]. Got {string.Join(", ", CapacityFractions)} instead.");
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, or returns when valid.</summary>
    public void EnsureValid()
    {
        var problems = Validate().ToList();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
