using System.Text.Json.Serialization;
using EarlyHelp.Analytics.Evaluation.Statistics;

namespace EarlyHelp.Analytics.Pipelines.Comparison;

/// <summary>A metric's value on the rows and its bootstrap percentile interval.</summary>
/// <param name="Value">The value on the rows as they are.</param>
/// <param name="Interval">Percentile interval over the resamples.</param>
public sealed record MetricEstimate(
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("interval")] Interval Interval);

/// <summary>One scorer's metrics on the test rows, each with its interval.</summary>
/// <param name="Scorer">The scorer's name, e.g. <c>model</c>.</param>
/// <param name="Metrics">Estimates by metric name (<see cref="MetricNames"/>).</param>
/// <param name="PromptedWhoEscalated">Of the K prompted test families, how many escalated.</param>
public sealed record ScorerResult(
    [property: JsonPropertyName("scorer")] string Scorer,
    [property: JsonPropertyName("metrics")] IReadOnlyDictionary<string, MetricEstimate> Metrics,
    [property: JsonPropertyName("prompted_who_escalated")] long PromptedWhoEscalated);

/// <summary>How one scorer differs from another on the same rows: the first's metrics minus the second's, resampled together.</summary>
/// <param name="Scorer">The scorer judged.</param>
/// <param name="Against">The scorer it is compared with.</param>
/// <param name="Differences">Scorer − against, by metric name, with paired bootstrap intervals.</param>
public sealed record ScorerDifference(
    [property: JsonPropertyName("scorer")] string Scorer,
    [property: JsonPropertyName("against")] string Against,
    [property: JsonPropertyName("differences")] IReadOnlyDictionary<string, MetricEstimate> Differences)
{
    /// <summary>
    /// Whether the scorer is better on <paramref name="metric"/> beyond chance: the interval of the
    /// difference lies wholly on the better side of 0.
    /// </summary>
    public bool BetterBeyondChance(string metric)
    {
        var interval = Differences[metric].Interval;
        return interval.IsDefined && (MetricNames.HigherIsBetter(metric) ? interval.Lower > 0 : interval.Upper < 0);
    }

    /// <summary>
    /// Whether the scorer beats the other as a ranking for the panel: better on AUC beyond chance, and not
    /// worse at capacity by the point estimate. The interval is not required at capacity: with a few dozen
    /// prompted test families it is too wide to separate even a better model, and a model that ranks better
    /// overall is not refused for a tie at the top.
    /// </summary>
    public bool Beats() => BetterBeyondChance(MetricNames.Auc) && NotWorse(MetricNames.PrecisionAtCapacity);

    /// <summary>Whether the scorer is at least as good on <paramref name="metric"/> by the point estimate.</summary>
    public bool NotWorse(string metric)
    {
        var value = Differences[metric].Value;
        return MetricNames.HigherIsBetter(metric) ? value >= 0 : value <= 0;
    }
}

/// <summary>Everything a paired bootstrap over test rows gives: each scorer's metrics and the first scorer against each other.</summary>
/// <param name="Rows">Test rows.</param>
/// <param name="Positives">Test rows with the outcome.</param>
/// <param name="Capacity">K: how many of the test rows count as prompted.</param>
/// <param name="Resamples">Bootstrap resamples.</param>
/// <param name="Scorers">Each scorer's metrics.</param>
/// <param name="Differences">The first scorer against each of the others.</param>
public sealed record ScorerComparison(
    [property: JsonPropertyName("rows")] int Rows,
    [property: JsonPropertyName("positives")] long Positives,
    [property: JsonPropertyName("capacity")] int Capacity,
    [property: JsonPropertyName("resamples")] int Resamples,
    [property: JsonPropertyName("scorers")] IReadOnlyList<ScorerResult> Scorers,
    [property: JsonPropertyName("differences")] IReadOnlyList<ScorerDifference> Differences)
{
    /// <summary>The scorer named <paramref name="name"/>.</summary>
    public ScorerResult Scorer(string name) => Scorers.Single(s => s.Scorer == name);

    /// <summary>The first scorer against the one named <paramref name="against"/>.</summary>
    public ScorerDifference Against(string against) => Differences.Single(d => d.Against == against);
}
