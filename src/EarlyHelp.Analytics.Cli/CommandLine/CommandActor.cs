using System.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Cli.CommandLine;

/// <summary>
/// Who a command-line action is recorded against: a named hub account (<c>--as ACCOUNT</c>, else
/// <c>EARLYHELP_ACCOUNT</c>), checked to exist, be enabled and hold a role the action needs. The operating-system
/// user and machine are kept beside it, in an audit entry of their own. A hub with no accounts yet (a new
/// installation, before its first administrator) records the operating-system user, as there is no one else to name.
/// </summary>
internal static class CommandActor
{
    /// <summary>The option's name.</summary>
    public const string Name = "--as";

    /// <summary>The environment variable read when <c>--as</c> is not given.</summary>
    public const string EnvironmentVariable = "EARLYHELP_ACCOUNT";

    /// <summary>A new option for the root command, seen by every verb under it.</summary>
    public static Option<string?> Create() => new(Name)
    {
        Description = $"The hub account the action is recorded against (default ${EnvironmentVariable}); it must hold a role the action needs. The operating-system user is recorded beside it.",
        HelpName = "ACCOUNT",
        Recursive = true,
    };

    /// <summary>
    /// The actor for <paramref name="action"/>: the named account when it may do it (one of <paramref name="roles"/>),
    /// with an audit entry recording the operating-system user. <see cref="UsageException"/> when no account is named
    /// though the hub has accounts (or <paramref name="accountRequired"/>); <see cref="BadInputException"/> when the
    /// account is unknown, disabled or lacks the role.
    /// </summary>
    public static string Resolve(ParseResult parseResult, IHubStore store, string action, IReadOnlyCollection<UserRole> roles, bool accountRequired = false)
    {
        var name = parseResult.GetValue<string?>(Name) is { Length: > 0 } given ? given
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : null;
        var needed = string.Join(" or ", roles.Select(role => role.Code()));
        if (name is null)
        {
            if (!accountRequired && store.Users.List().Count == 0)
                return Environment.UserName;
            throw new UsageException(
                $"'{action}' is recorded against a named hub account with the role {needed}: give it with {Name} ACCOUNT or {EnvironmentVariable}.");
        }
        var account = store.Users.Find(name) ?? throw new BadInputException(name, "there is no such account in the hub; see 'earlyhelp users list'");
        if (account.Disabled)
            throw new BadInputException(account.Username, "the account is disabled");
        if (!roles.Contains(account.Role))
            throw new BadInputException(account.Username, $"the account's role is {account.Role.Code()}, but '{action}' needs {needed}");
        store.AuditLog.Append(account.Username, "command_line", action,
            $"run as operating-system user {Environment.UserName} on {Environment.MachineName}");
        return account.Username;
    }
}
