using EarlyHelp.Analytics.Web.Pages.Governance;

namespace EarlyHelp.Analytics.Web.Tests.Governance;

public sealed class AuditCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"no\"", "\"say \"\"no\"\"\"")]
    // A leading =, +, - or @ would run as a formula in a spreadsheet (OWASP, CSV injection): an apostrophe defuses it.
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    public void Field_Value_QuotedAndDefusedAsNeeded(string value, string expected) => Assert.Equal(expected, AuditCsv.Field(value));
}
