using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.Ingest;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Cli.Tests.Records;

public sealed class RecordCommandTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("earlyhelp-cli-record-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public void Remove_TheOnlyRecordOfAPerson_RemovesThePersonAndAuditsTheReason()
    {
        var hub = Path.Combine(scratch, "hub.db");
        CommandRunner.Run("ingest", "--hub", hub, TinyExtract.Write(scratch));

        // Pat Lee is known from one police incident only: removing it removes her; four people become three.
        var (exit, output, error) = CommandRunner.Run("record", "remove", "--hub", hub, "--dataset", "police.asb_incident", "--record", "ASB-1", "--reason", "shared in error");

        Assert.Equal((ExitCodes.Success, ""), (exit, error));
        Assert.Equal("Removed 1 record(s); people in the hub: 4 before, 3 after.", output.TrimEnd());
        using var store = HubStore.Open(hub);
        var entry = store.AuditLog.Entries()[^1];
        Assert.Equal(("record.remove", "police.asb_incident/ASB-1"), (entry.Action, entry.Subject));
        Assert.EndsWith(": shared in error", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Unlink_OnlyRecordOfItsPerson_ExitsOneAndBlankReasonExitsTwo()
    {
        var hub = Path.Combine(scratch, "hub.db");
        CommandRunner.Run("ingest", "--hub", hub, TinyExtract.Write(scratch));

        var only = CommandRunner.Run("record", "unlink", "--hub", hub, "--dataset", "police.asb_incident", "--record", "ASB-1", "--reason", "not her");
        var blank = CommandRunner.Run("record", "unlink", "--hub", hub, "--dataset", "police.asb_incident", "--record", "ASB-1", "--reason", " ");

        Assert.Equal((ExitCodes.BadInput, "earlyhelp: police.asb_incident/ASB-1: the record is its person's only record: it is linked to no other; nothing was unlinked"),
            (only.Exit, only.Error.TrimEnd()));
        Assert.Equal((ExitCodes.BadUsage, "earlyhelp: The '--reason' option must hold 1 to 500 characters. Got 0 instead."), (blank.Exit, blank.Error.TrimEnd()));
    }
}
