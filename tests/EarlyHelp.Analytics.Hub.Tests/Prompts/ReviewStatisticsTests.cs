using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Prompts;

/// <summary>Review statistics over the three fixture families, against counts worked out by hand.</summary>
public abstract class ReviewStatisticsTests<TFixture> : PromptHubTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    [StoreFact]
    public void Statistics_TwoOfThreeReviewed_MatchesHandCounts()
    {
        var clock = new FixedClock(SavedAt);
        using var store = OpenWithRun(out var run, clock);
        var queue = store.Prompts.Queue(run.Id, new QueueFilter());
        clock.Now = SavedAt.AddHours(2);
        store.Prompts.Review(new ReviewSubmission(queue[0].Reference, ReviewOutcome.NoActionNeeded, "reason", "a.practitioner", null));
        clock.Now = SavedAt.AddHours(4);
        var first = ((ReviewRecording.Recorded)store.Prompts.Review(
            new ReviewSubmission(queue[1].Reference, ReviewOutcome.NoActionNeeded, "reason", "a.practitioner", null))).Review;
        clock.Now = SavedAt.AddHours(6);
        store.Prompts.Review(new ReviewSubmission(queue[1].Reference, ReviewOutcome.OfferEarlyHelp, "amended", "a.practitioner", first.Id));

        var statistics = store.Prompts.Statistics(run.Id, store.OpenProtectedCharacteristicsReader());

        // Latest outcomes: rank 1 no action, rank 2 offer (amended), rank 3 awaiting. Override rate = 1 / 2.
        Assert.Equal(new OutcomeBreakdown("All prompts", 3, 2, [1, 0, 1, 0, 0]).Outcomes, statistics.Overall.Outcomes);
        Assert.Equal((3, 2, 0.5), (statistics.Overall.Prompts, statistics.Overall.Reviewed, statistics.Overall.OverrideRate));
        Assert.True(statistics.Overall.TooFewToCompare);
        // First reviews came 2 h and 4 h after the run (the amendment does not count): median 3 h.
        Assert.Equal(TimeSpan.FromHours(3), statistics.MedianTimeToFirstReview);
        Assert.Equal(
            [("Lower (under 10%)", 0, 0), ("Moderate (10% to 25%)", 1, 0), ("High (25% to 50%)", 1, 1), ("Very high (50% or more)", 1, 1)],
            statistics.ByBand.Select(b => (b.Group, b.Prompts, b.Reviewed)));
        // Family 10: children 2 and 3, white British, child 3 disabled. Family 20 on the as-of date: child 9 only
        // (child 5, black, had left), so Asian. Family 30: child 8, black.
        Assert.Equal([("White British", 1.0), ("Asian", 0.0), ("Black", (double?)null)],
            statistics.ByChildrenEthnicity.Select(g => (g.Group, g.OverrideRate)));
        Assert.Equal([("A child with a disability", 1), ("No child recorded with a disability", 2)],
            statistics.ByChildDisability.Select(g => (g.Group, g.Prompts)));
    }

    [StoreFact]
    public void Compute_NoPrompts_HasNoRatesOrMedian()
    {
        var statistics = ReviewStatistics.Compute([]);

        Assert.Null(statistics.Overall.OverrideRate);
        Assert.Null(statistics.MedianTimeToFirstReview);
        Assert.Equal(4, statistics.ByBand.Count);
        Assert.Empty(statistics.ByChildrenEthnicity);
    }

    [StoreFact]
    public void ChildrenEthnicity_ChildrenOfTwoGroups_IsSeveralGroups()
    {
        var group = ProtectedGroups.ChildrenEthnicity(
            [new(new(1), "F", "mixed", "N"), new(new(2), "M", "white_other", "N")]);

        Assert.Equal(ReviewStatistics.SeveralEthnicGroups, group);
        Assert.Equal(ReviewStatistics.NotRecorded, ProtectedGroups.ChildrenEthnicity([]));
    }
}

public sealed class SqliteReviewStatisticsTests : ReviewStatisticsTests<SqliteHubFixture>;

public sealed class PostgresReviewStatisticsTests : ReviewStatisticsTests<PostgresHubFixture>;
