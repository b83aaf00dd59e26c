using EarlyHelp.Analytics.Pipelines.Fairness;

namespace EarlyHelp.Analytics.Pipelines.Tests.Fairness;

public sealed class FairnessFlagTests
{
    [Theory]
    [InlineData("ethnicity × deprivation", "ethnicity-x-deprivation")]
    [InlineData("IMD quintile 1 (most deprived)", "imd-quintile-1-most-deprived")]
    [InlineData("white_british, IMD quintiles 1-2", "white-british-imd-quintiles-1-2")]
    [InlineData("selection_rate", "selection-rate")]
    [InlineData("  Girls and boys ", "girls-and-boys")]
    public void Slug_Text_LowerCaseWordsJoinedByDashes(string text, string slug) => Assert.Equal(slug, FairnessFlag.Slug(text));
}
