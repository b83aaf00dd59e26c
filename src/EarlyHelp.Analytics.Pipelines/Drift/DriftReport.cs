using System.Text.Json.Serialization;
using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Pipelines.Drift;

/// <summary>
/// Population stability of the score and of every feature between the training rows and the population
/// the model will score next (every eligible family at the as-of date), written as <c>drift.json</c>.
/// </summary>
/// <param name="Reference">What the expected side is.</param>
/// <param name="Comparison">What the actual side is.</param>
/// <param name="ReferenceRows">Rows on the expected side.</param>
/// <param name="ComparisonRows">Rows on the actual side.</param>
/// <param name="Score">The calibrated score's stability.</param>
/// <param name="Features">Each feature's stability, least stable first.</param>
public sealed record DriftReport(
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("comparison")] string Comparison,
    [property: JsonPropertyName("reference_rows")] int ReferenceRows,
    [property: JsonPropertyName("comparison_rows")] int ComparisonRows,
    [property: JsonPropertyName("score")] StabilityResult Score,
    [property: JsonPropertyName("features")] IReadOnlyList<StabilityResult> Features)
{
    /// <summary>Features whose shift is moderate or major, least stable first.</summary>
    [JsonIgnore]
    public IEnumerable<StabilityResult> Shifted => Features.Where(f => f.Index >= PopulationStability.ModerateShift);

    /// <summary>Computes the report; each feature is compared column by column.</summary>
    public static DriftReport Compute(string reference, DenseDataset expected, double[] expectedScores, string comparison, DenseDataset actual, double[] actualScores)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var features = new StabilityResult[expected.FeatureCount];
        Parallel.For(0, expected.FeatureCount, feature =>
            features[feature] = PopulationStability.Compute(expected.FeatureNames[feature], Column(expected, feature), Column(actual, feature)));
        return new DriftReport(reference, comparison, expected.RowCount, actual.RowCount,
            PopulationStability.Compute("score", expectedScores, actualScores),
            [.. features.OrderByDescending(f => f.Index).ThenBy(f => f.Name, StringComparer.Ordinal)]);
    }

    private static double[] Column(DenseDataset data, int feature)
    {
        var values = new double[data.RowCount];
        for (var row = 0; row < values.Length; row++)
            values[row] = data[row, feature];
        return values;
    }
}
