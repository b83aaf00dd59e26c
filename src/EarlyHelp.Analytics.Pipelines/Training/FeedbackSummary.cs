using System.Globalization;
using System.Text.Json.Serialization;
using EarlyHelp.Analytics.Pipelines.Splits;

namespace EarlyHelp.Analytics.Pipelines.Training;

/// <summary>The rows a run left out because the panel's offer of early help fell in their outcome window.</summary>
/// <param name="Offers">Prompts in the hub answered with an offer of early help.</param>
/// <param name="Families">Families with at least one such prompt.</param>
/// <param name="RowsExcluded">Rows left out, by role (training, validation, calibration).</param>
/// <param name="Rule">The rule in words.</param>
public sealed record FeedbackSummary(
    [property: JsonPropertyName("offers")] int Offers,
    [property: JsonPropertyName("families")] int Families,
    [property: JsonPropertyName("rows_excluded")] IReadOnlyDictionary<string, int> RowsExcluded,
    [property: JsonPropertyName("rule")] string Rule)
{
    /// <summary>The rule as the report and the model card state it.</summary>
    public const string RuleText =
        "A family's row at as-of date t is left out of training, validation and calibration when a prompt for the family, answered by the panel with an offer of early help, overlaps its outcome window (t, t + horizon]: the prompt's run is dated on or before the window's end and the first review offering help falls after t. Such a label records escalation with the help the model prompted. Test rows are kept and judged as they fell.";

    /// <summary>Rows left out over every role.</summary>
    [JsonIgnore] public int TotalRowsExcluded => RowsExcluded.Values.Sum();

    /// <summary>The summary of <paramref name="split"/> under <paramref name="feedback"/>.</summary>
    public static FeedbackSummary Of(FeedbackExclusion feedback, DataSplit split)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentNullException.ThrowIfNull(split);
        return new FeedbackSummary(feedback.Offers, feedback.Families,
            DataSplit.LearningRoles.ToDictionary(role => role.ToString().ToLowerInvariant(), role => split.ExcludedAsHelped(role).Count), RuleText);
    }

    /// <summary>What was left out, in one sentence, for the run's summary and the model card.</summary>
    public string InWords() => Offers == 0
        ? "No prompt in the hub was answered with an offer of early help, so no row was left out."
        : string.Create(CultureInfo.InvariantCulture,
            $"{Offers:N0} prompts ({Families:N0} families) were answered with an offer of early help; {TotalRowsExcluded:N0} rows whose outcome window they overlap were left out ({string.Join(", ", RowsExcluded.Select(p => $"{p.Key} {p.Value:N0}"))}).");
}
