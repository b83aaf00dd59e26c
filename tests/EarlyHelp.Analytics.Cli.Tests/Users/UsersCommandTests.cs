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
}
