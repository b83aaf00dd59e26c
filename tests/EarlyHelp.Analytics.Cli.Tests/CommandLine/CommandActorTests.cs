using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Cli.Tests.CommandLine;

/// <summary>Command-line actions are recorded against a named hub account with the role they need, with the operating-system user beside it.</summary>
public sealed class CommandActorTests : IDisposable
{
    private readonly ScratchHub hub = new();

    public void Dispose() => hub.Dispose();

    private void AddAccounts()
    {
        using var store = HubStore.Open(hub.Path);
        store.Users.Add(new NewUser("an.administrator", "Administrator", UserRole.Administrator), Passwords.Generate(), "setup");
        store.Users.Add(new NewUser("an.analyst", "Analyst", UserRole.Analyst), Passwords.Generate(), "setup");
    }

    [Fact]
    public void OptOutAdd_AsAnAdministrator_RecordedAgainstTheAccountWithTheOperatingSystemUser()
    {
        AddAccounts();

        var (exit, _, error) = CommandRunner.Run("opt-out", "add", "--hub", hub.Path, "--person", "42", "--reason", "objected", "--as", "an.administrator");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("", error);
        using var store = HubStore.Open(hub.Path);
        var entries = store.AuditLog.Entries().TakeLast(2).ToArray();
        Assert.Equal(("an.administrator", "command_line", "opt-out add"), (entries[0].Actor, entries[0].Action, entries[0].Subject));
        Assert.Equal($"run as operating-system user {Environment.UserName} on {Environment.MachineName}", entries[0].Detail);
        Assert.Equal(("an.administrator", "opt_out.add"), (entries[1].Actor, entries[1].Action));
    }

    [Fact]
    public void OptOutAdd_NoAccountNamedOnAHubWithAccounts_ExitsTwoAndStoresNothing()
    {
        AddAccounts();

        var (exit, _, error) = CommandRunner.Run("opt-out", "add", "--hub", hub.Path, "--person", "42", "--reason", "objected");

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.Equal("earlyhelp: 'opt-out add' is recorded against a named hub account with the role admin: give it with --as ACCOUNT or EARLYHELP_ACCOUNT.", error.TrimEnd());
        using var store = HubStore.Open(hub.Path);
        Assert.False(store.OptOuts.Contains(new PersonId(42)));
    }

    [Fact]
    public void OptOutAdd_AccountWithoutTheRole_ExitsOne()
    {
        AddAccounts();

        var (exit, _, error) = CommandRunner.Run("--as", "an.analyst", "opt-out", "add", "--hub", hub.Path, "--person", "42", "--reason", "objected");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("earlyhelp: an.analyst: the account's role is analyst, but 'opt-out add' needs admin", error.TrimEnd());
    }

    [Fact]
    public void OptOutAdd_UnknownAccount_ExitsOne()
    {
        AddAccounts();

        var (exit, _, error) = CommandRunner.Run("opt-out", "add", "--hub", hub.Path, "--person", "42", "--reason", "objected", "--as", "nobody");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("earlyhelp: nobody: there is no such account in the hub; see 'earlyhelp users list'", error.TrimEnd());
    }

    [Fact]
    public void OptOutAdd_DisabledAccount_ExitsOne()
    {
        AddAccounts();
        using (var store = HubStore.Open(hub.Path))
            store.Users.SetDisabled("an.administrator", disabled: true, "setup");

        var (exit, _, error) = CommandRunner.Run("opt-out", "add", "--hub", hub.Path, "--person", "42", "--reason", "objected", "--as", "an.administrator");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("earlyhelp: an.administrator: the account is disabled", error.TrimEnd());
    }

    [Fact]
    public void ModelsPromote_NoAccountNamedEvenOnAHubWithoutAccounts_ExitsTwo()
    {
        using (HubStore.Open(hub.Path))
        {
        }

        var (exit, _, error) = CommandRunner.Run("models", "promote", "2027q1", "--hub", hub.Path, "--note", "reviewed");

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.Equal("earlyhelp: 'models promote' is recorded against a named hub account with the role ig: give it with --as ACCOUNT or EARLYHELP_ACCOUNT.", error.TrimEnd());
    }

    [Fact]
    public void ModelsPromote_AnAnalyst_ExitsOne()
    {
        AddAccounts();

        var (exit, _, error) = CommandRunner.Run("models", "promote", "2027q1", "--hub", hub.Path, "--note", "reviewed", "--as", "an.analyst");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("earlyhelp: an.analyst: the account's role is analyst, but 'models promote' needs ig", error.TrimEnd());
    }
}
