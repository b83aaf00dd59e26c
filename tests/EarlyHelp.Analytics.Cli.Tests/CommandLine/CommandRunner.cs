using EarlyHelp.Analytics.Cli.CommandLine;

namespace EarlyHelp.Analytics.Cli.Tests.CommandLine;

/// <summary>Runs the <c>earlyhelp</c> command in-process and captures what it writes.</summary>
internal static class CommandRunner
{
    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = EarlyHelpCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public static string[] Lines(string text) => text.Split(Environment.NewLine);
}
