using EarlyHelp.Analytics.Core.Prompts;

namespace EarlyHelp.Analytics.Core.Tests.Prompts;

public sealed class PromptContentTests
{
    private static PromptContent WithEvidence(params EvidenceItem[] evidence) => new(evidence, [], [], []);

    [Fact]
    public void EvidenceByProblem_MixedItems_GroupsInHeadlineOrderLargestFirst()
    {
        var content = WithEvidence(
            new(ProblemCategory.Health, "GP registration current", -0.10, null),
            new(ProblemCategory.DomesticAbuse, "2 call-outs", 0.30, new DateOnly(2024, 2, 12)),
            new(ProblemCategory.CrimeAsb, "1 ASB incident", 0.05, null),
            new(ProblemCategory.DomesticAbuse, "MARAC referral", 0.60, null),
            new(ProblemCategory.DomesticAbuse, "IDVA support open", -0.20, null),
            new(ProblemCategory.DomesticAbuse, "Refuge place ended", -0.40, null));

        var groups = content.EvidenceByProblem();

        Assert.Equal([ProblemCategory.CrimeAsb, ProblemCategory.DomesticAbuse, ProblemCategory.Health], groups.Select(g => g.Category));
        var domestic = groups[1];
        Assert.Equal(["MARAC referral", "2 call-outs"], domestic.Raising.Select(e => e.Text));
        Assert.Equal(["Refuge place ended", "IDVA support open"], domestic.Lowering.Select(e => e.Text));
        Assert.Empty(groups[2].Raising);
    }

    [Fact]
    public void EvidenceByProblem_FamilyWideAndStatutoryFacts_StatutoryAfterProblemsFamilyLast()
    {
        var content = WithEvidence(
            new(null, "2 dependent children", 0.20, null),
            new(ProblemCategory.StatutoryCare, "1 Child in Need plan ended", 0.10, new DateOnly(2022, 12, 31)),
            new(ProblemCategory.Health, "1 A&E attendance", 0.05, null));

        var groups = content.EvidenceByProblem();

        Assert.Equal([ProblemCategory.Health, ProblemCategory.StatutoryCare, null], groups.Select(g => g.Category));
        Assert.Equal(["Health", "Statutory social care", "The family as a whole"], groups.Select(g => g.Heading));
    }

    [Fact]
    public void Validate_ZeroContributionAndEmptyText_NamesEachProblem()
    {
        var content = WithEvidence(new EvidenceItem(ProblemCategory.Health, "", 0, null));

        Assert.Equal(
        [
            "An evidence text must hold 1 to 300 characters. Got 0 instead.",
            "An evidence contribution must be a non-zero finite number. Got 0 instead.",
        ], content.Validate());
    }

    [Fact]
    public void Validate_TrajectoryProblems_NamesEachProblem()
    {
        var content = new PromptContent([],
        [
            new(ProblemCategory.StatutoryCare, new YearMonth(2023, 1), [1]),
            new(ProblemCategory.Health, new YearMonth(2023, 1), [2, -1]),
            new(ProblemCategory.Health, new YearMonth(2023, 1), []),
        ], [], []);

        Assert.Equal(
        [
            "A trajectory must be of a headline problem. Got statutory care instead.",
            "A trajectory's monthly counts must not be negative. Got -1 instead.",
            "A trajectory must hold 1 to 120 months. Got 0 instead.",
            "A prompt must hold at most one trajectory per problem.",
        ], content.Validate());
    }

    [Fact]
    public void LastMonth_TwelveCounts_ElevenMonthsAfterFirst()
    {
        var trajectory = new ProblemTrajectory(ProblemCategory.Education, new YearMonth(2023, 3), new int[12]);

        Assert.Equal(new YearMonth(2024, 2), trajectory.LastMonth);
    }
}
