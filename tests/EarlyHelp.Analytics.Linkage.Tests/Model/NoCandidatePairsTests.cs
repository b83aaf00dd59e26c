namespace EarlyHelp.Analytics.Linkage.Tests.Model;

public sealed class NoCandidatePairsTests
{
    // Three people who share no blocking key: different dates, names with different Soundex codes and
    // initials, different postcodes and addresses, no references. No rule puts two of them in one bucket.
    private static readonly LinkageRecord[] Strangers =
    [
        new() { Source = "a", RecordId = "1", Forename = "Oliver", Surname = "Quinfarley", BirthDate = new DateOnly(1980, 3, 4), Postcode = "BS16 1QY", Address = "12 Kelwood Road" },
        new() { Source = "a", RecordId = "2", Forename = "Harriet", Surname = "Dobbs", BirthDate = new DateOnly(1991, 7, 21), Postcode = "LS6 2AB", Address = "3 Moor Lane" },
        new() { Source = "b", RecordId = "3", Forename = "Yusuf", Surname = "Mensah", BirthDate = new DateOnly(2004, 11, 30), Postcode = "M14 5RT", Address = "40 Park Street" },
    ];

    [Fact]
    public void Estimate_BlockingFindsNoPair_GivesAModelThatLinksNobody()
    {
        // Each record is then its own entity: entities 0, 1, 2 by construction (no pair, nothing to join).
        var model = LinkageModel.Estimate(Strangers, LinkageSettings.Default, seed: 1);
        var scored = PairScoring.ScoreWithStatistics(Strangers, model);
        var entities = Linkage.Clustering.Cluster(Strangers, scored.Pairs, model, []);

        Assert.Equal(0, model.Training.CandidatePairs);
        Assert.Equal(0, scored.ComparedPairs);
        Assert.Empty(scored.Pairs);
        Assert.Equal([0, 1, 2], entities);
        Assert.True(double.IsFinite(model.PriorWeight));
    }
}
