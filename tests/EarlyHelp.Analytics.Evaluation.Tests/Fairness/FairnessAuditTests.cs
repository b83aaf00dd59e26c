using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Input;

namespace EarlyHelp.Analytics.Evaluation.Tests.Fairness;

public sealed class FairnessAuditTests
{
    // Eight people in two groups, scores descending with the row number; label 1 on rows 0, 2, 5, 6.
    private static ScoredPopulation Small() => new(
        [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2],
        [1, 0, 1, 0, 0, 1, 1, 0],
        [new GroupColumn("area", ["North", "South", "North", "South", "North", "North", "South", "South"])]);

    [Fact]
    public void Run_ThresholdHalf_CountsEachGroupByHand()
    {
        // Selected (score >= 0.5): rows 0-4. North = rows 0, 2, 4, 5: selected 0 (1), 2 (1), 4 (0);
        // not selected 5 (1). So TP 2, FP 1, FN 1, TN 0. South = rows 1, 3, 6, 7: selected 1 (0),
        // 3 (0); not selected 6 (1), 7 (0). So TP 0, FP 2, FN 1, TN 1.
        var report = new FairnessAudit(new FairnessAuditOptions { BootstrapResamples = 0 }).Run(Small());

        var north = report.Groups.Single(g => g.Group == "North");
        var south = report.Groups.Single(g => g.Group == "South");
        Assert.Equal((2L, 1L, 1L, 0L), (north.TruePositives, north.FalsePositives, north.FalseNegatives, north.TrueNegatives));
        Assert.Equal((0L, 2L, 1L, 1L), (south.TruePositives, south.FalsePositives, south.FalseNegatives, south.TrueNegatives));
        // Share of selected: North 3 of 5, South 2 of 5.
        Assert.Equal(0.6, north.ShareOfSelected, 12);
        // Both groups have 4 rows; the tie for largest goes to the name first in order: North.
        Assert.True(north.IsReference);
        // South's FNR 1/1 against North's 1/3: ratio 3. Below every small-group limit, so a warning, not a flag.
        Assert.Equal(3.0, south.Disparities["fnr"].Ratio, 12);
        Assert.Equal(DisparityStatus.SmallGroup, south.Disparities["fnr"].Status);
    }

    [Fact]
    public void Run_FewExpectedAmongTheSelected_SmallGroupWhateverItsSize()
    {
        // 10,000 rows, the top 50 selected (0.5%): group B's 400 rows expect 400 × 0.005 = 2 of them, fewer than 5,
        // so B is small although it has 400 rows and about 40 outcomes; A's 9,600 expect 48 and is judged.
        var random = new Random(3);
        var rows = 10_000;
        var groups = Enumerable.Range(0, rows).Select(i => i < 400 ? "B" : "A").ToArray();
        var labels = Enumerable.Range(0, rows).Select(_ => random.NextDouble() < 0.1 ? 1.0 : 0.0).ToArray();
        var scores = labels.Select(l => 0.3 * l + 0.7 * random.NextDouble()).ToArray();
        var options = new FairnessAuditOptions { Selection = new SelectionRule.TopK(50), BootstrapResamples = 0 };

        var report = new FairnessAudit(options).Run(new ScoredPopulation(scores, labels, [new GroupColumn("g", groups)]));

        var b = report.Groups.Single(g => g.Group == "B");
        Assert.True(b.SmallGroup);
        Assert.Equal("only 2.0 expected among the few selected (fewer than 5)", b.SmallGroupReason);
        Assert.False(report.Groups.Single(g => g.Group == "A").SmallGroup);
    }

    [Fact]
    public void Run_CapacitySweep_RatesAtEachKByHand()
    {
        // K = 25% of 8 = 2: rows 0 (North) and 1 (South) → selection rates 1/4 each, ratio 1.
        // K = 50% of 8 = 4: rows 0-3 → North rows 0, 2 and South rows 1, 3: both 2/4.
        var options = new FairnessAuditOptions { BootstrapResamples = 0, CapacityFractions = [0.25, 0.5] };

        var sweep = new FairnessAudit(options).Run(Small()).Dimensions.Single().CapacitySweep;

        Assert.Equal([2L, 4L], sweep.Select(p => p.Capacity));
        Assert.Equal(0.25, sweep[0].Groups.Single(g => g.Group == "South").Rates["selection_rate"], 12);
        Assert.Equal(1.0, sweep[0].Groups.Single(g => g.Group == "South").Ratios["selection_rate"], 12);
        // At K = 4, North's positives selected: rows 0 and 2 of its three (0, 2, 5): TPR 2/3.
        Assert.Equal(2.0 / 3.0, sweep[1].Groups.Single(g => g.Group == "North").Rates["tpr"], 12);
    }

    [Fact]
    public void Run_TwoGroupColumns_AuditsTheirIntersection()
    {
        var population = new ScoredPopulation(
            [0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0],
            [new GroupColumn("area", ["North", "North", "South", "South"]), new GroupColumn("sex", ["F", "M", "F", "M"])]);

        var report = new FairnessAudit(new FairnessAuditOptions { BootstrapResamples = 0 }).Run(population);

        Assert.Equal(["area", "sex", "area × sex"], report.Dimensions.Select(d => d.Name));
        Assert.Equal(4, report.Groups.Count(g => g.Dimension == "area × sex"));
        Assert.Contains(report.Groups, g => g.Group == "South × M" && g.Rows == 1);
    }

    [Fact]
    public void Run_UnknownReferenceGroup_ThrowsNamingTheGroupsThere()
    {
        var audit = new FairnessAudit(new FairnessAuditOptions { ReferenceGroups = ["East"] });

        var error = Assert.Throws<AuditInputException>(() => audit.Run(Small()));

        Assert.Equal("The reference group 'East' does not occur in any group column ('area' has North, South).", error.Message);
    }

    [Fact]
    public void Run_SameSeedTwice_GivesTheSameIntervals()
    {
        var population = Larger(seed: 3);
        var options = new FairnessAuditOptions { Selection = new SelectionRule.TopFraction(0.2), BootstrapResamples = 200, Seed = 11 };

        var first = new FairnessAudit(options).Run(population).Groups.Select(g => g.Disparities.GetValueOrDefault("fnr")?.RatioInterval);
        var second = new FairnessAudit(options).Run(population).Groups.Select(g => g.Disparities.GetValueOrDefault("fnr")?.RatioInterval);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var options = new FairnessAuditOptions { Selection = new SelectionRule.TopK(0), ConfidenceLevel = 1.5 };

        var error = Assert.Throws<ArgumentException>(() => new FairnessAudit(options));

        Assert.Equal("The top-K count must be at least 1. Got 0 instead. The 'ConfidenceLevel' option must lie in [0.5, 0.999]. Got 1.5 instead.", error.Message);
    }

    /// <summary>A few thousand rows in three groups with different base rates and a noisy score.</summary>
    internal static ScoredPopulation Larger(int seed, int rows = 6000)
    {
        var random = new Random(seed);
        var groups = new string[rows];
        var labels = new double[rows];
        var scores = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var group = random.Next(3);
            groups[i] = ((char)('A' + group)).ToString();
            labels[i] = random.NextDouble() < 0.1 + 0.1 * group ? 1 : 0;
            scores[i] = Math.Clamp(0.15 + 0.3 * labels[i] + 0.05 * group + 0.2 * (random.NextDouble() - 0.5), 0, 1);
        }

        return new ScoredPopulation(scores, labels, [new GroupColumn("group", groups)]);
    }
}
