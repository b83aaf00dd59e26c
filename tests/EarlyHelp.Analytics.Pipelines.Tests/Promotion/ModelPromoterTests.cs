using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Pipelines.Promotion;
using EarlyHelp.Analytics.Pipelines.Tests.Support;

namespace EarlyHelp.Analytics.Pipelines.Tests.Promotion;

/// <summary>
/// Promotion on a real hub follows what the run recommends: on this city the run recommends the tuned
/// logistic regression (on its linked hub the trees' AUC lead is -0.002, 95% interval [-0.023, +0.021]; see
/// TrainingPipelineBaselineTests), so the trees are refused whatever the note says. Since groups count as small by
/// the selected families they can expect and flags need to survive false-discovery control, the escalation audit at
/// the panel's capacity raises no flag on this city, so the note has nothing to acknowledge; the planted bias shows
/// in the audit against true need instead (TrainingPipelineRecordingBiasTests). Notes that
/// leave a flag unacknowledged are refused by <see cref="PromotionRules"/> (PromotionRulesTests).
/// </summary>
[Collection(TrainedCityCollection.Name)]
public sealed class ModelPromoterTests(BiasedCity city)
{
    [Fact]
    public void Propose_TreesNotRecommended_RefusedWithEveryReasonAndNoChampion()
    {
        var candidate = city.Reference;
        Assert.False(candidate.Report.Recommendation.RecommendsTrees, candidate.Report.Recommendation.Reason);
        var note = "Reviewed with IG; each flag discussed: " + string.Join("; ", candidate.Report.FairnessFlags.Select(f => f.Id));

        if (city.Store.Users.Find("an.analyst") is null)
            Assert.IsType<UserChange.Done>(city.Store.Users.Add(new NewUser("an.analyst", "An analyst", UserRole.Analyst), "a long test passphrase", "tester"));

        var held = Assert.IsType<PromotionOutcome.Refused>(ModelPromoter.Propose(city.Store, candidate.Name, "an.analyst", note));

        // Every rule the candidate fails is listed, the recommendation's first; a note cannot answer it.
        Assert.Equal("beats the logistic regression", held.Failed.First().Rule);
        Assert.DoesNotContain(held.Failed, c => c.Rule == "every fairness flag acknowledged");
        // The rule's own wording: the AUC lead with an interval that reaches 0 (its sign is the city's, not the rule's).
        Assert.Matches(@"^AUC [+-]0\.\d{3} \(95% interval [+-]0\.\d{3} to [+-]0\.\d{3}; must lie above 0\)", held.Failed.First().Detail);
        Assert.Equal(ModelStatus.Candidate, city.Store.Models.Find(candidate.Name)!.Status);
        Assert.Empty(city.Store.Models.Proposals(candidate.Name));
        Assert.Null(city.Store.Models.Champion());
    }
}
