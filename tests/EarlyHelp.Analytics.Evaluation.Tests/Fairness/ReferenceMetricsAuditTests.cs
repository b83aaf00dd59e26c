using EarlyHelp.Analytics.Evaluation.Calibration;
using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Tests.Support;
using EarlyHelp.Analytics.Learning.Tests.Support;

namespace EarlyHelp.Analytics.Evaluation.Tests.Fairness;

/// <summary>The audit's per-group figures against reference/metrics/expected.json (scikit-learn 1.2.1), to 1e-9.</summary>
public sealed class ReferenceMetricsAuditTests
{
    private const double Tolerance = 1e-9;
    private static readonly string[] GroupNames = ["A", "B", "C", "D"];

    [SharedFact(MetricsReference.ScoresFile, MetricsReference.ExpectedFile)]
    public void Run_ThresholdHalf_GroupCountsAucAndBrierMatchReference()
    {
        var reference = MetricsReference.Load();

        var report = new FairnessAudit(new FairnessAuditOptions { BootstrapResamples = 0 }).Run(ReferencePopulation.From(reference));

        foreach (var name in GroupNames)
        {
            var group = report.Groups.Single(g => g.Group == name);
            Assert.Equal(reference.Number("by_group", name, "n"), group.Rows);
            Assert.Equal(reference.Number("by_group", name, "positives"), group.Positives);
            Assert.Equal(reference.Number("by_group", name, "roc_auc"), group.Auc, Tolerance);
            Assert.Equal(reference.Number("by_group", name, "brier"), group.Brier, Tolerance);
            Assert.Equal(reference.Number("by_group", name, "mean_score"), group.MeanScore, Tolerance);
            Assert.Equal(reference.Number("by_group", name, "base_rate"), group.BaseRate, Tolerance);
            AssertCounts(reference, ["by_group", name, "at_threshold_0.5"], group);
        }

        Assert.Equal(reference.Number("roc_auc"), report.Overall.Auc, Tolerance);
        Assert.Equal(reference.Number("brier"), report.Overall.Brier, Tolerance);
    }

    [SharedFact(MetricsReference.ScoresFile, MetricsReference.ExpectedFile)]
    public void Run_Top500TiesById_GroupCountsMatchReference()
    {
        var reference = MetricsReference.Load();

        // expected.json top_k_500_rule: sort by score descending, ties by id ascending; first 500 selected.
        var report = new FairnessAudit(new FairnessAuditOptions { Selection = new SelectionRule.TopK(500), BootstrapResamples = 0 })
            .Run(ReferencePopulation.From(reference));

        foreach (var name in GroupNames)
            AssertCounts(reference, ["top_k_500", name], report.Groups.Single(g => g.Group == name));
        AssertCounts(reference, ["top_k_500", "ALL"], report.Overall);
    }

    [SharedFact(MetricsReference.ScoresFile, MetricsReference.ExpectedFile)]
    public void CalibrationAudit_ReferenceScores_ReliabilityCurvesAndEceMatchReference()
    {
        var reference = MetricsReference.Load();

        var overall = new CalibrationAudit().Run(ReferencePopulation.From(reference)).Scores[0].Overall!;

        AssertAll(reference.Numbers("calibration_curve_uniform_10", "prob_true"), overall.ReliabilityEqualWidth.Select(p => p.ObservedRate));
        AssertAll(reference.Numbers("calibration_curve_uniform_10", "prob_pred"), overall.ReliabilityEqualWidth.Select(p => p.MeanScore));
        AssertAll(reference.Numbers("calibration_curve_quantile_10", "prob_true"), overall.ReliabilityQuantile.Select(p => p.ObservedRate));
        AssertAll(reference.Numbers("calibration_curve_quantile_10", "prob_pred"), overall.ReliabilityQuantile.Select(p => p.MeanScore));
        Assert.Equal(reference.Number("ece_uniform_10"), overall.ExpectedCalibrationError, Tolerance);
        Assert.Equal(reference.Number("log_loss"), overall.LogLoss, Tolerance);
    }

    private static void AssertCounts(MetricsReference reference, string[] path, GroupResult group)
    {
        Assert.Equal(reference.Number([.. path, "tp"]), group.TruePositives);
        Assert.Equal(reference.Number([.. path, "fp"]), group.FalsePositives);
        Assert.Equal(reference.Number([.. path, "tn"]), group.TrueNegatives);
        Assert.Equal(reference.Number([.. path, "fn"]), group.FalseNegatives);
    }

    private static void AssertAll(double[] expected, IEnumerable<double> actual)
    {
        var values = actual.ToArray();
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], values[i], Tolerance);
    }
}
