using System.CommandLine;

namespace EarlyHelp.Analytics.Cli.CommandLine;

/// <summary>The list of verbs under <c>earlyhelp</c>; each verb lives in its own feature folder.</summary>
internal static class Verbs
{
    /// <summary>Every top-level verb, in the order <c>--help</c> lists them.</summary>
    public static IEnumerable<Command> All()
    {
        yield return Serve.ServeCommand.Create();
        yield return Users.UsersCommand.Create();
        yield return AuditLog.AuditLogCommand.Create();
        yield return OptOut.OptOutCommand.Create();
    }
}
