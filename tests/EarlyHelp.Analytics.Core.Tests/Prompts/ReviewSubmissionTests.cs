using EarlyHelp.Analytics.Core.Prompts;

namespace EarlyHelp.Analytics.Core.Tests.Prompts;

public sealed class ReviewSubmissionTests
{
    private static readonly PromptReference Reference = PromptReference.Parse("P-7K3M-9QXD");

    [Theory]
    [InlineData("", "Give a reason for the outcome.")]
    [InlineData("   ", "Give a reason for the outcome.")]
    public void Validate_NoReason_AsksForOne(string reason, string expected) =>
        Assert.Equal([expected], new ReviewSubmission(Reference, ReviewOutcome.Other, reason, "a.practitioner", null).Validate());

    [Fact]
    public void Validate_ReasonOneOverTheLimit_SaysTheLimit()
    {
        var review = new ReviewSubmission(Reference, ReviewOutcome.Other, new string('x', 2001), "a.practitioner", null);

        Assert.Equal(["The reason must be at most 2000 characters. Got 2001 instead."], review.Validate());
    }

    [Fact]
    public void Validate_ReasonAtTheLimit_Accepted() =>
        Assert.Empty(new ReviewSubmission(Reference, ReviewOutcome.OfferEarlyHelp, new string('x', 2000), "a.practitioner", null).Validate());

    [Fact]
    public void TryParse_EveryOutcomeCode_RoundTrips()
    {
        foreach (var outcome in ReviewOutcomes.All)
        {
            Assert.True(ReviewOutcomes.TryParse(outcome.Code(), out var parsed));
            Assert.Equal(outcome, parsed);
        }
        Assert.False(ReviewOutcomes.TryParse("refer", out _));
    }
}
