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
        Assert.True(rule.BetterBeyondChance(MetricNames.PrecisionAtCapacity), Describe(rule, MetricNames.PrecisionAtCapacity));
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
    // hurting them. One run cannot say so: its interval covers its test rows' sampling only, and on this city the
    // trees' AUC gap moves by about ±0.03 with the family partition's seed alone (seeds 1 to 3 with group linkage:
    // −0.030, +0.005, +0.029; docs/linkage.md, "Group linkage"). So three seeds are pooled with their spread counted.
    [Fact]
    public void Run_SmallCity_TreesNotBehindTheLogisticRegressionBeyondChanceAcrossPartitionSeeds()
    {
        var runs = new[] { city.Reference }
            .Concat(new[] { 2, 3 }.Select(seed => city.Train($"seed-{seed}", city.Options with { Seed = seed })))
            .Select(r => r.Report.Test.Against(TrainingReport.LogisticScorer).Differences[MetricNames.Auc])
            .Select(d => new IntervalEstimate(d.Value, d.Interval.Lower, d.Interval.Upper))
            .ToList();

        var pooled = RandomEffects.Pool(runs);

        Assert.True(pooled.Upper > 0, $"AUC model − logistic regression pooled over seeds 1 to 3: {pooled.Value:0.0000} [{pooled.Lower:0.0000}, {pooled.Upper:0.0000}]");
    }

    private static string Describe(ScorerDifference difference, string metric) =>
        $"{metric}: model − {difference.Against} = {difference.Differences[metric].Value:0.0000} [{difference.Differences[metric].Interval.Lower:0.0000}, {difference.Differences[metric].Interval.Upper:0.0000}]";
}
