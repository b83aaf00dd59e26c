using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Input;

namespace EarlyHelp.Analytics.Evaluation.Tests.Fairness;

/// <summary>
/// A rate is judged only on enough families in its own denominator, in the group and in its reference, and its
/// p-value comes from Fisher's exact test, not from the bootstrap's spread.
/// </summary>
public sealed class RateDenominatorTests
{
    [Fact]
    public void Run_ReferenceHasTwoSelectedBothFalsePositives_NoFlagOnPredictiveValues()
    {
        var report = new FairnessAudit(Options()).Run(TwoSelectedInTheReference());

        var group = report.Groups.Single(g => g.Group == "group");
        Assert.False(group.SmallGroup, group.SmallGroupReason);
        // FDR 9/14 against 2/2: the ratio 0.64 lies outside the band, but 2 selected cannot show it.
        var fdr = group.Disparities["fdr"];
        Assert.Equal(9.0 / 14, fdr.Ratio, 12);
        Assert.Equal(DisparityStatus.SmallGroup, fdr.Status);
        Assert.Equal("only 2 selected in reference (fewer than 20)", fdr.SmallReason);
        Assert.True(double.IsNaN(fdr.PValue));
        Assert.False(group.Disparities["ppv"].Flagged);
        Assert.DoesNotContain(report.Findings, f => f.Severity == "flag" && f.Metric is "fdr" or "ppv");
        // The selection rate rests on every row of both groups and is judged.
        Assert.Null(group.Disparities["selection_rate"].SmallReason);
    }

    [Fact]
    public void Run_MinimumLoweredToOne_FalseDiscoveryPValueIsFishersOne()
    {
        // With the minimum out of the way the comparison is tested: every resample of the reference's two selected
        // gives it an FDR of 1, so a bootstrap standard error would be tiny; Fisher's exact p of 9 in 14 against
        // 2 in 2 is 1 (see FisherExactTestTests), and nothing is flagged.
        var report = new FairnessAudit(Options() with { MinimumRateDenominator = 1 }).Run(TwoSelectedInTheReference());

        var fdr = report.Groups.Single(g => g.Group == "group").Disparities["fdr"];
        Assert.Equal(1.0, fdr.PValue, 12);
        Assert.False(fdr.Flagged);
    }

    [Fact]
    public void Constructor_MinimumBelowOne_SaysWhatArrived()
    {
        var error = Assert.Throws<ArgumentException>(() => new FairnessAudit(new FairnessAuditOptions { MinimumRateDenominator = 0 }));

        Assert.Equal("The 'MinimumRateDenominator' option must be at least 1. Got 0 instead.", error.Message);
    }

    private static FairnessAuditOptions Options() => new()
    {
        ReferenceGroups = ["reference"],
        BootstrapResamples = 200,
        Intersections = false,
    };

    /// <summary>
    /// The reference: 400 rows, 30 with the outcome, 2 selected, both without it. The group: 200 rows, 20 with the
    /// outcome, 14 selected of whom 9 without it. 16 of 600 selected overall, so the reference expects 10.7 selected
    /// and the group 5.3: neither is a small group by the group rules.
    /// </summary>
    private static ScoredPopulation TwoSelectedInTheReference()
    {
        var scores = new List<double>();
        var labels = new List<double>();
        var groups = new List<string>();
        Add("reference", selectedWithOutcome: 0, selectedWithout: 2, otherWithOutcome: 30, otherWithout: 368);
        Add("group", selectedWithOutcome: 5, selectedWithout: 9, otherWithOutcome: 15, otherWithout: 171);
        return new ScoredPopulation([.. scores], [.. labels], [new GroupColumn("area", [.. groups])]);

        void Add(string group, int selectedWithOutcome, int selectedWithout, int otherWithOutcome, int otherWithout)
        {
            foreach (var (count, score, label) in new[] { (selectedWithOutcome, 0.9, 1.0), (selectedWithout, 0.8, 0.0), (otherWithOutcome, 0.2, 1.0), (otherWithout, 0.1, 0.0) })
            {
                for (var i = 0; i < count; i++)
                {
                    scores.Add(score);
                    labels.Add(label);
                    groups.Add(group);
                }
            }
        }
    }
}
