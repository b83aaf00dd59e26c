using EarlyHelp.Analytics.Evaluation.Calibration;
using EarlyHelp.Analytics.Evaluation.Input;

namespace EarlyHelp.Analytics.Evaluation.Tests.Calibration;

/// <summary>
/// The calibration gate on scores whose calibration is known by construction: outcomes are drawn from the true
/// probabilities, so the true probability is calibrated, and every distortion of it is not.
/// </summary>
public sealed class CalibrationGateTests
{
    private const int Rows = 20_000;

    [Fact]
    public void Run_TrueProbabilities_Pass()
    {
        var (truth, labels) = Draw(seed: 1);

        Assert.Equal(CalibrationVerdict.Pass, Gate(truth, labels).Value);
    }

    [Fact]
    public void Run_ConstantAtTheBaseRate_FailsForLackOfDiscrimination()
    {
        // A constant at the observed rate is calibrated in the large and has a near-zero ECE, but separates nobody.
        var (_, labels) = Draw(seed: 2);
        var constant = Enumerable.Repeat(labels.Average(), Rows).ToArray();

        var verdict = Gate(constant, labels);

        Assert.Equal(CalibrationVerdict.Fail, verdict.Value);
        Assert.Contains(verdict.Reasons, r => r.StartsWith("AUC", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_DoubledProbabilities_FailInTheLarge()
    {
        // Twice the true probability predicts twice the outcomes: observed / expected near 0.5.
        var (truth, labels) = Draw(seed: 3);

        var doubled = truth.Select(p => Math.Min(1, 2 * p)).ToArray();

        var report = Report(doubled, labels);

        Assert.Equal(CalibrationVerdict.Fail, report.Gate);
        Assert.Contains(report.GateReasons, r => r.StartsWith("observed / expected outcomes", StringComparison.Ordinal));
        var overall = report.Scores[0].Overall!;
        Assert.Equal(0.5, overall.Positives / (overall.MeanScore * overall.Rows), 0.05);
    }

    [Fact]
    public void Run_ProbabilitiesTooExtreme_FailOnTheSlope()
    {
        // Doubling the log-odds makes every score too extreme: the recalibration slope is near 1/2.
        var (truth, labels) = Draw(seed: 4);
        var extreme = truth.Select(p => 1 / (1 + Math.Exp(-2 * Math.Log(p / (1 - p)) - 2.5))).ToArray();

        var report = Report(extreme, labels);

        Assert.Equal(CalibrationVerdict.Fail, report.Gate);
        Assert.Contains(report.GateReasons, r => r.StartsWith("calibration slope", StringComparison.Ordinal));
        Assert.Equal(0.5, report.Scores[0].Overall!.CalibrationSlope, 0.1);
    }

    [Fact]
    public void Run_FewOutcomes_NotAssessable()
    {
        // The first 1,000 rows at about 6%: about 60 outcomes, too few to judge.
        var (truth, labels) = Draw(seed: 5);

        var verdict = Gate(truth[..1000], labels[..1000]);

        Assert.Equal(CalibrationVerdict.NotAssessable, verdict.Value);
    }

    private static CalibrationVerdict Gate(double[] scores, double[] labels) => Report(scores, labels).Verdict;

    private static CalibrationReport Report(double[] scores, double[] labels) =>
        new CalibrationAudit().Run(new ScoredPopulation(scores, labels, [new GroupColumn("area", Enumerable.Repeat("all", scores.Length).ToArray())]));

    /// <summary>True probabilities with log-odds normal around −3.2 (mean about 5%), and outcomes drawn from them.</summary>
    private static (double[] Truth, double[] Labels) Draw(int seed)
    {
        var random = new Random(seed);
        var truth = new double[Rows];
        var labels = new double[Rows];
        for (var i = 0; i < Rows; i++)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            truth[i] = 1 / (1 + Math.Exp(3.2 - 1.0 * normal));
            labels[i] = random.NextDouble() < truth[i] ? 1 : 0;
        }
        return (truth, labels);
    }
}
