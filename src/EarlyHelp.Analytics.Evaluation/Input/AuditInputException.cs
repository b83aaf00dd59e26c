using System.Globalization;

namespace EarlyHelp.Analytics.Evaluation.Input;

/// <summary>
/// Audit input that cannot be accepted, with the place of the fault when it is in a file; the
/// message is one line, <c>file:line:column: reason</c> (or just the reason when there is no file),
/// so that the command line can report it as bad input.
/// </summary>
public sealed class AuditInputException : Exception
{
    /// <summary>A fault at a place in a file; line and column count from 1 (0 when unknown).</summary>
    public AuditInputException(string? file, int line, int column, string reason)
        : base(Format(file, line, column, reason))
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>A fault in the data given in-process, not in a file.</summary>
    public AuditInputException(string reason) : this(null, 0, 0, reason)
    {
    }

    /// <summary>The file at fault, or null for data given in-process.</summary>
    public string? File { get; }

    /// <summary>The 1-based line, or 0 when the fault is not on one line.</summary>
    public int Line { get; }

    /// <summary>The 1-based column (CSV field number), or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>What is wrong, in plain words.</summary>
    public string Reason { get; }

    private static string Format(string? file, int line, int column, string reason) => (file, line, column) switch
    {
        (null, _, _) => reason,
        (_, 0, _) => $"{file}: {reason}",
        (_, _, 0) => string.Create(CultureInfo.InvariantCulture, $"{file}:{line}: {reason}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{file}:{line}:{column}: {reason}"),
    };
}
