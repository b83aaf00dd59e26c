using System.Text;
using EarlyHelp.Analytics.Synthetic.Output;

namespace EarlyHelp.Analytics.Synthetic.Tests.Output;

public sealed class CsvBufferTests
{
    [Fact]
    public void Field_PlainAndSpecialText_QuotesOnlyWhereNeeded()
    {
        var buffer = new CsvBuffer();

        buffer.Field("O'Neil");
        buffer.Field("Smith, Jones");
        buffer.Field("say \"hi\"");
        buffer.Field(42);
        buffer.Empty();
        buffer.Number(12.5f);
        buffer.EndRow();

        // RFC 4180: a field with a comma or quote is quoted and its quotes doubled; nothing else is.
        Assert.Equal("O'Neil,\"Smith, Jones\",\"say \"\"hi\"\"\",42,,12.5\n", Encoding.UTF8.GetString(buffer.Written));
        Assert.Equal(1, buffer.Rows);
    }

    [Fact]
    public void Number_Pounds_HasAtMostTwoDecimals()
    {
        var buffer = new CsvBuffer();
        buffer.Number(1234.57f);
        buffer.Number(300f);
        buffer.EndRow();

        Assert.Equal("1234.57,300\n", Encoding.UTF8.GetString(buffer.Written));
    }

    [Fact]
    public void Header_IsNotCountedAsARow()
    {
        var buffer = new CsvBuffer();
        buffer.Header(["a", "b"]);

        Assert.Equal("a,b\n", Encoding.UTF8.GetString(buffer.Written));
        Assert.Equal(0, buffer.Rows);
    }
}
