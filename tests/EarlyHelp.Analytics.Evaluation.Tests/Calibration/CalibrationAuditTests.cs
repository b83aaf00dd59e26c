using EarlyHelp.Analytics.Evaluation.Calibration;
using EarlyHelp.Analytics.Evaluation.Input;

namespace EarlyHelp.Analytics.Evaluation.Tests.Calibration;

public sealed class CalibrationAuditTests
{
    [Fact]
    public void LogisticRecalibration_ObservedRatesOnTheCurve_RecoversSlopeAndIntercept()
    {
        // With slope 1/2 and intercept 0, σ(½·logit p) = √p / (√p + √(1 − p)): 1/3 at p = 0.2, 1/2
        // at 0.5, 2/3 at 0.8. Rows with exactly those shares make the curve the maximum-likelihood
        // fit. The design is symmetric about 0.5, so with the slope held at 1 the intercept is 0.
        double[] scores = [0.2, 0.2, 0.2, 0.5, 0.5, 0.8, 0.8, 0.8];
        double[] labels = [1, 0, 0, 1, 0, 1, 1, 0];

        var fit = LogisticRecalibration.Fit(scores, labels);

        Assert.Equal(0.5, fit.Slope, 9);
        Assert.Equal(0, fit.Intercept, 9);
        Assert.Equal(0, fit.InTheLarge, 9);
    }

    [Fact]
    public void Run_ScoresConstantWithinBins_BrierDecompositionIsExact()
    {
        // Scores 0.25 (labels 0, 1) and 0.75 (labels 1, 1); overall rate 3/4.
        // Reliability = (2·(0.25 − 0.5)² + 2·(0.75 − 1)²)/4 = 0.0625; resolution = (2·(0.5 − 0.75)² +
        // 2·(1 − 0.75)²)/4 = 0.0625; uncertainty = 0.75·0.25 = 0.1875. Brier = (0.0625 + 0.5625 +
        // 0.0625 + 0.0625)/4 = 0.1875 = reliability − resolution + uncertainty, nothing left over.
        var population = new ScoredPopulation([0.25, 0.25, 0.75, 0.75], [0, 1, 1, 1], [new GroupColumn("g", ["a", "a", "a", "a"])]);

        var summary = new CalibrationAudit().Run(population).Scores[0].Overall!;

        Assert.Equal(0.1875, summary.Brier, 12);
        Assert.Equal(0.0625, summary.BrierDecomposition.Reliability, 12);
        Assert.Equal(0.0625, summary.BrierDecomposition.Resolution, 12);
        Assert.Equal(0.1875, summary.BrierDecomposition.Uncertainty, 12);
        Assert.Equal(0, summary.BrierDecomposition.WithinBin, 12);
    }

    [Fact]
    public void Run_RawScoresGiven_ReportsBothAndSkipsOnesThatAreNotProbabilities()
    {
        var population = new ScoredPopulation([0.2, 0.4, 0.6, 0.8], [0, 0, 1, 1], [new GroupColumn("g", ["a", "a", "b", "b"])])
        {
            RawScores = [-2, -1, 1, 2],
            RawScoreName = "margin",
        };

        var report = new CalibrationAudit().Run(population);

        Assert.Equal(["calibrated", "before calibration"], report.Scores.Select(s => s.Role));
        Assert.Equal(2, report.Scores[0].Groups.Count);
        Assert.Null(report.Scores[1].Overall);
        Assert.Equal("the scores are not probabilities (some lie outside [0, 1]), so calibration cannot be judged", report.Scores[1].SkippedReason);
    }

    [Fact]
    public void Run_OverPredictedLargeGroup_IsFlaggedInTheFindings()
    {
        // 200 people scored 0.5 of whom 40 (20%) had the outcome: the Wilson interval of 20% at n = 200
        // is about [15%, 26%], far from 50%.
        var labels = Enumerable.Range(0, 200).Select(i => i < 40 ? 1.0 : 0.0).ToArray();
        var population = new ScoredPopulation(Enumerable.Repeat(0.5, 200).ToArray(), labels, [new GroupColumn("g", Enumerable.Repeat("a", 200).ToArray())]);

        var findings = new CalibrationAudit().Run(population).Findings;

        Assert.Equal("flag", findings[0].Severity);
        Assert.Contains("over-predicts", findings[0].Text);
    }
}
