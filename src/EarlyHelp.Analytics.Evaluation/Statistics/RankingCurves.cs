using System.Text.Json.Serialization;

namespace EarlyHelp.Analytics.Evaluation.Statistics;

/// <summary>One threshold of a ranking curve: everyone scored at or above it is selected.</summary>
/// <param name="Threshold">The lowest selected score (+∞ for the first point, where nobody is selected).</param>
/// <param name="TruePositiveRate">Share of the people with the outcome who are selected (recall, sensitivity).</param>
/// <param name="FalsePositiveRate">Share of the people without the outcome who are selected (1 − specificity).</param>
/// <param name="Precision">Share of the selected who have the outcome (PPV); NaN while nobody is selected.</param>
public sealed record RankingCurvePoint(
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("tpr")] double TruePositiveRate,
    [property: JsonPropertyName("fpr")] double FalsePositiveRate,
    [property: JsonPropertyName("precision")] double Precision);

/// <summary>
/// The ROC curve (true against false positive rate) and the precision–recall curve of a score, as one
/// list of thresholds, thinned to at most <see cref="MostPoints"/> for reports, with the average
/// precision computed over every threshold. Ties share a threshold, so a curve never splits a tie.
/// </summary>
/// <param name="Rows">Rows scored.</param>
/// <param name="Positives">Rows with the outcome.</param>
/// <param name="AveragePrecision">Σₖ (Rₖ − Rₖ₋₁)·Pₖ over every distinct threshold, the step-wise area under the precision–recall curve (scikit-learn's <c>average_precision_score</c> definition).</param>
/// <param name="Points">The curve from nobody selected (0, 0) to everybody selected (1, 1).</param>
public sealed record RankingCurves(
    [property: JsonPropertyName("n")] long Rows,
    [property: JsonPropertyName("positives")] long Positives,
    [property: JsonPropertyName("average_precision")] double AveragePrecision,
    [property: JsonPropertyName("points")] IReadOnlyList<RankingCurvePoint> Points)
{
    /// <summary>Points kept for a report: enough for a smooth curve at print size, few enough for a small JSON file.</summary>
    public const int MostPoints = 201;

    /// <summary>Share of rows with the outcome: the precision of selecting at random, the chance line of the precision–recall curve.</summary>
    [JsonIgnore]
    public double BaseRate => Rows == 0 ? double.NaN : (double)Positives / Rows;

    /// <summary>The curves of <paramref name="scores"/> against 0/1 <paramref name="labels"/>.</summary>
    public static RankingCurves Compute(IReadOnlyList<double> scores, IReadOnlyList<double> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Count != labels.Count)
            throw new ArgumentException($"{scores.Count} scores but {labels.Count} labels.");
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        long positives = labels.LongCount(l => l > 0.5), negatives = labels.Count - positives;
        var all = new List<RankingCurvePoint> { new(double.PositiveInfinity, 0, 0, double.NaN) };
        long truePositives = 0, falsePositives = 0;
        double averagePrecision = 0, previousRecall = 0;
        for (var k = 0; k < order.Length; k++)
        {
            if (labels[order[k]] > 0.5) truePositives++;
            else falsePositives++;
            if (k + 1 < order.Length && scores[order[k + 1]] == scores[order[k]])
                continue;
            var recall = positives == 0 ? double.NaN : (double)truePositives / positives;
            var precision = (double)truePositives / (truePositives + falsePositives);
            all.Add(new RankingCurvePoint(scores[order[k]], recall, negatives == 0 ? double.NaN : (double)falsePositives / negatives, precision));
            if (positives > 0)
            {
                averagePrecision += (recall - previousRecall) * precision;
                previousRecall = recall;
            }
        }

        return new RankingCurves(scores.Count, positives, positives == 0 ? double.NaN : averagePrecision, Thin(all));
    }

    /// <summary>Keeps the first and last points and evenly spaced ones between, so the curve's shape survives.</summary>
    private static RankingCurvePoint[] Thin(List<RankingCurvePoint> points)
    {
        if (points.Count <= MostPoints)
            return [.. points];
        var step = (points.Count - 1) / (double)(MostPoints - 1);
        return Enumerable.Range(0, MostPoints).Select(i => points[(int)Math.Round(i * step)]).ToArray();
    }
}
