using EarlyHelp.Analytics.Learning.Calibration;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Trees;
using EarlyHelp.Analytics.Pipelines.Baselines;
using EarlyHelp.Analytics.Pipelines.Comparison;
using EarlyHelp.Analytics.Pipelines.Training;
using static EarlyHelp.Analytics.Pipelines.Tests.Support.Reports;

namespace EarlyHelp.Analytics.Pipelines.Tests.Comparison;

/// <summary>
/// The run's choice between the trees and the tuned logistic regression, made with the real trainers on
/// hand-built data where the answer is known: an interaction no linear model can express, and a truly
/// linear log-odds that the regression fits exactly.
/// </summary>
public sealed class ModelRecommendationTests
{
    private const int TrainingRows = 6_000;
    private const int HeldOutRows = 2_000;
    private const int TestRows = 4_000;

    [Fact]
    public void From_TreesAheadOfAnInteraction_RecommendsTheTrees()
    {
        // Escalation is likely (0.8) when exactly one of two signals is high, unlikely (0.2) otherwise: an
        // exclusive or, which no weighted sum of the two separates. By hand, the best possible scorer puts each
        // half of the square at its own rate, so its AUC is P(positive in the likely half) × P(negative in the
        // unlikely half) + ½ × P(same half) = 0.8 × 0.8 + ½ × (0.8 × 0.2 + 0.2 × 0.8) = 0.80, while any
        // linear score is at chance (0.5) by the square's symmetry.
        var (comparison, recommendation) = Compare(seed: 21, (x, random) => random.NextDouble() < ((x[0] > 0.5) ^ (x[1] > 0.5) ? 0.8 : 0.2));

        Assert.Equal(0.80, comparison.Scorer(TrainingReport.ModelScorer).Metrics[MetricNames.Auc].Value, 0.02);
        Assert.Equal(0.50, comparison.Scorer(TrainingReport.LogisticScorer).Metrics[MetricNames.Auc].Value, 0.03);
        Assert.Equal(ModelRecommendation.Trees, recommendation.Model);
        Assert.StartsWith("The gradient-boosted trees: the trees' AUC lead over the logistic regression is +0.", recommendation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void From_LinearLogOdds_RecommendsTheLogisticRegression()
    {
        // The log-odds are exactly linear in the features (−2 + 1.5·x₁ − 1.2·x₂ + 0.8·x₃ on standard normals), so
        // the regression is the true model and the trees can only approximate its straight lines by steps:
        // they cannot rank better beyond chance, and the simpler model is recommended.
        var (comparison, recommendation) = Compare(seed: 22, (x, random) =>
            random.NextDouble() < 1 / (1 + Math.Exp(-(-2 + 1.5 * x[0] - 1.2 * x[1] + 0.8 * x[2]))), normal: true);

        var auc = comparison.Against(TrainingReport.LogisticScorer).Differences[MetricNames.Auc];
        Assert.True(auc.Interval.Upper < 0.01, $"trees − regression AUC {auc.Value:0.0000} [{auc.Interval.Lower:0.0000}, {auc.Interval.Upper:0.0000}]");
        Assert.Equal(ModelRecommendation.LogisticRegression, recommendation.Model);
        Assert.StartsWith("The logistic regression, the simpler model: ", recommendation.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0001, 0.0, true)]
    [InlineData(0.0, 0.0, false)]
    [InlineData(0.0001, -0.01, false)]
    public void From_IntervalAtTheBoundary_RecommendsTheTreesOnlyWhenItExcludesATieAndTheyAreNotBehindAtCapacity(double aucLower, double precision, bool trees)
    {
        // A lower bound of exactly 0 is a tie the interval does not exclude; a lead beyond chance with fewer
        // escalations among the prompted families is not a better ranking for the panel.
        var test = Test(Estimate(0.02, aucLower, 0.04), Estimate(precision, -0.2, 0.2), Estimate(0.15, 0.1, 0.2), Estimate(0.3, 0.1, 0.5), 0.006);

        var recommendation = ModelRecommendation.From(test.Against(TrainingReport.LogisticScorer));

        Assert.Equal(trees, recommendation.RecommendsTrees);
    }

    private static (ScorerComparison Comparison, ModelRecommendation Recommendation) Compare(int seed, Func<double[], Random, bool> label, bool normal = false)
    {
        var random = new Random(seed);
        DenseDataset Rows(int count)
        {
            // Two signals (three when normal) and three noise columns, so neither model is handed only the answer.
            var values = new float[count * 6];
            var labels = new float[count];
            var x = new double[6];
            for (var row = 0; row < count; row++)
            {
                for (var column = 0; column < 6; column++)
                {
                    x[column] = normal ? Normal(random) : random.NextDouble();
                    values[row * 6 + column] = (float)x[column];
                }
                labels[row] = label(x, random) ? 1f : 0f;
            }
            return new DenseDataset(["a", "b", "c", "d", "e", "f"], values, labels);
        }

        var (training, validation, calibration, test) = (Rows(TrainingRows), Rows(HeldOutRows), Rows(HeldOutRows), Rows(TestRows));
        var trees = new GradientBoostingTrainer(new GradientBoostingOptions { NumberOfTrees = 100, NumberOfLeaves = 8, LearningRate = 0.1, MinimumExampleCountPerLeaf = 50, Seed = seed })
            .Fit(training, validation).Calibrate(CalibrationMethod.Platt, calibration);
        var logistic = LogisticBaseline.Fit(training, validation, calibration, seed);
        var comparison = PairedBootstrap.Run(
            [new Scorer(TrainingReport.ModelScorer, trees.PredictProbability(test)), new Scorer(TrainingReport.LogisticScorer, logistic.PredictProbability(test))],
            test.Labels!.Select(l => (double)l).ToArray(), Enumerable.Range(0, TestRows).Select(i => (long)i).ToArray(), capacity: TestRows / 20, resamples: 200, seed);
        return (comparison, ModelRecommendation.From(comparison.Against(TrainingReport.LogisticScorer)));
    }

    private static double Normal(Random random) =>
        // Box–Muller: two uniforms give a standard normal.
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
