using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Input;
using EarlyHelp.Analytics.Pipelines.Fairness;

namespace EarlyHelp.Analytics.Pipelines.Tests.Fairness;

public sealed class FairnessEvidenceTests
{
    [Fact]
    public void From_EveryComparedGroupSmallAtCapacity_NotAssessableWithTheReason()
    {
        // 10,000 rows, the top 50 selected (0.5%): group B's 400 rows expect 400 × 0.005 = 2 selected, fewer than 5,
        // so B is small although it has about 40 outcomes. A, the largest, is the reference, so nothing is compared.
        var report = Audit(selected: 50);

        var evidence = FairnessEvidence.From(report);

        Assert.DoesNotContain(report.Groups, g => g.Disparities.Values.Any(d => d.Flagged));
        Assert.Equal(FairnessEvidence.NotAssessable, evidence.Value);
        Assert.Equal((1, 0), (evidence.ComparedGroups, evidence.AssessableGroups));
        Assert.Equal(["every one of the 1 compared group(s) is small", "1 group(s): only 2.0 expected among the few selected (fewer than 5)"], evidence.Reasons);
    }

    [Fact]
    public void From_ComparedGroupLargeEnough_Assessable()
    {
        // The top 2,000 (20%): B expects 400 × 0.2 = 80 selected, has about 40 outcomes and 400 rows, so it is judged.
        var evidence = FairnessEvidence.From(Audit(selected: 2000));

        Assert.Equal(FairnessEvidence.Assessable, evidence.Value);
        Assert.Equal((1, 1), (evidence.ComparedGroups, evidence.AssessableGroups));
    }

    private static FairnessReport Audit(int selected)
    {
        var random = new Random(3);
        var rows = 10_000;
        var groups = Enumerable.Range(0, rows).Select(i => i < 400 ? "B" : "A").ToArray();
        var labels = Enumerable.Range(0, rows).Select(_ => random.NextDouble() < 0.1 ? 1.0 : 0.0).ToArray();
        var scores = labels.Select(l => 0.3 * l + 0.7 * random.NextDouble()).ToArray();
        var options = new FairnessAuditOptions { Selection = new SelectionRule.TopK(selected), BootstrapResamples = 0 };
        return new FairnessAudit(options).Run(new ScoredPopulation(scores, labels, [new GroupColumn("g", groups)]));
    }
}
