using System.CommandLine;
using EarlyHelp.Analytics.Cli.Learn;

namespace EarlyHelp.Analytics.Cli.CommandLine;

/// <summary>The list of verbs under <c>earlyhelp</c>; each verb lives in its own feature folder.</summary>
internal static class Verbs
{
    /// <summary>Every top-level verb, in the order <c>--help</c> lists them.</summary>
    public static IEnumerable<Command> All()
    {
        yield return LearnCommand.Create();
    }
}
