using System.CommandLine;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Cli.Users;

/// <summary>
/// <c>earlyhelp users add|list|unlock|end-sessions|reset-password</c>: the panel app's local accounts. A password set here is
/// chosen by an administrator (or generated for them to pass on), so, as in the app, its holder must replace it at first sign-in.
/// </summary>
internal static class UsersCommand
{
    /// <summary>Builds the verb and its sub-verbs.</summary>
    public static Command Create()
    {
        var command = new Command("users", "Manage the panel app's local user accounts.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Change("unlock", "End every lockout of a user name, from every client address, and clear its failed sign-ins. Audited.",
            (users, name, actor) => users.Unlock(name, actor), "Unlocked"));
        command.Subcommands.Add(ResetPassword());
        command.Subcommands.Add(Change("end-sessions", "End every open panel-app session of a user at once (a copied cookie stops working too). Audited.",
            (users, name, actor) => users.EndSessions(name, actor), "Ended every session of"));
        return command;
    }

    /// <summary>A sub-verb that makes one audited change to the user named by <c>--user</c>, recorded against an administrator's account.</summary>
    private static Command Change(string name, string description, Func<UserStore, string, string, UserChange> change, string done)
    {
        var hub = HubOption.Create();
        var user = new Option<string>("--user") { Description = "The user's sign-in name.", Required = true, HelpName = "NAME" };
        var command = WithOptions(new Command(name, description), hub, user);
        command.SetAction(parseResult =>
        {
            using var store = ExistingHub.Open(parseResult.GetValue(hub)!, parseResult);
            var username = parseResult.GetValue(user)!;
            var actor = CommandActor.Resolve(parseResult, store, $"users {name}", [UserRole.Administrator]);
            var changed = Done(change(store.Users, username, actor), $"users {name}", username);
            parseResult.InvocationConfiguration.Output.WriteLine($"{done} {changed.Username} in {store.Name}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Add()
    {
        var hub = HubOption.CreatedIfMissing();
        var username = new Option<string>("--username")
        {
            Description = $"Sign-in name: {Usernames.MinimumLength} to {Usernames.MaximumLength} of a-z, digits, '.', '_' and '-'.",
            Required = true,
            HelpName = "NAME",
        };
        var role = new Option<string>("--role")
        {
            Description = "panel (prompt queue and reviews), analyst (runs and models), ig (audit log, review statistics, reports), admin (users, opt-out register) or matching (clerical review of record pairs).",
            Required = true,
            HelpName = "ROLE",
        };
        role.AcceptOnlyFromAmong([.. UserRoles.All.Select(r => r.Code())]);
        var displayName = new Option<string>("--display-name")
        {
            Description = "The name shown in the app, e.g. \"A new user\".",
            Required = true,
            HelpName = "TEXT",
        };
        var passwordFromInput = PasswordFromInput();
        var command = WithOptions(new Command("add", "Add a user, who must choose their own password at first sign-in. The password is stored only as a salted PBKDF2 hash; the addition is audited."),
            hub, username, role, displayName, passwordFromInput);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var (password, generated) = ReadPassword(parseResult, passwordFromInput);
            UserRoles.TryParse(parseResult.GetValue(role), out var parsedRole);
            using var store = AuditKeyOption.OpenHub(parseResult, parseResult.GetValue(hub)!);
            var change = store.Users.Add(new NewUser(parseResult.GetValue(username)!, parseResult.GetValue(displayName)!, parsedRole), password,
                CommandActor.Resolve(parseResult, store, "users add", [UserRole.Administrator]), passwordChangeRequired: true);
            var user = Done(change, "users add");
            output.WriteLine($"Added {user.Username} ({user.Role.PlainName().ToLowerInvariant()}) to {store.Name}.");
            WritePassword(output, password, generated);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command ResetPassword()
    {
        var hub = HubOption.Create();
        var user = new Option<string>("--user") { Description = "The user's sign-in name.", Required = true, HelpName = "NAME" };
        var passwordFromInput = PasswordFromInput();
        var command = WithOptions(new Command("reset-password",
            "Set a new password for a user (for one who cannot sign in): their sessions and lockouts end, and they must choose their own at the next sign-in. Audited."),
            hub, user, passwordFromInput);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var (password, generated) = ReadPassword(parseResult, passwordFromInput);
            using var store = ExistingHub.Open(parseResult.GetValue(hub)!, parseResult);
            var username = parseResult.GetValue(user)!;
            var actor = CommandActor.Resolve(parseResult, store, "users reset-password", [UserRole.Administrator]);
            var changed = Done(store.Users.ResetPassword(username, password, actor, passwordChangeRequired: true), "users reset-password", username);
            output.WriteLine($"Reset the password of {changed.Username} in {store.Name}; they must choose their own at the next sign-in.");
            WritePassword(output, password, generated);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command WithOptions(Command command, params Option[] options)
    {
        foreach (var option in options)
            command.Options.Add(option);
        return command;
    }

    private static Option<bool> PasswordFromInput() => new("--password-stdin")
    {
        Description = $"Read the password (at least {Passwords.MinimumLength} characters) from the first line of standard input. Without it a password is generated and printed once.",
    };

    /// <summary>The password from standard input with <c>--password-stdin</c>, otherwise a generated one.</summary>
    private static (string Password, bool Generated) ReadPassword(ParseResult parseResult, Option<bool> passwordFromInput) =>
        parseResult.GetValue(passwordFromInput) ? (Console.In.ReadLine() ?? "", false) : (Passwords.Generate(), true);

    private static void WritePassword(TextWriter output, string password, bool generated)
    {
        if (generated)
            output.WriteLine($"Password, shown this once: {password}");
    }

    /// <summary>The changed account; <see cref="BadInputException"/> with the rules broken, or naming the unknown <paramref name="username"/>.</summary>
    private static UserAccount Done(UserChange change, string action, string? username = null) => change switch
    {
        UserChange.Done done => done.User,
        UserChange.Refused refused => throw new BadInputException(action, string.Join(" ", refused.Problems)),
        _ => throw new BadInputException(action, $"there is no user named '{username}'"),
    };

    private static Command List()
    {
        var hub = HubOption.Create();
        var command = new Command("list", "List the users: name, role, and whether locked or switched off. Audited.");
        command.Options.Add(hub);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            using var store = ExistingHub.Open(parseResult.GetValue(hub)!, parseResult);
            var actor = CommandActor.Resolve(parseResult, store, "users list", [UserRole.Administrator]);
            var users = store.Users.List();
            // The same entry the app's /users page writes for the same look.
            store.AuditLog.Append(actor, "users.view", "users", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{users.Count} users"));
            var now = DateTimeOffset.UtcNow;
            var table = new TextTable("user name", "role", "status", "display name");
            foreach (var user in users)
            {
                var status = user.Disabled ? "switched off" : user.IsLockedAt(now) ? $"locked until {user.LockedUntil:u}" : "active";
                table.Add(user.Username, user.Role.Code(), status, user.DisplayName);
            }
            table.WriteTo(output);
            return ExitCodes.Success;
        });
        return command;
    }
}
