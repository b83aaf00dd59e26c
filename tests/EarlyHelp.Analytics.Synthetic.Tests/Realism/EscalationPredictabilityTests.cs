using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Metrics;
using EarlyHelp.Analytics.Learning.Trees;
using Xunit.Abstractions;

namespace EarlyHelp.Analytics.Synthetic.Tests.Realism;

/// <summary>
/// Escalation is predictable from the recorded history, but far from certain: the project's own
/// features and gradient-boosted trees, trained and tested as the design requires (train on the past,
/// test on the future, no family in both), rank families with an AUC in the range the published
/// child-welfare models reach, 0.75 to 0.85.
/// </summary>
public sealed class EscalationPredictabilityTests(ITestOutputHelper output)
{
    [Fact]
    public void GradientBoosting_OnRecordedHistory_RanksEscalationWithAucNearEightTenths()
    {
        var history = HubHistory.Read(RealismCity.Hub, "realism city");
        var extractDate = RealismCity.Result.Manifest.ExtractDate;
        var trainingDate = extractDate.AddMonths(-18);
        var testDate = extractDate.AddMonths(-12);
        var table = FeatureTableBuilder.Build(history, new FeatureTableOptions { AsOfDates = [trainingDate, testDate] });

        // Half the families (by a hash of the id) train at the earlier date, the other half are tested six months later;
        // both labels (escalation within 12 months) are observed by the extract date.
        static bool InTrainingHalf(FamilyId family) => ((ulong)family.Value * 0x9E3779B97F4A7C15UL) >> 63 == 0;
        var observed = table.ObservedRows();
        var training = observed.Where(r => table.AsOfDates[r] == trainingDate && InTrainingHalf(table.Families[r])).ToArray();
        var test = observed.Where(r => table.AsOfDates[r] == testDate && !InTrainingHalf(table.Families[r])).ToArray();
        var all = new DenseDataset(table.FeatureNames, table.ToRowMajor(), table.LabelArray());

        var model = new GradientBoostingTrainer(new GradientBoostingOptions()).Fit(all.Select(training));
        var testRows = all.Select(test);
        var auc = BinaryMetrics.RocAuc<float, double>(testRows.Labels, model.PredictProbability(testRows));

        var summary = $"test AUC {auc:F3} over {test.Length} families, {testRows.Labels!.Count(l => l > 0)} escalating";
        output.WriteLine(summary);
        Assert.True(auc is >= 0.72 and <= 0.9, summary);
    }
}
