using System.Globalization;

namespace EarlyHelp.Analytics.Learning.Data;

/// <summary>
/// A data file that cannot be read as a dataset. The message is one line, <c>file:line:column:
/// reason</c> (line and column left out when they do not apply), so a user can go straight to the
/// fault; the command line reports it as bad input.
/// </summary>
public sealed class DataFileException : Exception
{
    /// <summary>A fault at a place in a file; line and column count from 1 (0 when not tied to one).</summary>
    public DataFileException(string file, int line, int column, string reason)
        : base(line == 0 ? $"{file}: {reason}"
            : column == 0 ? string.Create(CultureInfo.InvariantCulture, $"{file}:{line}: {reason}")
            : string.Create(CultureInfo.InvariantCulture, $"{file}:{line}:{column}: {reason}"))
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The file at fault.</summary>
    public string File { get; }

    /// <summary>The 1-based line, or 0 when the fault is not on one line.</summary>
    public int Line { get; }

    /// <summary>The 1-based field number, or 0 when the fault is not in one field.</summary>
    public int Column { get; }

    /// <summary>What is wrong, in plain words.</summary>
    public string Reason { get; }
}
