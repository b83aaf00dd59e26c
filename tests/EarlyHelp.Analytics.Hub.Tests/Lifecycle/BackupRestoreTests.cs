using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Sqlite;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using EarlyHelp.Analytics.Hub.Tests.Prompts;
using Microsoft.Data.Sqlite;

namespace EarlyHelp.Analytics.Hub.Tests.Lifecycle;

/// <summary>Backup with SQLite's online backup and a restore that verifies the audit trail before it replaces anything.</summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly SqliteHubFixture hub = new();

    public void Dispose() => hub.Dispose();

    [Fact]
    public void Restore_Backup_GivesTheSameHubWithAVerifiedTrail()
    {
        var (backup, key, contents, entries) = BackedUpHub();
        var restored = Path.Combine(hub.Scratch, "restored.db");

        var result = SqliteBackup.Restore(backup, restored, "an.admin", replace: false, key);

        // The backup holds every entry written before it: the ingest, the run, the review (and their command-line records).
        Assert.Equal(entries, result.AuditEntries);
        Assert.Equal(1, result.Reviews);
        using var store = SqliteHubStore.Open(restored, auditKeyFile: key);
        HubContents.Of(store).AssertSameAs(contents);
        Assert.True(store.AuditLog.Verify().IsIntact);
        Assert.Equal(SqliteBackup.RestoreAction, store.AuditLog.Entries()[^1].Action);
        Assert.False(File.Exists(restored + ".restoring"));
    }

    [Fact]
    public void Restore_TamperedBackup_IsRefusedAndNothingIsWritten()
    {
        var (backup, key, _, _) = BackedUpHub();
        // Someone with the file edits a review's reason behind the database's guard.
        using (var connection = new SqliteConnection($"Data Source={backup};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER review_no_update; UPDATE review SET reason = 'edited'";
            command.ExecuteNonQuery();
        }
        var restored = Path.Combine(hub.Scratch, "restored.db");

        var error = Assert.Throws<BadInputException>(() => SqliteBackup.Restore(backup, restored, "an.admin", replace: false, key));

        Assert.Contains("the backup's audit trail does not verify: review 1", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(restored));
        Assert.False(File.Exists(restored + ".restoring"));
    }

    [Fact]
    public void Restore_OverAnExistingHubWithoutReplace_IsRefused()
    {
        var (backup, key, _, _) = BackedUpHub();

        var error = Assert.Throws<BadInputException>(() => SqliteBackup.Restore(backup, hub.HubPath, "an.admin", replace: false, key));

        Assert.Equal($"{hub.HubPath}: a hub already exists here; give --replace to restore over it", error.Message);
    }

    private (string Backup, string Key, HubContents Contents, long Entries) BackedUpHub()
    {
        using var store = (SqliteHubStore)hub.Open(new FixedClock(new DateTimeOffset(2024, 4, 2, 9, 0, 0, TimeSpan.Zero)));
        ExtractIngest.Run(store, SmallCity.WriteTo(hub.Scratch).Path, "tester");
        var family = store.OpenReader().FamilyMemberships().First().Family;
        var run = store.Prompts.SaveRun(PanelFamilies.Submission() with { Prompts = [new(family, 0.5, PanelFamilies.Content("A fact"))] });
        store.Prompts.Review(new ReviewSubmission(store.Prompts.Queue(run.Id, new QueueFilter())[0].Reference, ReviewOutcome.NoActionNeeded, "Known", "a.practitioner", null));
        var entries = store.AuditLog.Entries().Count;
        var backup = Path.Combine(hub.Scratch, "hub.backup");

        SqliteBackup.Backup(store, backup, "an.admin");

        Assert.Equal(SqliteBackup.BackupAction, store.AuditLog.Entries()[^1].Action);
        return (backup, store.AuditLog.KeyFile, HubContents.Of(store), entries);
    }
}
