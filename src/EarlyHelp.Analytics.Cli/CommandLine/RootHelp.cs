using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace EarlyHelp.Analytics.Cli.CommandLine;

/// <summary>
/// <c>earlyhelp --help</c>: the verbs grouped by who uses them, each group with an example, wrapped to the terminal.
/// A verb's own help (<c>earlyhelp VERB --help</c>) is the library's, which lists every option.
/// </summary>
internal sealed class RootHelp(HelpAction standard) : SynchronousCommandLineAction
{
    /// <summary>Who uses which verbs, in the order a newcomer meets them, with one example each.</summary>
    public static IReadOnlyList<(string Audience, string[] Verbs, string Example)> Groups { get; } =
    [
        ("Start here", ["demo"], "earlyhelp demo"),
        ("Analysts: load, link, train and score",
            ["generate", "ingest", "link", "linkage", "hub", "features", "learn", "train", "models", "score"],
            "earlyhelp train --hub earlyhelp.db --as-of 2026-01-01 --out models/q4-2025"),
        ("Early-help panel: reviews happen in the app", ["serve"], "earlyhelp serve --hub earlyhelp.db"),
        ("Information governance: fairness, audit trail, dataset catalogue, model sign-off (models sign-off)",
            ["audit", "audit-log", "catalogue"], "earlyhelp audit-log verify --hub earlyhelp.db --checkpoint /secure/earlyhelp.checkpoints"),
        ("Administrators: accounts, opt-outs, retention, people's rights, data quality, record corrections", ["users", "person", "subject-access", "opt-out", "retention", "quality", "record"], "earlyhelp users add --username a.new.user --role panel --display-name \"A new user\""),
    ];

    /// <summary>The width help text is wrapped to: the terminal's, or 100 columns when output is not a terminal.</summary>
    public static int Width => Console.IsOutputRedirected ? 100 : Math.Max(60, Console.WindowWidth);

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        if (parseResult.CommandResult.Command is not RootCommand root)
            return standard.Invoke(parseResult);
        Write(parseResult.InvocationConfiguration.Output, root, Width);
        return ExitCodes.Success;
    }

    /// <summary>Writes the grouped help of <paramref name="root"/> wrapped to <paramref name="width"/> columns.</summary>
    public static void Write(TextWriter output, RootCommand root, int width)
    {
        foreach (var line in Wrap(root.Description ?? "", width, ""))
            output.WriteLine(line);
        output.WriteLine();
        output.WriteLine("Usage: earlyhelp VERB [options]      earlyhelp VERB --help lists a verb's options.");
        var verbs = root.Subcommands.ToDictionary(c => c.Name);
        var nameWidth = verbs.Keys.Max(n => n.Length) + 2;
        foreach (var (audience, names, example) in Groups)
        {
            output.WriteLine();
            output.WriteLine(audience);
            foreach (var name in names)
            {
                var lines = Wrap(FirstSentence(verbs[name].Description ?? ""), width - 2 - nameWidth, "").ToArray();
                output.WriteLine($"  {name.PadRight(nameWidth)}{lines[0]}");
                foreach (var more in lines.Skip(1))
                    output.WriteLine(new string(' ', 2 + nameWidth) + more);
            }
            foreach (var line in Wrap($"e.g. {example}", width - 2, "  "))
                output.WriteLine("  " + line);
        }
        output.WriteLine();
        output.WriteLine("Options for every verb:");
        foreach (var option in root.Options.Where(o => o is not HelpOption and not VersionOption))
        {
            output.WriteLine($"  {option.Name} <{option.HelpName}>");
            foreach (var line in Wrap(FirstSentence(option.Description ?? ""), width - 4, ""))
                output.WriteLine("    " + line);
        }
    }

    /// <summary>The text up to and including its first full stop followed by a space, or all of it.</summary>
    public static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? text : text[..(end + 1)];
    }

    /// <summary>Splits <paramref name="text"/> into lines of at most <paramref name="width"/> characters at spaces (a longer word stands alone); later lines start with <paramref name="indent"/>.</summary>
    public static IEnumerable<string> Wrap(string text, int width, string indent)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line;
                line = indent + word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }
        yield return line;
    }
}
