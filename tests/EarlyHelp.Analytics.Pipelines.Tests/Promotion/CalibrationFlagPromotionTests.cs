using EarlyHelp.Analytics.Evaluation.Calibration;
using EarlyHelp.Analytics.Evaluation.Input;
using EarlyHelp.Analytics.Pipelines.Fairness;
using EarlyHelp.Analytics.Pipelines.Promotion;
using static EarlyHelp.Analytics.Pipelines.Tests.Support.Reports;

namespace EarlyHelp.Analytics.Pipelines.Tests.Promotion;

/// <summary>A group whose calibration fails the gate's rules is a flag that promotion requires to be acknowledged.</summary>
public sealed class CalibrationFlagPromotionTests
{
    private const string Rule = "every fairness flag acknowledged";
    private const string NorthId = "calibration/area/north/observed-over-expected";

    [Fact]
    public void Check_CalibratedOverallButHalfTheOutcomesInOneLargeGroup_NoteMustQuoteItsFlag()
    {
        var calibration = new CalibrationAudit(new CalibrationReportOptions { Intersections = false }).Run(NorthOverPredicted());
        var flags = FairnessFlag.From(calibration);
        var report = Report(Passing().Test, flags: flags);

        var silent = PromotionRules.Check(report, null, "first model").Single(c => c.Rule == Rule);
        var acknowledged = PromotionRules.Check(report, null, $"{NorthId}: scores overstate north's risk; recalibration planned.").Single(c => c.Rule == Rule);

        Assert.Equal(CalibrationVerdict.Pass, calibration.Gate);
        Assert.Equal([NorthId], flags.Select(f => f.Id));
        Assert.Equal(FairnessFlag.CalibrationReport, flags[0].Report);
        Assert.False(silent.Passed);
        Assert.Contains(NorthId, silent.Detail, StringComparison.Ordinal);
        Assert.True(acknowledged.Passed, acknowledged.Detail);
    }

    /// <summary>
    /// 10,000 rows scored in [0.05, 0.45]. North, a fifth of them, has the outcome with half its score's probability
    /// and the others with 1.125 times it, so observed over expected is 0.2·0.5 + 0.8·1.125 = 1 overall, 0.5 in north
    /// and 1.125 (inside [0.8, 1.25]) elsewhere.
    /// </summary>
    private static ScoredPopulation NorthOverPredicted()
    {
        const int rows = 10_000;
        var random = new Random(11);
        var scores = new double[rows];
        var labels = new double[rows];
        var areas = new string[rows];
        for (var i = 0; i < rows; i++)
        {
            areas[i] = i % 5 == 0 ? "north" : i % 5 < 3 ? "south" : "east";
            scores[i] = 0.05 + 0.4 * random.NextDouble();
            labels[i] = random.NextDouble() < scores[i] * (areas[i] == "north" ? 0.5 : 1.125) ? 1 : 0;
        }
        return new ScoredPopulation(scores, labels, [new GroupColumn("area", areas)]);
    }
}
