using System.Text;

namespace EarlyHelp.Analytics.Cli.CommandLine;

/// <summary>
/// The console as the verbs write to it: a sentence longer than the terminal is wrapped at spaces, keeping its indent,
/// so that no summary runs off the screen. A line with aligned columns (two or more gaps of two spaces after its indent:
/// a table row) is written as it is, since wrapping would break its columns; tables keep themselves narrow instead.
/// </summary>
internal sealed class WrappingWriter(TextWriter inner, int width) : TextWriter
{
    private readonly StringBuilder line = new();

    /// <summary>The writer underneath.</summary>
    public TextWriter Inner { get; } = inner;

    /// <inheritdoc />
    public override Encoding Encoding => Inner.Encoding;

    /// <summary>Whether <paramref name="output"/> is the process's console, directly or through this writer.</summary>
    public static bool IsConsole(TextWriter output) =>
        ReferenceEquals(output, Console.Out) || (output is WrappingWriter wrapping && ReferenceEquals(wrapping.Inner, Console.Out));

    /// <inheritdoc />
    public override void Write(char value)
    {
        if (value == '\n')
        {
            var text = line.ToString().TrimEnd('\r');
            line.Clear();
            foreach (var part in Wrapped(text))
                Inner.WriteLine(part);
        }
        else
        {
            line.Append(value);
        }
    }

    /// <inheritdoc />
    public override void Flush()
    {
        if (line.Length > 0)
        {
            Inner.Write(line.ToString());
            line.Clear();
        }
        Inner.Flush();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
            Flush();
        base.Dispose(disposing);
    }

    private static bool IsTableRow(string text) =>
        text.Split("  ", StringSplitOptions.RemoveEmptyEntries).Length > 2;

    private IEnumerable<string> Wrapped(string text)
    {
        var indent = text[..(text.Length - text.TrimStart(' ').Length)];
        if (text.Length <= width || IsTableRow(text[indent.Length..]))
            return [text];
        return Wrap(text[indent.Length..], indent);
    }

    // Breaks at single spaces only and keeps any run of spaces inside a line as it was ("pass  beats …").
    private IEnumerable<string> Wrap(string text, string indent)
    {
        var line = new StringBuilder(indent);
        foreach (var word in text.Split(' '))
        {
            var empty = line.Length == indent.Length;
            if (!empty && word.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear().Append(indent).Append(word);
            }
            else if (empty && word.Length == 0)
            {
                // Spaces at a line's start after a break would shift the indent.
                continue;
            }
            else
            {
                line.Append(empty ? "" : " ").Append(word);
            }
        }
        yield return line.ToString();
    }
}
