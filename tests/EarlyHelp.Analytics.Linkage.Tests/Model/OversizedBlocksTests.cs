namespace EarlyHelp.Analytics.Linkage.Tests.Model;

public sealed class OversizedBlocksTests
{
    [Fact]
    public void ScoreWithStatistics_OneBlockOverTheLimit_CountsItAndComparesOnlyTheOthers()
    {
        // One rule, on the surname's Soundex, and at most three records a block: the four Smiths (S530) make one block
        // over the limit, the two Joneses (J520) one pair, the lone Quinfarley none. So one block is skipped and one
        // pair compared.
        var settings = LinkageSettings.Default with
        {
            BlockingRules = [new BlockingRule("surname soundex", [BlockingKey.SurnameSoundex])],
            MaximumBlockSize = 3,
        };
        string[] surnames = ["Smith", "Smyth", "Smith", "Smithe", "Jones", "Jones", "Quinfarley"];
        var records = surnames.Select((surname, i) => new LinkageRecord
        {
            Source = i % 2 == 0 ? "a" : "b",
            RecordId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Forename = "Alex",
            Surname = surname,
            BirthDate = new DateOnly(1980 + i, 1, 1),
        }).ToArray();

        var model = LinkageModel.Estimate(records, settings, seed: 1);
        var scored = PairScoring.ScoreWithStatistics(records, model);

        Assert.Equal(1, scored.OversizedBlocks);
        Assert.Equal(1, scored.ComparedPairs);
    }
}
