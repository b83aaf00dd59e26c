using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Cli.Tests.OptOut;

public sealed class OptOutCommandTests : IDisposable
{
    private readonly ScratchHub hub = new();

    public void Dispose() => hub.Dispose();

    [Fact]
    public void Add_NewPerson_RegistersAndAudits()
    {
        var (exit, output, _) = CommandRunner.Run("opt-out", "add", "--hub", hub.Path, "--person", "42", "--reason", "objected to profiling");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.StartsWith("Person 42 is on the opt-out register", output, StringComparison.Ordinal);
        using var store = HubStore.Open(hub.Path);
        Assert.True(store.OptOuts.Contains(new PersonId(42)));
        Assert.Equal("opt_out.add", Assert.Single(store.AuditLog.Entries()).Action);
    }

    [Fact]
    public void Add_SecondTime_SaysNothingChanged()
    {
        CommandRunner.Run("opt-out", "add", "--hub", hub.Path, "--person", "42", "--reason", "objected");

        var (exit, output, _) = CommandRunner.Run("opt-out", "add", "--hub", hub.Path, "--person", "42", "--reason", "again");

        Assert.Equal((ExitCodes.Success, "Person 42 was already on the opt-out register; nothing changed."), (exit, output.TrimEnd()));
    }

    [Fact]
    public void Add_EmptyReason_ExitsTwo()
    {
        var (exit, _, error) = CommandRunner.Run("opt-out", "add", "--hub", hub.Path, "--person", "42", "--reason", " ");

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.Equal("earlyhelp: The '--reason' option must hold 1 to 500 characters. Got 0 instead.", error.TrimEnd());
    }

    [Fact]
    public void Withdraw_ListedPerson_RemovesTheEntryAndListShowsWhoRecordedTheRest()
    {
        CommandRunner.Run("opt-out", "add", "--hub", hub.Path, "--person", "42", "--reason", "objected");
        CommandRunner.Run("opt-out", "add", "--hub", hub.Path, "--person", "43", "--reason", "restricted");

        var (exit, output, _) = CommandRunner.Run("opt-out", "withdraw", "--hub", hub.Path, "--person", "42", "--reason", "withdrawn in writing");

        Assert.Equal((ExitCodes.Success, "Person 42's entry is withdrawn; their families will be scored again at the next run."), (exit, output.TrimEnd()));
        var (_, list, _) = CommandRunner.Run("opt-out", "list", "--hub", hub.Path);
        var row = Assert.Single(CommandRunner.Lines(list), line => line.StartsWith("43 ", StringComparison.Ordinal));
        // With no accounts in the hub, the operating-system user is who recorded it.
        Assert.Contains($" {Environment.UserName} ", row, StringComparison.Ordinal);
        Assert.DoesNotContain(CommandRunner.Lines(list), line => line.StartsWith("42 ", StringComparison.Ordinal));
    }
}
