using System.CommandLine;
using System.CommandLine.Help;
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
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new RootHelp((HelpAction)help.Action!);
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = Create();
        if (args.Length == 0)
        {
            // A newcomer typing the bare command meets the grouped verbs, not an error.
            RootHelp.Write(output, root, RootHelp.Width);
            return ExitCodes.BadUsage;
        }
        var parsed = root.Parse(args);
        // Asking for help is never an error, even when the verb's required options are missing.
        if (parsed.Errors.Count > 0 && parsed.Action is not RootHelp)
        {
            // A mistyped verb: one line that names the verb it most likely meant, rather than every token it made unreadable.
            if (parsed.UnmatchedTokens.Count > 0 && VerbSuggestion.For(parsed.CommandResult.Command, parsed.UnmatchedTokens[0]) is { } suggestion)
            {
                error.WriteLine($"earlyhelp: {suggestion}");
                return ExitCodes.BadUsage;
            }
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
        catch (TypeInitializationException e) when (e.InnerException is BadInputException bad)
        {
            // A catalogue file named by EARLYHELP_CATALOGUE is read on first use, inside a static initialiser.
            error.WriteLine($"earlyhelp: {bad.Message}");
            return ExitCodes.BadInput;
        }
        catch (UsageException e)
        {
            error.WriteLine($"earlyhelp: {e.Message}");
            return ExitCodes.BadUsage;
        }
    }
}
