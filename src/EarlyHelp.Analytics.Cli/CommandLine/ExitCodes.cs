namespace EarlyHelp.Analytics.Cli.CommandLine;

/// <summary>The command's exit codes, fixed by the command-line contract.</summary>
public static class ExitCodes
{
    /// <summary>The work was done.</summary>
    public const int Success = 0;

    /// <summary>The input was refused; a one-line reason went to stderr.</summary>
    public const int BadInput = 1;

    /// <summary>The command was called wrongly (unknown verb or option, missing or conflicting options).</summary>
    public const int BadUsage = 2;
}
