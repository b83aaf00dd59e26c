using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Pipelines.Scoring;

/// <summary>
/// The order of a scoring run. Families are ranked by calibrated probability, highest first. Ties are broken by the
/// model's raw score, highest first — a calibrator maps whole ranges of raw scores to one probability (isotonic
/// calibration is a step function), and within such a step the raw score still orders families as the trees did —
/// and then by family id, lowest first, so that the same hub and model always give the same ranks.
/// </summary>
public static class FamilyRanking
{
    /// <summary>Positions of the families in rank order (best first); the three lists are parallel.</summary>
    public static int[] Order(IReadOnlyList<FamilyId> families, IReadOnlyList<double> probabilities, IReadOnlyList<double> rawScores)
    {
        ArgumentNullException.ThrowIfNull(families);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(rawScores);
        if (probabilities.Count != families.Count || rawScores.Count != families.Count)
            throw new ArgumentException($"There are {families.Count} families, {probabilities.Count} probabilities and {rawScores.Count} raw scores; they must be as many.");
        var order = Enumerable.Range(0, families.Count).ToArray();
        Array.Sort(order, (a, b) =>
            probabilities[b].CompareTo(probabilities[a]) is var byProbability and not 0 ? byProbability
            : rawScores[b].CompareTo(rawScores[a]) is var byRaw and not 0 ? byRaw
            : families[a].Value.CompareTo(families[b].Value));
        return order;
    }
}
