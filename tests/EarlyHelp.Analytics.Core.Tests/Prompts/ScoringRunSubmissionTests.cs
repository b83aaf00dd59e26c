using EarlyHelp.Analytics.Core.Prompts;

namespace EarlyHelp.Analytics.Core.Tests.Prompts;

public sealed class ScoringRunSubmissionTests
{
    private static readonly PromptContent Empty = new([], [], [], []);

    private static ScoringRunSubmission Submission(int capacity, long scored, params ScoredFamily[] prompts) => new()
    {
        Model = new ModelReference("escalation", "2024.1", new string('a', 64)),
        AsOf = new DateOnly(2024, 3, 1),
        Capacity = capacity,
        CreatedBy = "an.analyst",
        FamiliesScored = scored,
        Excluded = new ExclusionCounts(4, 1, 7),
        Prompts = prompts,
    };

    [Fact]
    public void Validate_OrderedWithinCapacity_HasNoProblems()
    {
        var submission = Submission(3, 10, new(new FamilyId(1), 0.6, Empty), new(new FamilyId(2), 0.6, Empty), new(new FamilyId(3), 0.2, Empty));

        Assert.Empty(submission.Validate());
    }

    [Fact]
    public void Validate_OverCapacityOutOfOrderAndRepeated_NamesEachProblem()
    {
        var submission = Submission(2, 2, new(new FamilyId(1), 0.2, Empty), new(new FamilyId(1), 0.5, Empty), new(new FamilyId(3), 1.5, Empty));

        Assert.Equal(
        [
            "The 'Prompts' must number at most the capacity 2. Got 3 instead.",
            "The 'FamiliesScored' must be at least the number of prompts 3. Got 2 instead.",
            "The 'Prompts' must name each family once.",
            "The 'Prompts' must be in order of probability, highest first. Prompt 2 has 0.5, more than 0.2 before it.",
            "The probability of prompt 3 must lie in [0, 1]. Got 1.5 instead.",
        ], submission.Validate());
    }

    [Fact]
    public void Validate_BadModelHash_NamesIt()
    {
        var submission = Submission(1, 1) with { Model = new ModelReference("escalation", "2024.1", "ABC") };

        Assert.Equal(["The 'Model.Sha256' must be 64 lower-case hex digits. Got 'ABC' instead."], submission.Validate());
    }

    [Fact]
    public void ExclusionCounts_Of_CountsEachReason()
    {
        var counts = ExclusionCounts.Of([ExclusionReason.OptedOut, ExclusionReason.StatutoryAlready, ExclusionReason.OptedOut]);

        Assert.Equal(new ExclusionCounts(1, 2, 0), counts);
        Assert.Equal(3, counts.Total);
    }
}
