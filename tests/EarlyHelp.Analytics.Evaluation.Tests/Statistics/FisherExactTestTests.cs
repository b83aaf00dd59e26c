using EarlyHelp.Analytics.Evaluation.Statistics;

namespace EarlyHelp.Analytics.Evaluation.Tests.Statistics;

/// <summary>Fisher's exact test against Fisher's own example and hand-counted hypergeometric tables.</summary>
public sealed class FisherExactTestTests
{
    [Theory]
    // Fisher (1935), The Design of Experiments: 3 of 4 cups right against 1 of 4. With the margins fixed, the count in
    // the first cell is 0..4 with probabilities 1, 16, 36, 16, 1 over 70; tables no more likely than the observed
    // 16/70 are 0, 1, 3 and 4, so p = 34/70 = 0.4857 (R's fisher.test prints 0.4857).
    [InlineData(3, 4, 1, 4, 34.0 / 70)]
    // 11 successes among 16; the second group's 2 draws hold 0, 1 or 2 of them with probabilities C(5,2)/C(16,2) =
    // 10/120, 11·5/120 = 55/120 and C(11,2)/C(16,2) = 55/120. The observed 2 is among the most likely tables, so every
    // table counts and p = 1: two families cannot show that a rate of 9 in 14 is unusual.
    [InlineData(9, 14, 2, 2, 1.0)]
    // 10 successes among 20, 10 drawn: only the tables with 0 or 10 are as unlikely as the observed one, each with
    // probability 1/C(20,10) = 1/184,756.
    [InlineData(0, 10, 10, 10, 2.0 / 184_756)]
    // 100 of 1,000 against 300 of 3,000: the observed table is the mode, so every table is no more likely.
    [InlineData(100, 1000, 300, 3000, 1.0)]
    public void TwoSidedP_Table_MatchesTheHandCount(long successes, long trials, long otherSuccesses, long otherTrials, double expected) =>
        Assert.Equal(expected, FisherExactTest.TwoSidedP(successes, trials, otherSuccesses, otherTrials), 12);

    [Fact]
    public void TwoSidedP_MoreSuccessesThanTrials_ThrowsNamingTheCounts()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FisherExactTest.TwoSidedP(5, 4, 0, 1));

        Assert.StartsWith("A count of successes must lie between 0 and its trials. Got 5 of 4 instead.", error.Message);
    }
}
