using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Cli.Tests.CommandLine;

/// <summary>
/// Reading a register on the command line (opt-outs, users, the audit log) is a look the app audits, so the command
/// line audits it too: with the app's action, against the named account, and is refused, printing nothing, without one.
/// </summary>
public sealed class RegisterViewAuditTests : IDisposable
{
    private readonly ScratchHub hub = new();

    public void Dispose() => hub.Dispose();

    // Two accounts (an administrator and an IG reviewer) and one person on the opt-out register.
    private void Arrange()
    {
        using var store = HubStore.Open(hub.Path);
        store.Users.Add(new NewUser("an.administrator", "Administrator", UserRole.Administrator), Passwords.Generate(), "setup");
        store.Users.Add(new NewUser("an.ig.reviewer", "IG reviewer", UserRole.Governance), Passwords.Generate(), "setup");
        store.OptOuts.Add(new PersonId(42), "objected to profiling", "an.administrator");
    }

    private long LastEntryId()
    {
        using var store = HubStore.Open(hub.Path);
        return store.AuditLog.Entries().Last().Id;
    }

    private (string Actor, string Action, string Subject, string Detail) LastEntry()
    {
        using var store = HubStore.Open(hub.Path);
        var entry = store.AuditLog.Entries().Last();
        return (entry.Actor, entry.Action, entry.Subject, entry.Detail);
    }

    // The arranged register holds one person and two accounts, hence the counts in the details.
    [Theory]
    [InlineData("opt-out", "list", "42 ", "opt_outs.view", "opt-out register", "1 people")]
    [InlineData("users", "list", "an.ig.reviewer ", "users.view", "users", "2 users")]
    public void RegisterList_AsAnAdministrator_AuditedAsTheAppsView(string verb, string sub, string row, string action, string subject, string detail)
    {
        Arrange();

        var (exit, output, error) = CommandRunner.Run(verb, sub, "--hub", hub.Path, "--as", "an.administrator");

        Assert.Equal((ExitCodes.Success, ""), (exit, error));
        Assert.Contains(CommandRunner.Lines(output), line => line.StartsWith(row, StringComparison.Ordinal));
        Assert.Equal(("an.administrator", action, subject, detail), LastEntry());
    }

    [Fact]
    public void AuditLogShow_AsAnIgReviewer_AuditedAsTheAppsAuditLogViewAndNotAmongTheEntriesShown()
    {
        Arrange();

        var (exit, output, error) = CommandRunner.Run("audit-log", "show", "--hub", hub.Path, "--action", "opt_out", "--as", "an.ig.reviewer");

        Assert.Equal((ExitCodes.Success, ""), (exit, error));
        // The header, its rule and the one opt_out.add entry arranged.
        var lines = CommandRunner.Lines(output.TrimEnd());
        Assert.Equal(3, lines.Length);
        Assert.Contains(" opt_out.add ", lines[2], StringComparison.Ordinal);
        Assert.Equal(("an.ig.reviewer", "audit_log.view", "audit log", "1 entries; actor any, action opt_out, from start, to now"), LastEntry());
    }

    [Theory]
    [InlineData("opt-out", "list", "admin")]
    [InlineData("users", "list", "admin")]
    [InlineData("audit-log", "show", "ig")]
    public void RegisterRead_NoAccountNamedOnAHubWithAccounts_ExitsTwoPrintingNothingAndAuditingNothing(string verb, string sub, string role)
    {
        Arrange();
        var before = LastEntryId();

        var (exit, output, error) = CommandRunner.Run(verb, sub, "--hub", hub.Path);

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.Equal($"earlyhelp: '{verb} {sub}' is recorded against a named hub account with the role {role}: give it with --as ACCOUNT or EARLYHELP_ACCOUNT.",
            error.TrimEnd());
        Assert.Equal("", output);
        Assert.Equal(before, LastEntryId());
    }

    [Fact]
    public void AuditLogShow_AnAdministrator_ExitsOneAsTheAppGivesTheLogToIgOnly()
    {
        Arrange();
        var before = LastEntryId();

        var (exit, output, error) = CommandRunner.Run("audit-log", "show", "--hub", hub.Path, "--as", "an.administrator");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("earlyhelp: an.administrator: the account's role is admin, but 'audit-log show' needs ig", error.TrimEnd());
        Assert.Equal("", output);
        Assert.Equal(before, LastEntryId());
    }
}
