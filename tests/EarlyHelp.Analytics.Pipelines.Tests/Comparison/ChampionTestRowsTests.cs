using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Learning.Metrics;
using EarlyHelp.Analytics.Pipelines.Comparison;
using EarlyHelp.Analytics.Pipelines.Splits;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Pipelines.Tests.Comparison;

/// <summary>
/// The champion is judged only on the candidate's test families it held out too: a champion split with another seed
/// has seen some of them, and a champion that memorised its own families would otherwise look better than it is.
/// </summary>
public sealed class ChampionTestRowsTests
{
    private const int CandidateSeed = 1;
    private const int ChampionSeed = 2;
    private static readonly PartitionShares Shares = new();

    // The candidate's 400 test families (the first ids its split, seed 1, holds out), escalated alternately. The candidate ranks every row right (AUC 1). The champion ranks right the rows
    // of families its own split (seed 2) trained, stopped or calibrated on, as a model that memorised them would, and
    // exactly wrong the rest (AUC 0 on those by the definition: every escalated row below every other).
    private static (ChampionTestRows Rows, double[] Candidate, double[] Champion, int HeldOutByBoth) City(Func<FamilyId, int, double> label)
    {
        var families = Enumerable.Range(1, 10_000).Select(i => new FamilyId(i))
            .Where(f => FamilyPartition.Of(f, CandidateSeed, Shares) == Partition.Test).Take(400).ToArray();
        var labels = families.Select((f, i) => label(f, i)).ToArray();
        var seenByChampion = families.Select(f => FamilyPartition.Of(f, ChampionSeed, Shares) != Partition.Test).ToArray();
        var candidate = labels.Select(l => l == 1 ? 0.9 : 0.1).ToArray();
        var champion = labels.Select((l, i) => seenByChampion[i] == (l == 1) ? 0.8 : 0.2).ToArray();
        var rows = new ChampionTestRows(families, labels, families.Select(f => f.Value).ToArray(), n => Math.Max(1, n / 10), ConnectedFamilies.From([]));
        return (rows, candidate, champion, seenByChampion.Count(seen => !seen));
    }

    [Fact]
    public void Compare_ChampionSplitWithAnotherSeed_JudgesItOnlyOnFamiliesItHeldOut()
    {
        var (rows, candidate, champion, heldOut) = City((_, i) => i % 2);
        Assert.InRange(heldOut, 100, 300);

        var (test, problem) = rows.Compare(candidate, champion, ChampionSeed, Shares, 200, CandidateSeed);

        Assert.Null(problem);
        Assert.Equal(heldOut, test!.Rows);
        Assert.Equal(1.0, test.Scorer(TrainingReport.ModelScorer).Metrics[MetricNames.Auc].Value, 12);
        Assert.Equal(0.0, test.Scorer(ChampionComparison.ChampionScorer).Metrics[MetricNames.Auc].Value, 12);
    }

    [Fact]
    public void Compare_ChampionSplitLikeTheCandidate_KeepsEveryRow()
    {
        var (rows, candidate, champion, _) = City((_, i) => i % 2);

        var (test, _) = rows.Compare(candidate, champion, CandidateSeed, Shares, 200, CandidateSeed);

        Assert.Equal(400, test!.Rows);
    }

    [Fact]
    public void Compare_SharedFamiliesHoldNoEscalation_SaysWhyAndComparesNothing()
    {
        // Only families the champion saw escalate: the rows both held out are all of one outcome.
        var (rows, candidate, champion, heldOut) = City((f, _) => FamilyPartition.Of(f, ChampionSeed, Shares) != Partition.Test ? 1 : 0);

        var (test, problem) = rows.Compare(candidate, champion, ChampionSeed, Shares, 200, CandidateSeed);

        Assert.Null(test);
        Assert.Contains($"{heldOut} were test families for the champion too", problem, StringComparison.Ordinal);
        Assert.Contains("retrain with --seed 2", problem, StringComparison.Ordinal);
    }
}
