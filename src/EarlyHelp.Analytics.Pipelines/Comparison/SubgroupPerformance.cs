using System.Globalization;
using System.Text.Json.Serialization;
using EarlyHelp.Analytics.Evaluation.Calibration;
using EarlyHelp.Analytics.Learning.Metrics;

namespace EarlyHelp.Analytics.Pipelines.Comparison;

/// <summary>The model on one part of the test families: how many there are, how many the panel would see, and its AUC there.</summary>
/// <param name="Group">The part, e.g. <c>new to children's social care</c>.</param>
/// <param name="Families">Test families in it.</param>
/// <param name="Escalated">Of them, how many escalated.</param>
/// <param name="Prompted">How many of the K prompted test families are in it.</param>
/// <param name="PromptedWhoEscalated">Of those, how many escalated.</param>
/// <param name="Auc">AUC within the part with its bootstrap interval; null when not assessable.</param>
/// <param name="Status"><c>assessable</c> or <c>not_assessable</c>.</param>
/// <param name="Reason">Why not assessable, or null.</param>
public sealed record SubgroupPerformance(
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("families")] int Families,
    [property: JsonPropertyName("escalated")] long Escalated,
    [property: JsonPropertyName("prompted")] int Prompted,
    [property: JsonPropertyName("prompted_who_escalated")] int PromptedWhoEscalated,
    [property: JsonPropertyName("auc")] MetricEstimate? Auc,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("reason")] string? Reason)
{
    /// <summary>The part in one sentence, for the card and the training summary: its size, its share of the <paramref name="testK"/> prompted, and its AUC or why not.</summary>
    public string Describe(int testK) => string.Create(CultureInfo.InvariantCulture,
            $"{Group}: {Families:N0} test families, {Escalated:N0} escalated; {Prompted:N0} of the {testK:N0} prompted ({PromptedWhoEscalated:N0} of them escalated); ")
        + (Auc is { } auc
            ? string.Create(CultureInfo.InvariantCulture, $"AUC {auc.Value:0.000} (95% interval {auc.Interval.Lower:0.000} to {auc.Interval.Upper:0.000}).")
            : $"AUC not assessable: {Reason}.");

    /// <summary>The status of a part with enough families of each outcome.</summary>
    public const string Assessable = "assessable";

    /// <summary>The status of a part too small to judge.</summary>
    public const string NotAssessable = "not_assessable";

    /// <summary>The part of families new to children's social care at T.</summary>
    public const string NewGroup = "new to children's social care";

    /// <summary>The part of families known to children's social care at T.</summary>
    public const string KnownGroup = "known to children's social care";

    /// <summary>
    /// The model on the new and the known test families. The prompted families are the top <paramref name="capacity"/> of
    /// all test rows (as the panel sees them), counted in each part. A part's AUC is reported only with at least
    /// <see cref="CalibrationGate.MinimumEvents"/> families of each outcome, the minimum the calibration gate uses
    /// (Vergouwe et al. 2005); below it the part is not assessable and says why.
    /// </summary>
    public static IReadOnlyList<SubgroupPerformance> NewAndKnown(bool[] known, double[] labels, double[] probabilities, long[] tieKeys,
        int capacity, int resamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(labels);
        var prompted = new bool[labels.Length];
        foreach (var row in BinaryMetrics.RankDescending<double>(probabilities, tieKeys).Take(capacity))
            prompted[row] = true;
        return [Part(NewGroup, false), Part(KnownGroup, true)];

        SubgroupPerformance Part(string name, bool isKnown)
        {
            var rows = Enumerable.Range(0, labels.Length).Where(r => known[r] == isKnown).ToArray();
            var escalated = rows.LongCount(r => labels[r] > 0.5);
            var inTop = rows.Count(r => prompted[r]);
            var inTopEscalated = rows.Count(r => prompted[r] && labels[r] > 0.5);
            var without = rows.Length - escalated;
            if (escalated < CalibrationGate.MinimumEvents || without < CalibrationGate.MinimumEvents)
            {
                var reason = string.Create(CultureInfo.InvariantCulture,
                    $"{escalated} families escalated and {without} did not; at least {CalibrationGate.MinimumEvents} of each are needed to judge the model on this part");
                return new SubgroupPerformance(name, rows.Length, escalated, inTop, inTopEscalated, null, NotAssessable, reason);
            }
            var auc = PairedBootstrap.Run([new Scorer("model", rows.Select(r => probabilities[r]).ToArray())],
                rows.Select(r => labels[r]).ToArray(), rows.Select(r => tieKeys[r]).ToArray(), Math.Max(1, inTop), resamples, seed)
                .Scorer("model").Metrics[MetricNames.Auc];
            return new SubgroupPerformance(name, rows.Length, escalated, inTop, inTopEscalated, auc, Assessable, null);
        }
    }
}
