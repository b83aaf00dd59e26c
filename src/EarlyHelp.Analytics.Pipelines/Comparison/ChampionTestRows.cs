using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Pipelines.ModelFolders;
using EarlyHelp.Analytics.Pipelines.Splits;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Pipelines.Comparison;

/// <summary>
/// A candidate's test rows, ready to compare it with the champion on the families both held out. A champion split
/// with another seed or other shares trained, stopped or calibrated on some of the candidate's test families (with
/// another seed, about 60% of them at the default shares), which flatters it; so only the rows whose families the
/// champion's own split also put in its test partition are compared. With the same seed and shares that is every row.
/// </summary>
/// <param name="Families">The family of each test row.</param>
/// <param name="Labels">Each row's outcome (1 escalated, 0 not).</param>
/// <param name="TieKeys">Each row's tie-breaking key for ranking.</param>
/// <param name="CapacityFor">The panel's capacity K for a given number of test rows.</param>
/// <param name="Groups">Families that shared a person, as the split groups them.</param>
internal sealed record ChampionTestRows(IReadOnlyList<FamilyId> Families, double[] Labels, long[] TieKeys, Func<int, int> CapacityFor, ConnectedFamilies Groups)
{
    /// <summary>
    /// The candidate (first) against the champion on the shared test families, resampled together; or, when those
    /// families hold no outcome of either kind, why they cannot be compared.
    /// </summary>
    public (ScorerComparison? Test, string? Problem) Compare(double[] candidate, double[] champion, TrainingDataFingerprint championSplit,
        int resamples, int seed, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(championSplit);
        return Compare(candidate, champion, championSplit.Seed, PartitionShares.FromNames(championSplit.PartitionShares), resamples, seed, cancellation);
    }

    /// <summary>As <see cref="Compare(double[], double[], TrainingDataFingerprint, int, int, CancellationToken)"/>, with the champion's split given by its seed and shares.</summary>
    public (ScorerComparison? Test, string? Problem) Compare(double[] candidate, double[] champion, int championSeed, PartitionShares championShares,
        int resamples, int seed, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(champion);
        ArgumentNullException.ThrowIfNull(championShares);
        var kept = Enumerable.Range(0, Families.Count)
            .Where(row => Groups.PartitionOf(Families[row], championSeed, championShares) == Partition.Test).ToArray();
        var labels = kept.Select(row => Labels[row]).ToArray();
        if (!labels.Contains(1) || !labels.Contains(0))
            return (null, string.Create(CultureInfo.InvariantCulture, $"of this run's {Families.Count:N0} test families, {kept.Length:N0} were test families for the champion too ")
                + string.Create(CultureInfo.InvariantCulture, $"(it was split with seed {championSeed}), and they do not hold both outcomes; retrain with --seed {championSeed} and the champion's shares"));
        double[] Kept(double[] values) => kept.Select(row => values[row]).ToArray();
        var test = PairedBootstrap.Run(
            [new Scorer(TrainingReport.ModelScorer, Kept(candidate)), new Scorer(ChampionComparison.ChampionScorer, Kept(champion))],
            labels, kept.Select(row => TieKeys[row]).ToArray(), CapacityFor(kept.Length), resamples, seed, cancellation: cancellation);
        return (test, null);
    }
}
