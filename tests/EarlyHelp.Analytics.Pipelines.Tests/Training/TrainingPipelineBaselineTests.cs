using EarlyHelp.Analytics.Pipelines.Comparison;
using EarlyHelp.Analytics.Pipelines.Tests.Support;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Pipelines.Tests.Training;

/// <summary>The gradient-boosted model against the baselines it must beat, on the test families of a generated city.</summary>
[Collection(TrainedCityCollection.Name)]
public sealed class TrainingPipelineBaselineTests(BiasedCity city)
{
    [Fact]
    public void Run_SmallCity_BeatsTheTwoOfSixRuleBeyondChanceOnAucAndPrecisionAtCapacity()
    {
        var rule = city.Reference.Report.Test.Against(TrainingReport.RuleScorer);

        // The rule puts every flagged family level, and at a city's escalation rate (about 2% a year) two
        // problems in a year flag several times the panel's capacity, so its top K is a lottery among them.
        Assert.True(rule.BetterBeyondChance(MetricNames.Auc), Describe(rule, MetricNames.Auc));
        // Precision at capacity is counted among the few test families the panel would see (K is under 20 here), so
        // one partition's interval is wide and its lower end sits near 0 by the draw; three partitions are pooled.
        var precision = PooledOverPartitionSeeds(TrainingReport.RuleScorer, MetricNames.PrecisionAtCapacity);
        Assert.True(precision.Lower > 0, Describe("two_of_six_rule", MetricNames.PrecisionAtCapacity, precision));
    }

    // The city's escalations come from a logistic funnel over each family's need level (Synthetic's
    // SocialCareFunnel: a referral's log-odds rise by a fixed step per level, plus the log of how visible the
    // family is to agencies), and the features are noisy counts of that need, so a model linear in them is
    // close to the truth and the trees have little to add. The run must therefore recommend the simpler model.
    [Fact]
    public void Run_SmallCity_RecommendsTheLogisticRegressionWhenTheTreesLeadOnlyWithinChance()
    {
        var recommendation = city.Reference.Report.Recommendation;

        Assert.Equal(ModelRecommendation.LogisticRegression, recommendation.Model);
        Assert.StartsWith("The logistic regression, the simpler model: the trees' AUC lead over the logistic regression is ", recommendation.Reason, StringComparison.Ordinal);
    }

    // The trees must not be behind the logistic regression beyond chance either, or the tuned defaults would be
    // hurting them. One run cannot say so: its interval covers its test rows' sampling only, and on 60,000-person cities
    // the trees' AUC gap moved by about ±0.03 with the family partition's seed alone (six runs: docs/linkage.md, "Group
    // linkage and the model"). So three seeds are pooled with their spread counted.
    [Fact]
    public void Run_SmallCity_TreesNotBehindTheLogisticRegressionBeyondChanceAcrossPartitionSeeds()
    {
        var pooled = RandomEffects.Pool([.. city.PartitionSeedRuns.Select(r => TreesOverLogistic(r.Report))]);

        Assert.True(pooled.Upper > 0, Describe("logistic_regression", MetricNames.Auc, pooled));
    }

    private IntervalEstimate PooledOverPartitionSeeds(string baseline, string metric) =>
        RandomEffects.Pool([.. city.PartitionSeedRuns.Select(r => Estimate(r.Report.Test.Against(baseline).Differences[metric]))]);

    /// <summary>A run that saved the regression reports it as the model and the trees beside it: the trees' lead is then its negative.</summary>
    private static IntervalEstimate TreesOverLogistic(TrainingReport report)
    {
        if (!report.IsLogistic)
            return Estimate(report.Test.Against(TrainingReport.LogisticScorer).Differences[MetricNames.Auc]);
        var regressionLead = Estimate(report.Test.Against(TrainingReport.TreesScorer).Differences[MetricNames.Auc]);
        return new IntervalEstimate(-regressionLead.Value, -regressionLead.Upper, -regressionLead.Lower);
    }

    private static IntervalEstimate Estimate(MetricEstimate difference) => new(difference.Value, difference.Interval.Lower, difference.Interval.Upper);

    private static string Describe(string baseline, string metric, IntervalEstimate pooled) =>
        $"{metric}: trees or model − {baseline} pooled over partition seeds 1 to 3 = {pooled.Value:0.0000} [{pooled.Lower:0.0000}, {pooled.Upper:0.0000}]";

    private static string Describe(ScorerDifference difference, string metric) =>
        $"{metric}: model − {difference.Against} = {difference.Differences[metric].Value:0.0000} [{difference.Differences[metric].Interval.Lower:0.0000}, {difference.Differences[metric].Interval.Upper:0.0000}]";
}
