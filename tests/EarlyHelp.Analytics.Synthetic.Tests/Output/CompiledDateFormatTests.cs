using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Output;

namespace EarlyHelp.Analytics.Synthetic.Tests.Output;

public sealed class CompiledDateFormatTests
{
    public static TheoryData<string> CatalogueFormats() => [.. DatasetCatalogue.All.Select(d => d.Layout.DateFormat).Distinct()];

    [Theory]
    [MemberData(nameof(CatalogueFormats))]
    public void Write_EveryCatalogueFormat_MatchesDotNetFormatting(string format)
    {
        var compiled = CompiledDateFormat.Compile(format);
        var buffer = new byte[CompiledDateFormat.MaximumLength];
        foreach (var date in new[] { new DateOnly(2024, 2, 12), new DateOnly(1999, 12, 31), new DateOnly(2021, 1, 1) })
        {
            var written = compiled.Write(date.DayNumber, buffer);

            // .NET's own formatting of the same pattern is the reference.
            Assert.Equal(date.ToString(format, CultureInfo.InvariantCulture), System.Text.Encoding.ASCII.GetString(buffer, 0, written));
        }
    }

    [Fact]
    public void Compile_UnsupportedPattern_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => CompiledDateFormat.Compile("dddd d MMMM"));
        Assert.StartsWith("The date format 'dddd d MMMM' uses 'd'", error.Message);
    }
}
