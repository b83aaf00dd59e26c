using System.Net;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.CommandLine;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Cli.Tests.Users;

public sealed class UsersCommandTests : IDisposable
{
    private static readonly Lock StandardInput = new();
    private readonly ScratchHub hub = new();

    public void Dispose() => hub.Dispose();

    [Fact]
    public void Add_WithoutPassword_PrintsAGeneratedPasswordThatSignsIn()
    {
        var (exit, output, error) = CommandRunner.Run("users", "add", "--hub", hub.Path, "--username", "a.new.user", "--role", "ig", "--display-name", "A new user");

        Assert.Equal((ExitCodes.Success, ""), (exit, error));
        var lines = CommandRunner.Lines(output);
        Assert.Equal($"Added a.new.user (information governance reviewer) to {hub.Path}.", lines[0]);
        var password = ShownPassword(output);
        using var store = HubStore.Open(hub.Path);
        Assert.IsType<SignInOutcome.Succeeded>(store.Users.SignIn("a.new.user", password, new LockoutPolicy()));
    }

    [Fact]
    public async Task Add_ThroughTheCommand_TheAppHoldsTheUserOnThePasswordPageUntilTheyChooseTheirOwn()
    {
        var (exit, output, _) = CommandRunner.Run("users", "add", "--hub", hub.Path, "--username", "first.timer", "--role", "panel", "--display-name", "First timer");
        Assert.Equal(ExitCodes.Success, exit);
        var password = ShownPassword(output);
        using (var store = HubStore.Open(hub.Path))
        {
            Assert.True(store.Users.Find("first.timer")!.PasswordChangeRequired);
            Assert.Equal("role panel; must choose their own password at the next sign-in", store.AuditLog.Entries().Single(e => e.Action == "user.add").Detail);
        }

        await using var app = await PanelAppClient.StartAsync(hub.Path);
        await app.SignInAsync("first.timer", password);
        foreach (var path in new[] { "/", "/prompts", "/programme" })
        {
            using var held = await app.Http.GetAsync(path);
            Assert.Equal((HttpStatusCode.Redirect, "/account/password"), (held.StatusCode, held.Headers.Location!.OriginalString));
        }
        using var changed = await app.PostFormAsync("/account/password",
            ("CurrentPassword", password), ("NewPassword", "a tidy kettle under seven hills"), ("ConfirmPassword", "a tidy kettle under seven hills"));

        Assert.Contains("Your password has been changed.", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var home = await app.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task ResetPassword_ForAUserWhoCannotSignIn_EndsTheirSessionsAndTheyMustChooseTheirOwn()
    {
        string session;
        using (var store = HubStore.Open(hub.Path))
        {
            store.Users.Add(new NewUser("forgetful.user", "Forgetful user", UserRole.Panel), "a long enough passphrase", "tester");
            AddAdministrator(store);
            session = store.Sessions.Start("forgetful.user");
        }

        var (exit, output, error) = CommandRunner.Run("users", "reset-password", "--hub", hub.Path, "--user", "forgetful.user", "--as", Administrator);

        Assert.Equal((ExitCodes.Success, ""), (exit, error));
        Assert.Equal($"Reset the password of forgetful.user in {hub.Path}; they must choose their own at the next sign-in.", CommandRunner.Lines(output)[0]);
        var password = ShownPassword(output);
        using (var store = HubStore.Open(hub.Path))
        {
            Assert.IsType<SessionCheck.Ended>(store.Sessions.Check(session, new SessionPolicy()));
            Assert.True(store.Users.Find("forgetful.user")!.PasswordChangeRequired);
            Assert.Contains(store.AuditLog.Entries(), e => (e.Actor, e.Action, e.Subject, e.Detail)
                == (Administrator, "user.password_reset", "forgetful.user", "must choose their own password at the next sign-in"));
        }
        await using var app = await PanelAppClient.StartAsync(hub.Path);
        await app.SignInAsync("forgetful.user", password);
        using var held = await app.Http.GetAsync("/prompts");
        Assert.Equal("/account/password", held.Headers.Location!.OriginalString);
    }

    [Fact]
    public void ResetPassword_UnknownUser_ExitsOneAndChangesNothing()
    {
        using (var store = HubStore.Open(hub.Path))
            AddAdministrator(store);

        var (exit, _, error) = CommandRunner.Run("users", "reset-password", "--hub", hub.Path, "--user", "nobody.here", "--as", Administrator);

        Assert.Equal((ExitCodes.BadInput, "earlyhelp: users reset-password: there is no user named 'nobody.here'"), (exit, error.TrimEnd()));
        using var after = HubStore.Open(hub.Path);
        Assert.DoesNotContain(after.AuditLog.Entries(), e => e.Action == "user.password_reset");
    }

    [Fact]
    public void Add_ShortPasswordOnStandardInput_ExitsOneWithTheRule()
    {
        (int Exit, string Output, string Error) result;
        lock (StandardInput)
        {
            var original = Console.In;
            Console.SetIn(new StringReader("too short\n"));
            try
            {
                result = CommandRunner.Run("users", "add", "--hub", hub.Path, "--username", "a.new.user", "--role", "panel", "--display-name", "A new user", "--password-stdin");
            }
            finally
            {
                Console.SetIn(original);
            }
        }

        Assert.Equal(ExitCodes.BadInput, result.Exit);
        Assert.Equal("earlyhelp: users add: The password must be at least 15 characters. Got 9 instead.", result.Error.TrimEnd());
        using var store = HubStore.Open(hub.Path);
        Assert.Empty(store.Users.List());
    }

    [Fact]
    public void Add_DataMatchingRole_AddsADataMatchingOfficer()
    {
        var (exit, output, error) = CommandRunner.Run("users", "add", "--hub", hub.Path, "--username", "a.matcher", "--role", "matching", "--display-name", "A matcher");

        Assert.Equal((ExitCodes.Success, ""), (exit, error));
        Assert.Equal($"Added a.matcher (data-matching officer) to {hub.Path}.", CommandRunner.Lines(output)[0]);
        using var store = HubStore.Open(hub.Path);
        Assert.Equal(UserRole.DataMatching, store.Users.Find("a.matcher")!.Role);
    }

    [Fact]
    public void Add_UnknownRole_ExitsTwo()
    {
        var (exit, _, error) = CommandRunner.Run("users", "add", "--hub", hub.Path, "--username", "a.new.user", "--role", "boss", "--display-name", "A new user");

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.Contains("'boss'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unlock_LockedUser_SignsInAgainAndIsAudited()
    {
        const string password = "a long enough passphrase";
        using (var store = HubStore.Open(hub.Path))
        {
            store.Users.Add(new NewUser("a.new.user", "A new user", UserRole.Panel), password, "tester");
            AddAdministrator(store);
            for (var attempt = 0; attempt < 5; attempt++)
                store.Users.SignIn("a.new.user", "not the password", new LockoutPolicy(), "203.0.113.7");
            Assert.IsType<SignInOutcome.LockedOut>(store.Users.SignIn("a.new.user", password, new LockoutPolicy(), "203.0.113.7"));
        }

        var (exit, output, error) = CommandRunner.Run("users", "unlock", "--hub", hub.Path, "--user", "a.new.user", "--as", Administrator);

        Assert.Equal((ExitCodes.Success, $"Unlocked a.new.user in {hub.Path}.", ""), (exit, output.Trim(), error));
        using var after = HubStore.Open(hub.Path);
        Assert.IsType<SignInOutcome.Succeeded>(after.Users.SignIn("a.new.user", password, new LockoutPolicy(), "203.0.113.7"));
        Assert.Contains(after.AuditLog.Entries(), e => (e.Actor, e.Action, e.Subject) == (Administrator, "user.unlock", "a.new.user"));
    }

    [Fact]
    public void EndSessions_OpenSessions_EndsEveryOne()
    {
        string[] tokens;
        using (var store = HubStore.Open(hub.Path))
        {
            store.Users.Add(new NewUser("a.new.user", "A new user", UserRole.Panel), "a long enough passphrase", "tester");
            AddAdministrator(store);
            tokens = [store.Sessions.Start("a.new.user"), store.Sessions.Start("a.new.user")];
        }

        var (exit, output, error) = CommandRunner.Run("users", "end-sessions", "--hub", hub.Path, "--user", "a.new.user", "--as", Administrator);

        Assert.Equal((ExitCodes.Success, $"Ended every session of a.new.user in {hub.Path}.", ""), (exit, output.Trim(), error));
        using var after = HubStore.Open(hub.Path);
        Assert.All(tokens, token => Assert.IsType<SessionCheck.Ended>(after.Sessions.Check(token, new SessionPolicy())));
        Assert.Contains(after.AuditLog.Entries(), e => (e.Actor, e.Action, e.Subject) == (Administrator, "user.end_sessions", "a.new.user"));
    }

    [Fact]
    public void EndSessions_UnknownUser_ExitsOne()
    {
        using (HubStore.Open(hub.Path))
        {
        }

        var (exit, _, error) = CommandRunner.Run("users", "end-sessions", "--hub", hub.Path, "--user", "nobody.here");

        Assert.Equal((ExitCodes.BadInput, "earlyhelp: users end-sessions: there is no user named 'nobody.here'"), (exit, error.TrimEnd()));
    }

    private const string Administrator = "an.admin";

    /// <summary>The password a command printed once, from its line.</summary>
    private static string ShownPassword(string output)
    {
        const string shown = "Password, shown this once: ";
        var line = Assert.Single(CommandRunner.Lines(output), l => l.StartsWith(shown, StringComparison.Ordinal));
        return line[shown.Length..];
    }

    /// <summary>The administrator the unlock and end-sessions commands are recorded against.</summary>
    private static void AddAdministrator(IHubStore store) =>
        store.Users.Add(new NewUser(Administrator, "An administrator", UserRole.Administrator), "another long passphrase", "tester");
}
