using EarlyHelp.Analytics.Cli.CommandLine;

namespace EarlyHelp.Analytics.Cli.Tests.CommandLine;

public sealed class WrappingWriterTests
{
    private static string Through(int width, Action<TextWriter> write)
    {
        var inner = new StringWriter { NewLine = "\n" };
        using (var wrapping = new WrappingWriter(inner, width) { NewLine = "\n" })
            write(wrapping);
        return inner.ToString().Replace(Environment.NewLine, "\n", StringComparison.Ordinal);
    }

    [Fact]
    public void WriteLine_SentenceWiderThanTheTerminal_WrapsAtSpacesKeepingItsIndent()
    {
        var text = Through(20, w => w.WriteLine("  one two three four five six seven"));

        Assert.Equal("  one two three four\n  five six seven\n", text);
    }

    [Fact]
    public void WriteLine_TwoSpacesInsideASentence_AreKept()
    {
        var text = Through(20, w => w.WriteLine("FAIL  one two three four"));

        Assert.Equal("FAIL  one two three\nfour\n", text);
    }

    [Fact]
    public void WriteLine_TableRow_IsLeftWhole()
    {
        const string row = "training      22,251     5,322        418";

        Assert.Equal(row + "\n", Through(20, w => w.WriteLine(row)));
    }

    [Fact]
    public void Dispose_UnfinishedLine_IsWritten()
    {
        Assert.Equal("no newline", Through(20, w => w.Write("no newline")));
    }
}
