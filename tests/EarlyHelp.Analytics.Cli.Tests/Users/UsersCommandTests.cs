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
        Assert.StartsWith("Password, shown this once: ", lines[1], StringComparison.Ordinal);
        var password = lines[1]["Password, shown this once: ".Length..];
        using var store = HubStore.Open(hub.Path);
        Assert.IsType<SignInOutcome.Succeeded>(store.Users.SignIn("a.new.user", password, new LockoutPolicy()));
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

    /// <summary>The administrator the unlock and end-sessions commands are recorded against.</summary>
    private static void AddAdministrator(IHubStore store) =>
        store.Users.Add(new NewUser(Administrator, "An administrator", UserRole.Administrator), "another long passphrase", "tester");
}
