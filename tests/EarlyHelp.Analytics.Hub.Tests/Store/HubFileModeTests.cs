using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Sqlite;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Store;

/// <summary>
/// The hub, its journals and its audit key hold personal data or guard it: on Linux they are created readable by
/// their owner only (or by the owner's group too when the setting says so), whatever the process's umask.
/// </summary>
[Collection(FileAccessSetting.Collection)]
public sealed class HubFileModeTests : HubStoreTests<SqliteHubFixture>
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public void Open_NewHub_HubAndKeyAreOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
            return;

        using (var store = Hub.Open())
            store.AuditLog.Append("tester", "test", "subject", "detail");

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Hub.HubPath));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Hub.HubPath + AuditKey.DefaultSuffix));
    }

    [Fact]
    public void Open_WhileWriting_JournalsTakeTheHubsMode()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var store = Hub.Open();
        store.AuditLog.Append("tester", "test", "subject", "detail");

        // A write-ahead log and its shared memory exist while a connection holds the hub in that mode.
        using var connection = Hub.Connect();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode = WAL";
            command.ExecuteNonQuery();
        }
        store.AuditLog.Append("tester", "test", "subject", "written through the log");

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Hub.HubPath + "-wal"));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Hub.HubPath + "-shm"));
    }

    [Fact]
    public void Open_ExistingWorldReadableHub_IsRestricted()
    {
        if (OperatingSystem.IsWindows())
            return;
        using (Hub.Open())
        {
        }
        File.SetUnixFileMode(Hub.HubPath, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using (Hub.Open())
        {
        }

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Hub.HubPath));
    }

    [Fact]
    public void Open_GroupSetting_GroupMayRead()
    {
        if (OperatingSystem.IsWindows())
            return;
        using (FileAccessSetting.Set("group"))
        using (Hub.Open())
        {
        }

        Assert.Equal(OwnerOnly | UnixFileMode.GroupRead, File.GetUnixFileMode(Hub.HubPath));
        Assert.Equal(OwnerOnly | UnixFileMode.GroupRead, File.GetUnixFileMode(Hub.HubPath + AuditKey.DefaultSuffix));
    }

    [Fact]
    public void ReadsAsGroup_UnknownSetting_NamesTheSetting()
    {
        var error = Assert.Throws<Core.BadInputException>(() => HubFileAccess.ReadsAsGroup("everyone"));

        Assert.Equal("EARLYHELP_FILE_ACCESS: the setting must be 'owner' or 'group'. Got 'everyone' instead.", error.Message);
    }

    [Fact]
    public void CreateFolder_NewFolder_IsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
            return;
        var folder = Path.Combine(Hub.Scratch, "models", "m1");

        HubFileAccess.CreateFolder(folder);

        Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
    }
}
