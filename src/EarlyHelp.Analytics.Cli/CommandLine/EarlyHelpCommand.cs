using System.CommandLine;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Cli.CommandLine;

/// <summary>The <c>earlyhelp</c> command: its verbs, and how failures become exit codes.</summary>
public static class EarlyHelpCommand
{
    /// <summary>Builds the root command with every verb.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "EarlyHelp.Analytics: joins agency records about families, scores the risk of escalation to " +
            "children's social care, and shows early-help panels prompts for professional review - never decisions.");
        root.Options.Add(AuditKeyOption.Create());
        root.Options.Add(CommandActor.Create());
        foreach (var verb in Verbs.All())
            root.Subcommands.Add(verb);
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parsed = Create().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
                error.WriteLine($"earlyhelp: {parseError.Message}");
            error.WriteLine("Run 'earlyhelp --help' (or '<verb> --help') to see the usage.");
            return ExitCodes.BadUsage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (BadInputException e)
        {
            error.WriteLine($"earlyhelp: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (UsageException e)
        {
            error.WriteLine($"earlyhelp: {e.Message}");
            return ExitCodes.BadUsage;
        }
    }
}
