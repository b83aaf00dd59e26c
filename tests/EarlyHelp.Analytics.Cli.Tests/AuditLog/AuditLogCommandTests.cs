using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.CommandLine;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Cli.Tests.AuditLog;

public sealed class AuditLogCommandTests : IDisposable
{
    private readonly ScratchHub hub = new();

    public void Dispose() => hub.Dispose();

    private void AppendThree()
    {
        using var store = HubStore.Open(hub.Path);
        foreach (var subject in new[] { "P-0000-0001", "P-0000-0002", "P-0000-0003" })
            store.AuditLog.Append("a.practitioner", "prompt.view", subject, "run 1");
    }

    [Fact]
    public void Verify_IntactLog_ExitsZero()
    {
        AppendThree();

        var (exit, output, _) = CommandRunner.Run("audit-log", "verify", "--hub", hub.Path);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(
            $"The audit log of {hub.Path} is intact: 3 entries, 0 reviews and 0 checkpoints checked.{Environment.NewLine}Checkpoint written to {hub.Path}.checkpoints.",
            output.TrimEnd());
    }

    [Fact]
    public void Verify_TailCutOffAfterAVerify_ExitsOneNamingTheCheckpoint()
    {
        AppendThree();
        var checkpoints = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(hub.Path)!, "kept-elsewhere.checkpoints");
        Assert.Equal(ExitCodes.Success, CommandRunner.Run("audit-log", "verify", "--hub", hub.Path, "--checkpoint", checkpoints).Exit);
        hub.Execute("DROP TRIGGER audit_log_no_delete");
        hub.Execute("DELETE FROM audit_log WHERE id = 3");

        var (exit, _, error) = CommandRunner.Run("audit-log", "verify", "--hub", hub.Path, "--checkpoint", checkpoints);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Matches($"^earlyhelp: {System.Text.RegularExpressions.Regex.Escape(hub.Path)}: the audit trail is broken: checkpoint 1 \\(.+\\) saw 3 entries but the log holds 2: entries were removed from its end$", error.TrimEnd());
    }

    [Fact]
    public void Verify_AnotherAuditKey_ExitsOneAtTheFirstEntry()
    {
        AppendThree();
        var otherKey = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(hub.Path)!, "other.auditkey");
        Hub.Audit.AuditKey.Create(otherKey);

        var (exit, _, error) = CommandRunner.Run("--audit-key", otherKey, "audit-log", "verify", "--hub", hub.Path);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal($"earlyhelp: {hub.Path}: the audit log is broken at entry 1: its hash does not match its contents (0 entries before it check out)", error.TrimEnd());
    }

    [Fact]
    public void VerifyExport_ExportedLog_ExitsZero()
    {
        AppendThree();
        var export = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(hub.Path)!, "audit-log.csv");
        using (var store = HubStore.Open(hub.Path))
            File.WriteAllText(export, Hub.Audit.AuditCsv.Write(store.AuditLog.Entries()));

        var (exit, output, _) = CommandRunner.Run("audit-log", "verify", "--hub", hub.Path, "--export", export);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal($"The audit log export {export} checks out: 3 entries checked with the audit key.", output.TrimEnd());
    }

    [Fact]
    public void Show_FailedSignInNameWithTerminalEscapes_PrintsThemEscaped()
    {
        using (var store = HubStore.Open(hub.Path))
            store.AuditLog.Append("\u001b]0;owned\u0007x\u001b[2K\r2024-01-01 admin", "sign_in.failure", "account", "unknown name");

        var (_, output, _) = CommandRunner.Run("audit-log", "show", "--hub", hub.Path);

        Assert.DoesNotContain(output, c => c == '\u001b' || c == '\u0007' || c == '\r');
        Assert.Contains("\\u001b]0;owned\\u0007x\\u001b[2K\\u000d2024-01-01 admin", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EntryEditedBehindTheGuard_ExitsOneNamingIt()
    {
        AppendThree();
        hub.Execute("DROP TRIGGER audit_log_no_update");
        hub.Execute("UPDATE audit_log SET subject = 'P-0000-0009' WHERE id = 2");

        var (exit, _, error) = CommandRunner.Run("audit-log", "verify", "--hub", hub.Path);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal($"earlyhelp: {hub.Path}: the audit log is broken at entry 2: its hash does not match its contents (1 entry before it check out)", error.TrimEnd());
    }

    [Fact]
    public void Verify_EntryDeletedBehindTheGuard_ExitsOneNamingTheGap()
    {
        AppendThree();
        hub.Execute("DROP TRIGGER audit_log_no_delete");
        hub.Execute("DELETE FROM audit_log WHERE id = 2");

        var (exit, _, error) = CommandRunner.Run("audit-log", "verify", "--hub", hub.Path);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal($"earlyhelp: {hub.Path}: the audit log is broken at entry 3: expected entry 2 but found 3 (1 entry before it check out)", error.TrimEnd());
    }

    [Fact]
    public void Verify_NoHubFile_ExitsOne()
    {
        var (exit, _, error) = CommandRunner.Run("audit-log", "verify", "--hub", hub.Path);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal($"earlyhelp: {hub.Path}: there is no hub here; load extracts with 'earlyhelp ingest' or give the right --hub", error.TrimEnd());
    }

    [Fact]
    public void Show_ActionFilter_ListsMatchingEntriesOldestFirst()
    {
        AppendThree();
        using (var store = HubStore.Open(hub.Path))
            store.AuditLog.Append("ig.reviewer", "audit_log.export", "audit log", "3 entries");

        var (exit, output, _) = CommandRunner.Run("audit-log", "show", "--hub", hub.Path, "--action", "prompt", "--limit", "2");

        Assert.Equal(ExitCodes.Success, exit);
        var lines = CommandRunner.Lines(output.TrimEnd());
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("2 ", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("3 ", lines[3], StringComparison.Ordinal);
    }
}
