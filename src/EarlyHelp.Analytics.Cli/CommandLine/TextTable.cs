namespace EarlyHelp.Analytics.Cli.CommandLine;

/// <summary>A plain-text table for terminal output: the first column left-aligned, the others right-aligned.</summary>
/// <param name="headings">Column headings.</param>
internal sealed class TextTable(params string[] headings)
{
    private readonly List<string[]> rows = [];

    /// <summary>Adds a row with one cell per heading.</summary>
    public TextTable Add(params string[] cells)
    {
        if (cells.Length != headings.Length)
            throw new ArgumentException($"A row needs {headings.Length} cells; got {cells.Length}.", nameof(cells));
        rows.Add(cells);
        return this;
    }

    /// <summary>Writes the headings, a rule and the rows, with two spaces between columns.</summary>
    public void WriteTo(TextWriter output)
    {
        var widths = headings.Select((heading, column) => rows.Select(row => row[column].Length).Append(heading.Length).Max()).ToArray();
        void Line(string[] cells) => output.WriteLine(string.Join("  ",
            cells.Select((cell, column) => column == 0 ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]))).TrimEnd());
        Line(headings);
        output.WriteLine(string.Join("  ", widths.Select(width => new string('-', width))));
        foreach (var row in rows)
            Line(row);
    }
}
