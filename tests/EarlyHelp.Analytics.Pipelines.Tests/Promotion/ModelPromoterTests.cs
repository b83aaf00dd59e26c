using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Pipelines.Promotion;
using EarlyHelp.Analytics.Pipelines.Tests.Support;

namespace EarlyHelp.Analytics.Pipelines.Tests.Promotion;

/// <summary>
/// Promotion on a real hub follows what the run recommends: on this city the run recommends the tuned
/// logistic regression (on its linked hub the trees' AUC lead is -0.002, 95% interval [-0.023, +0.021]; see
/// TrainingPipelineBaselineTests), so the trees are refused whatever the note says, and every other failed
/// rule is listed beside that reason.
/// </summary>
[Collection(TrainedCityCollection.Name)]
public sealed class ModelPromoterTests(BiasedCity city)
{
    [Fact]
    public void Promote_TreesNotRecommended_RefusedWithEveryReasonAndNoChampion()
    {
        var candidate = city.Reference;
        Assert.False(candidate.Report.Recommendation.RecommendsTrees, candidate.Report.Recommendation.Reason);
        var flags = candidate.Report.FairnessFlags.Select(f => f.Id).ToArray();
        // The planted recording bias makes the escalation audit raise flags on this city (seeded, so always the same ones).
        Assert.NotEmpty(flags);

        var skipped = ModelPromoter.Promote(city.Store, candidate.Name, "a reviewer", "Reviewed; acknowledged: " + string.Join("; ", flags[1..]));
        var refused = Assert.IsType<PromotionOutcome.Refused>(skipped);
        Assert.Equal(["beats the logistic regression", "every fairness flag acknowledged"], refused.Failed.Select(c => c.Rule));
        Assert.Equal($"the note must quote each flag's id and say what was concluded; not acknowledged: {flags[0]}", refused.Failed.Last().Detail);

        // Acknowledging every flag leaves the one reason no note can answer: the run recommends the simpler model.
        var note = "Reviewed with IG; each flag discussed: " + string.Join("; ", flags);
        var held = Assert.IsType<PromotionOutcome.Refused>(ModelPromoter.Promote(city.Store, candidate.Name, "a reviewer", note));
        var failed = Assert.Single(held.Failed);
        Assert.Equal("beats the logistic regression", failed.Rule);
        // The rule's own wording: the AUC lead with an interval that reaches 0 (its sign is the city's, not the rule's).
        Assert.Matches(@"^AUC [+-]0\.\d{3} \(95% interval [+-]0\.\d{3} to \+0\.\d{3}; must lie above 0\)", failed.Detail);
        Assert.Equal(ModelStatus.Candidate, city.Store.Models.Find(candidate.Name)!.Status);
        Assert.Null(city.Store.Models.Champion());
    }
}
