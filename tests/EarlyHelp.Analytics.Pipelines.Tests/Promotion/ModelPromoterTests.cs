using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Learning.Models;
using EarlyHelp.Analytics.Pipelines.Promotion;
using EarlyHelp.Analytics.Pipelines.Tests.Support;

namespace EarlyHelp.Analytics.Pipelines.Tests.Promotion;

/// <summary>
/// Promotion on a real hub follows what the run recommends: on this city the run recommends the tuned logistic
/// regression (on its linked hub the trees' AUC lead is within chance; see TrainingPipelineBaselineTests), so the run
/// saves the regression, and promotion judges it by the same rules as trees, the recommendation standing in for
/// "beats the logistic regression". Since groups count as small by the selected families they can expect and flags
/// need to survive false-discovery control, the escalation audit at the panel's capacity raises no flag on this city,
/// so the note has nothing to acknowledge; the planted bias shows in the audit against true need instead
/// (TrainingPipelineRecordingBiasTests). Notes that leave a flag unacknowledged are refused by
/// <see cref="PromotionRules"/> (PromotionRulesTests).
/// </summary>
[Collection(TrainedCityCollection.Name)]
public sealed class ModelPromoterTests(BiasedCity city)
{
    [Fact]
    public void Propose_LogisticRecommendedAndSaved_RecommendationPassesAndTheOtherRulesStillRefuse()
    {
        var candidate = city.Reference;
        Assert.False(candidate.Report.Recommendation.RecommendsTrees, candidate.Report.Recommendation.Reason);
        Assert.Equal(ModelKind.LogisticRegression, candidate.Report.ModelKind);
        var note = "Reviewed with IG; each flag discussed: " + string.Join("; ", candidate.Report.FairnessFlags.Select(f => f.Id));

        if (city.Store.Users.Find("an.analyst") is null)
            Assert.IsType<UserChange.Done>(city.Store.Users.Add(new NewUser("an.analyst", "An analyst", UserRole.Analyst), "a long test passphrase", "tester"));

        var held = Assert.IsType<PromotionOutcome.Refused>(ModelPromoter.Propose(city.Store, candidate.Name, "an.analyst", note));

        // The regression stands in the trees' place because its run recommended it: that rule passes with the run's reason.
        var recommended = Assert.Single(held.Checks, c => c.Rule == "recommended over the trees");
        Assert.True(recommended.Passed);
        Assert.Equal(candidate.Report.Recommendation.Reason, recommended.Detail);
        Assert.DoesNotContain(held.Checks, c => c.Rule == "beats the logistic regression");
        // The city's test families hold about 60 escalations, under the calibration gate's 100: not assessable, so refused,
        // whichever kind of model it is.
        Assert.Contains(held.Failed, c => c.Rule == "calibrated");
        Assert.DoesNotContain(held.Failed, c => c.Rule == "every fairness flag acknowledged");
        Assert.Equal(ModelStatus.Candidate, city.Store.Models.Find(candidate.Name)!.Status);
        Assert.Empty(city.Store.Models.Proposals(candidate.Name));
        Assert.Null(city.Store.Models.Champion());
    }
}
