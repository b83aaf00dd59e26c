using EarlyHelp.Analytics.Linkage.Tests.Support;

namespace EarlyHelp.Analytics.Linkage.Tests.Model;

public sealed class LinkageModelJsonTests
{
    [Fact]
    public void FromJson_WrittenModel_ScoresPairsIdentically()
    {
        var model = SmallCity.Model;
        var read = LinkageModel.FromJson(model.ToJson());
        var records = SmallCity.City.Records.Take(2000).ToList();
        var before = PairScoring.Score(records, model);
        var after = PairScoring.Score(records, read);
        Assert.Equal(before.Count, after.Count);
        Assert.All(before.Zip(after), p => Assert.Equal(p.First.MatchWeight, p.Second.MatchWeight, 9));
        Assert.Equal(model.Settings.BlockingRules.Select(r => r.Name), read.Settings.BlockingRules.Select(r => r.Name));
    }

    [Fact]
    public void FromJson_OtherFormatVersion_IsRefused()
    {
        var json = SmallCity.Model.ToJson().Replace("\"format_version\": 1", "\"format_version\": 99", StringComparison.Ordinal);
        var error = Assert.Throws<FormatException>(() => LinkageModel.FromJson(json));
        Assert.Equal("The linkage model has format version 99; this library reads version 1.", error.Message);
    }

    [Fact]
    public void ToHtml_Model_ListsEveryComparisonLevel()
    {
        var html = ModelReport.ToHtml(SmallCity.Model);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        foreach (var comparison in SmallCity.Model.Comparisons)
            Assert.Contains($"<h2>{comparison.Name}</h2>", html, StringComparison.Ordinal);
    }
}
