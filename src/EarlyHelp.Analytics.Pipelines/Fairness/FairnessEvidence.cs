using System.Globalization;
using System.Text.Json.Serialization;
using EarlyHelp.Analytics.Evaluation.Fairness;

namespace EarlyHelp.Analytics.Pipelines.Fairness;

/// <summary>
/// Whether a fairness audit could judge anything. A report without flags reads as a pass only when some group
/// other than a reference was large enough to be compared; when every group is small (too few families, too few
/// with the outcome, or too few expected among the families selected at capacity), the absence of flags says
/// nothing, and the verdict is <see cref="NotAssessable"/> with the reasons.
/// </summary>
/// <param name="Value"><see cref="Assessable"/> or <see cref="NotAssessable"/>.</param>
/// <param name="ComparedGroups">Groups, across every dimension, that are neither the reference nor the overall row.</param>
/// <param name="AssessableGroups">Of those, the groups large enough to be flagged.</param>
/// <param name="Reasons">Why not assessable, or what was assessed, in sentences.</param>
public sealed record FairnessEvidence(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("compared_groups")] int ComparedGroups,
    [property: JsonPropertyName("assessable_groups")] int AssessableGroups,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons)
{
    /// <summary>At least one group could be compared with its reference.</summary>
    public const string Assessable = "assessable";

    /// <summary>No group could be compared: the audit cannot tell a fair model from an unfair one.</summary>
    public const string NotAssessable = "not_assessable";

    /// <summary>What a model folder written before this was recorded reads as: not assessable, so it cannot be promoted.</summary>
    public static FairnessEvidence NotRecorded { get; } = new(NotAssessable, 0, 0, ["not recorded: the model was trained before fairness evidence was counted"]);

    /// <summary>Whether at least one group could be judged.</summary>
    [JsonIgnore]
    public bool IsAssessable => Value == Assessable;

    /// <summary>Counts the groups of <paramref name="report"/> that could be judged.</summary>
    public static FairnessEvidence From(FairnessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var compared = report.Groups.Where(g => !g.IsReference).ToArray();
        var assessable = compared.Count(g => !g.SmallGroup);
        if (assessable > 0)
        {
            return new FairnessEvidence(Assessable, compared.Length, assessable,
                [Invariant($"{assessable} of {compared.Length} groups were large enough to compare with their reference group; the other {compared.Length - assessable} are small and were not judged")]);
        }
        var reasons = compared.Length == 0
            ? ["no group besides the reference groups was present to compare"]
            : compared.Select(g => g.SmallGroupReason).OfType<string>().GroupBy(r => r)
                .Select(r => Invariant($"{r.Count()} group(s): {r.Key}")).Prepend(Invariant($"every one of the {compared.Length} compared group(s) is small")).ToArray();
        return new FairnessEvidence(NotAssessable, compared.Length, 0, reasons);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
