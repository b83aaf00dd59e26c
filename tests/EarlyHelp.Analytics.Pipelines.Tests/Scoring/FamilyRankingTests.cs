using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Pipelines.Scoring;

namespace EarlyHelp.Analytics.Pipelines.Tests.Scoring;

public sealed class FamilyRankingTests
{
    [Fact]
    public void Order_TiedProbabilities_RawScoreThenFamilyIdBreakTheTie()
    {
        // Families 4, 9, 2, 7, 5. Probability 0.5 is shared by 9, 2 and 7; of those, 2 and 7 share raw score 2.0 above 9's 1.0,
        // and 2 comes before 7 by id. Then 5 (0.4) and last 4 (0.3): 2, 7, 9, 5, 4 — positions 2, 3, 1, 4, 0.
        FamilyId[] families = [new(4), new(9), new(2), new(7), new(5)];
        double[] probabilities = [0.3, 0.5, 0.5, 0.5, 0.4];
        double[] rawScores = [-0.1, 1.0, 2.0, 2.0, 9.0];

        var order = FamilyRanking.Order(families, probabilities, rawScores);

        Assert.Equal([2, 3, 1, 4, 0], order);
    }

    [Fact]
    public void Order_ListsOfDifferentLengths_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => FamilyRanking.Order([new(1)], [0.1, 0.2], [0.0]));

        Assert.Equal("There are 1 families, 2 probabilities and 1 raw scores; they must be as many.", error.Message);
    }
}
