using System.Globalization;
using System.Text.Json.Serialization;
using EarlyHelp.Analytics.Evaluation.Statistics;

namespace EarlyHelp.Analytics.Evaluation.Calibration;

/// <summary>The verdict of <see cref="CalibrationGate"/>: <c>pass</c>, <c>fail</c> or <c>not_assessable</c>, with every reason.</summary>
/// <param name="Value"><c>pass</c>, <c>fail</c> or <c>not_assessable</c>.</param>
/// <param name="Reasons">Each check that failed, or why none could be judged; the figures behind a pass.</param>
public sealed record CalibrationVerdict(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons)
{
    /// <summary>The score is calibrated enough to act on.</summary>
    public const string Pass = "pass";

    /// <summary>At least one check failed.</summary>
    public const string Fail = "fail";

    /// <summary>Too few outcomes to judge.</summary>
    public const string NotAssessable = "not_assessable";
}

/// <summary>
/// Whether a probability score is calibrated enough to put in front of a panel, by checks that a useless or
/// mis-scaled score fails. The mean error over equal-width bins cannot do this: at a 2% base rate almost every
/// row falls in the first bin, so a constant score at the base rate has an error near 0. Instead, the
/// calibration hierarchy of Van Calster et al. (2016, J Clin Epidemiol 74:167) at its "weak" level:
/// <list type="number">
/// <item>Enough outcomes: at least <see cref="MinimumEvents"/> with and without the outcome (Vergouwe et al. 2005,
/// J Clin Epidemiol 58:475, for validating a logistic model); otherwise not assessable.</item>
/// <item>Discrimination: the AUC's 95% interval lies above 0.5. A constant score has none, and its calibration
/// slope is undefined.</item>
/// <item>Calibration in the large: observed over expected outcomes (O/E), with the interval O/E·exp(±z/√O)
/// (Debray et al. 2017, BMJ 356:i6460), fails when it lies outside [0.8, 1.25] and its interval excludes 1.
/// A score doubled in probability gives O/E near 0.5.</item>
/// <item>Calibration slope: the logistic recalibration's slope fails when it lies outside [0.8, 1.25] and its
/// Wald interval excludes 1 (scores too extreme below 0.8, too timid above 1.25).</item>
/// </list>
/// The band [0.8, 1.25] is the one the fairness audit uses for ratios; like it, a failure needs both a
/// material size and an interval that rules out chance, so a large test set does not fail a negligible error.
/// </summary>
public static class CalibrationGate
{
    /// <summary>Fewest outcomes, and fewest rows without one, for a verdict (Vergouwe et al. 2005).</summary>
    public const int MinimumEvents = 100;

    /// <summary>O/E and the slope inside [1/<see cref="Tolerance"/>, <see cref="Tolerance"/>] are accepted whatever their interval.</summary>
    public const double Tolerance = 1.25;

    /// <summary>Judges one score's overall calibration; <paramref name="aucInterval"/> is its AUC's interval at level <paramref name="z"/>.</summary>
    public static CalibrationVerdict Judge(CalibrationSummary summary, Interval aucInterval, double z)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (TooFewEvents(summary) is { } shortfall)
            return new CalibrationVerdict(CalibrationVerdict.NotAssessable, [shortfall]);

        var failures = new List<string>();
        var figures = new List<string>();
        var discriminates = aucInterval.IsDefined && aucInterval.Lower > 0.5;
        Record(discriminates, Invariant($"AUC {summary.Auc:0.000} (interval {aucInterval.Lower:0.000} to {aucInterval.Upper:0.000}; must lie above 0.5)"));

        var (observedOverExpected, ratioInterval) = ObservedOverExpected(summary, z);
        Record(!Material(observedOverExpected, ratioInterval), Invariant(
            $"observed / expected outcomes {observedOverExpected:0.00} (interval {ratioInterval.Lower:0.00} to {ratioInterval.Upper:0.00}; fails outside [{1 / Tolerance:0.00}, {Tolerance:0.00}] when the interval excludes 1)"));

        var slope = summary.CalibrationSlope;
        Record(double.IsFinite(slope) && !Material(slope, summary.CalibrationSlopeInterval), Invariant(
            $"calibration slope {slope:0.00} (interval {summary.CalibrationSlopeInterval.Lower:0.00} to {summary.CalibrationSlopeInterval.Upper:0.00}; fails outside [{1 / Tolerance:0.00}, {Tolerance:0.00}] when the interval excludes 1)"));

        return failures.Count == 0
            ? new CalibrationVerdict(CalibrationVerdict.Pass, figures)
            : new CalibrationVerdict(CalibrationVerdict.Fail, failures);

        void Record(bool passed, string text) => (passed ? figures : failures).Add(text);
    }

    /// <summary>Why the rows cannot resolve calibration (fewer than <see cref="MinimumEvents"/> with or without the outcome), or null.</summary>
    internal static string? TooFewEvents(CalibrationSummary summary)
    {
        var negatives = summary.Rows - summary.Positives;
        return summary.Positives < MinimumEvents || negatives < MinimumEvents
            ? Invariant($"{summary.Positives} rows with the outcome and {negatives} without; at least {MinimumEvents} of each are needed to judge calibration")
            : null;
    }

    /// <summary>Observed over expected outcomes and its interval O/E·exp(±z/√O) (Debray et al. 2017); NaN when nothing is expected.</summary>
    internal static (double Ratio, Interval Interval) ObservedOverExpected(CalibrationSummary summary, double z)
    {
        var expected = summary.MeanScore * summary.Rows;
        var ratio = expected > 0 ? summary.Positives / expected : double.NaN;
        var spread = z / Math.Sqrt(summary.Positives);
        return (ratio, new Interval(ratio * Math.Exp(-spread), ratio * Math.Exp(spread)));
    }

    /// <summary>Whether a ratio lies outside [1/<see cref="Tolerance"/>, <see cref="Tolerance"/>].</summary>
    internal static bool OutsideBand(double ratio) => ratio < 1 / Tolerance || ratio > Tolerance;

    /// <summary>Outside the band and, by its interval, not chance; undefined counts as material.</summary>
    private static bool Material(double ratio, Interval interval) =>
        !double.IsFinite(ratio) || (OutsideBand(ratio) && interval.Excludes(1));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
