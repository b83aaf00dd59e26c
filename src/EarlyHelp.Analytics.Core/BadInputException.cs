using System.Globalization;

namespace EarlyHelp.Analytics.Core;

/// <summary>
/// Input that cannot be accepted. The message is one line, <c>file:line:column: reason</c>,
/// so that a user can go straight to the fault; the command exits with code 1.
/// </summary>
public sealed class BadInputException : Exception
{
    /// <summary>A fault at a place in a file; line and column count from 1 (0 when unknown).</summary>
    public BadInputException(string file, int line, int column, string reason)
        : base(Format(file, line, column, reason))
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>A fault in a file as a whole.</summary>
    public BadInputException(string file, string reason) : this(file, 0, 0, reason)
    {
    }

    /// <summary>The file at fault.</summary>
    public string File { get; }

    /// <summary>The 1-based line, or 0 when the fault is not on one line.</summary>
    public int Line { get; }

    /// <summary>The 1-based column (a CSV field number for CSV files), or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>What is wrong, in plain words.</summary>
    public string Reason { get; }

    private static string Format(string file, int line, int column, string reason) => (line, column) switch
    {
        (0, _) => $"{file}: {reason}",
        (_, 0) => string.Create(CultureInfo.InvariantCulture, $"{file}:{line}: {reason}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{file}:{line}:{column}: {reason}"),
    };
}
