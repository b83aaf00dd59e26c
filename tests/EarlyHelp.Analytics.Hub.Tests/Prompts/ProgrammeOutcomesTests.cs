using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Prompts;

namespace EarlyHelp.Analytics.Hub.Tests.Prompts;

/// <summary>The programme view's counting: escalations count only among prompts followed up for a year; steps only for those offered early help.</summary>
public sealed class ProgrammeOutcomesTests
{
    [Fact]
    public void Compute_HandMadeFacts_CountsEachGroupAndTheOfferedSteps()
    {
        HashSet<NextStep> none = [];
        var facts = new[]
        {
            new ProgrammeFact(ProgrammeGroup.OfferedEarlyHelp, new HashSet<NextStep> { NextStep.Contacted, NextStep.ConsentGiven }, FollowedUp: true, Escalated: true),
            new ProgrammeFact(ProgrammeGroup.OfferedEarlyHelp, new HashSet<NextStep> { NextStep.Contacted }, FollowedUp: true, Escalated: false),
            // Escalated, but its year has not passed: counted as a prompt only.
            new ProgrammeFact(ProgrammeGroup.OfferedEarlyHelp, none, FollowedUp: false, Escalated: true),
            new ProgrammeFact(ProgrammeGroup.NotReviewed, none, FollowedUp: true, Escalated: true),
            // A step on a prompt not offered early help (amended since) is not the offered group's.
            new ProgrammeFact(ProgrammeGroup.NoActionNeeded, new HashSet<NextStep> { NextStep.Contacted }, FollowedUp: true, Escalated: false),
        };

        var outcomes = ProgrammeOutcomes.Compute(facts, new DateOnly(2025, 4, 1));

        Assert.Equal(
            [
                new(ProgrammeGroup.OfferedEarlyHelp, 3, 2, 1), new(ProgrammeGroup.NoActionNeeded, 1, 1, 0), new(ProgrammeGroup.AlreadySupported, 0, 0, 0),
                new(ProgrammeGroup.NotReviewed, 1, 1, 1), new ProgrammeGroupCounts(ProgrammeGroup.OtherOutcome, 0, 0, 0),
            ], outcomes.Groups);
        Assert.Equal(2, outcomes.StepsOffered.Single(s => s.Step == NextStep.Contacted).Prompts);
        Assert.Equal(1, outcomes.StepsOffered.Single(s => s.Step == NextStep.ConsentGiven).Prompts);
    }

    [Theory]
    [InlineData(null, ProgrammeGroup.NotReviewed)]
    [InlineData(ReviewOutcome.OfferEarlyHelp, ProgrammeGroup.OfferedEarlyHelp)]
    [InlineData(ReviewOutcome.DataLooksWrong, ProgrammeGroup.OtherOutcome)]
    [InlineData(ReviewOutcome.Other, ProgrammeGroup.OtherOutcome)]
    public void GroupOf_LatestOutcome_Group(ReviewOutcome? latest, ProgrammeGroup expected) =>
        Assert.Equal(expected, ProgrammeOutcomes.GroupOf(latest));
}
