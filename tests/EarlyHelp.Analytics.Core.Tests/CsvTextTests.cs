using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Core.Tests;

public sealed class CsvTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"no\"", "\"say \"\"no\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("carriage\rreturn", "\"carriage\rreturn\"")]
    public void Fields_are_quoted_only_when_RFC_4180_needs_it(string text, string expected) =>
        Assert.Equal(expected, CsvText.Field(text));
}
