namespace EarlyHelp.Analytics.Linkage.Tests.Comparisons;

public sealed class JaroWinklerTests
{
    [Theory]
    // Winkler's published examples (Winkler 1990; Winkler 1994, "Advanced methods for record linkage", table 2):
    // MARTHA/MARHTA 0.961, DWAYNE/DUANE 0.840, DIXON/DICKSONX 0.813, to three decimals.
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.840)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    public void Similarity_WinklerPublishedPairs_MatchesToThreeDecimals(string left, string right, double expected) =>
        Assert.Equal(expected, JaroWinkler.Similarity(left, right), 3);

    [Fact]
    public void Similarity_ArgumentOrder_DoesNotMatter() =>
        Assert.Equal(JaroWinkler.Similarity("DICKSONX", "DIXON"), JaroWinkler.Similarity("DIXON", "DICKSONX"), 12);

    [Fact]
    public void Similarity_NothingInCommon_IsZero() =>
        // No character of ABC occurs in XYZ: m = 0, so the Jaro score is 0 by definition.
        Assert.Equal(0, JaroWinkler.Similarity("ABC", "XYZ"));
}
