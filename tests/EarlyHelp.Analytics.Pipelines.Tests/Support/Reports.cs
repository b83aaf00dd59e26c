using EarlyHelp.Analytics.Evaluation.Calibration;
using EarlyHelp.Analytics.Evaluation.Statistics;
using EarlyHelp.Analytics.Learning.Calibration;
using EarlyHelp.Analytics.Pipelines.Comparison;
using EarlyHelp.Analytics.Pipelines.Fairness;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Pipelines.Tests.Support;

/// <summary>Training reports with chosen test results, for the promotion rules.</summary>
internal static class Reports
{
    public static MetricEstimate Estimate(double value, double lower, double upper) => new(value, new Interval(lower, upper));

    /// <summary>A comparison of the model (first) with the two baselines, each difference as given; the model's ECE as given.</summary>
    public static ScorerComparison Test(MetricEstimate aucOverLogistic, MetricEstimate precisionOverLogistic, MetricEstimate aucOverRule, MetricEstimate precisionOverRule, double ece)
    {
        static Dictionary<string, MetricEstimate> Metrics(double auc, double ece) =>
            MetricNames.All.ToDictionary(m => m, m => m switch
            {
                MetricNames.Auc => Estimate(auc, auc - 0.03, auc + 0.03),
                MetricNames.ExpectedCalibrationError => Estimate(ece, ece / 2, ece * 2),
                _ => Estimate(0.1, 0.05, 0.15),
            });
        static Dictionary<string, MetricEstimate> Differences(MetricEstimate auc, MetricEstimate precision) =>
            MetricNames.All.ToDictionary(m => m, m => m switch
            {
                MetricNames.Auc => auc,
                MetricNames.PrecisionAtCapacity => precision,
                _ => Estimate(0, -0.01, 0.01),
            });
        return new ScorerComparison(1000, 20, 10, 200,
            [
                new ScorerResult(TrainingReport.ModelScorer, Metrics(0.85, ece), 5),
                new ScorerResult(TrainingReport.LogisticScorer, Metrics(0.85 - aucOverLogistic.Value, 0.01), 4),
                new ScorerResult(TrainingReport.RuleScorer, Metrics(0.85 - aucOverRule.Value, 0.01), 2),
            ],
            [
                new ScorerDifference(TrainingReport.ModelScorer, TrainingReport.LogisticScorer, Differences(aucOverLogistic, precisionOverLogistic)),
                new ScorerDifference(TrainingReport.ModelScorer, TrainingReport.RuleScorer, Differences(aucOverRule, precisionOverRule)),
            ]);
    }

    /// <summary>A report that passes every rule unless changed: the model ahead of both baselines beyond chance, calibrated, no leak, no flags.</summary>
    public static TrainingReport Passing() => Report(Test(Estimate(0.03, 0.01, 0.05), Estimate(0.1, -0.1, 0.3), Estimate(0.15, 0.1, 0.2), Estimate(0.3, 0.1, 0.5), 0.006));

    /// <summary>A calibration gate's verdict with a made-up reason, for the rules that read it.</summary>
    public static CalibrationVerdict Gate(string value) => new(value, [$"the gate said {value}"]);

    public static TrainingReport Report(ScorerComparison test, bool leakage = false, IReadOnlyList<FairnessFlag>? flags = null, string gate = CalibrationVerdict.Pass, FairnessEvidence? fairness = null) => new()
    {
        Name = "q1",
        ModelSha256 = new string('a', 64),
        CreatedAt = new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero),
        CreatedBy = "analyst",
        AsOf = new DateOnly(2025, 1, 1),
        Schedule = new ScheduleSummary(new DateOnly(2019, 1, 1), [new DateOnly(2023, 1, 1)], new DateOnly(2023, 4, 1), new DateOnly(2023, 7, 1), new DateOnly(2025, 1, 1), 12),
        Split = new SplitSummary(1, new Dictionary<string, double> { ["test"] = 0.4 }, new Dictionary<string, RoleSize>(), "by family"),
        Capacity = new CapacitySummary(50, 10_000, 20, "in panel terms"),
        Test = test,
        Boosting = new BoostingSummary(100, 1000, 0.08, 0.9),
        Calibrator = new CalibratorDescription { Kind = CalibratorDescription.PlattKind, A = -1, B = 0 },
        CalibrationGate = Gate(gate),
        Leakage = new LeakageCheck(0.84, leakage ? 0.6 : 0.83, leakage ? 0.24 : 0.01, 0.1, leakage, leakage ? "POSSIBLE LEAKAGE: …" : "No sign of leakage: …"),
        FairnessFlags = flags ?? [],
        FairnessEvidence = fairness ?? new FairnessEvidence(FairnessEvidence.Assessable, 4, 2, ["2 of 4 groups were large enough to compare with their reference group"]),
        Drift = new DriftSummary(0.02, "stable", []),
        FeatureImportance = [],
        StageTimings = [],
    };
}
