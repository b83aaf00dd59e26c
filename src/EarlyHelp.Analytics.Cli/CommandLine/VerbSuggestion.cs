using System.CommandLine;

namespace EarlyHelp.Analytics.Cli.CommandLine;

/// <summary>"Did you mean": the verb a mistyped word most likely meant, by edit distance.</summary>
internal static class VerbSuggestion
{
    /// <summary>
    /// The message for <paramref name="typed"/> given where <paramref name="command"/> expected one of its verbs, or null
    /// when the command takes no verbs or <paramref name="typed"/> looks like an option. A suggestion is made within two
    /// edits (a swapped pair counts as one), or when the typed word starts a verb's name.
    /// </summary>
    public static string? For(Command command, string typed)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(typed);
        if (command.Subcommands.Count == 0 || typed.StartsWith('-'))
            return null;
        var path = command is RootCommand ? "earlyhelp" : $"earlyhelp {command.Name}";
        var best = command.Subcommands
            .Select(c => (c.Name, Distance: Distance(typed.ToLowerInvariant(), c.Name)))
            .Where(c => c.Distance <= 2 || (typed.Length >= 3 && c.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name).FirstOrDefault();
        var message = $"'{typed}' is not a verb of {path}.";
        return best is null
            ? $"{message} The verbs are: {string.Join(", ", command.Subcommands.Select(c => c.Name))}."
            : $"{message} Did you mean '{path} {best}'?";
    }

    /// <summary>The optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost 1.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
