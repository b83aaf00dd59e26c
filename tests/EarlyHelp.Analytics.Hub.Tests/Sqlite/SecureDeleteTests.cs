using System.Text;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Lifecycle;
using EarlyHelp.Analytics.Hub.Sqlite;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Sqlite;

/// <summary>A record removed as wrongly held, or by retention, leaves none of its person's details in the hub file's bytes or in a backup taken afterwards.</summary>
public sealed class SecureDeleteTests : IDisposable
{
    // A lodger in no other source, with a name, a date of birth and an account number found nowhere else in the city.
    // Her occupancy ended on 2018-06-30: from the extract of 2024-03-31 a 60-month period ends on 2019-03-31, so it is due.
    private static readonly Who Lodger = new("CT0000009137", "Zephyrine", "Quillfeather", new(1931, 7, 29), "F", "3 Mill Lane", "BS5 9AA");
    private static readonly string[] Details = ["Zephyrine", "Quillfeather", "1931-07-29", "CT0000009137"];

    private readonly SqliteHubFixture hub = new();

    [Fact]
    public void Remove_WronglyHeldRecord_LeavesNoneOfItsDetailsInTheFileOrABackup()
    {
        using (var store = Loaded())
            RecordRemoval.Remove(store, ("council_tax_occupants", "OCC-77/occupant"), "Not a resident of this council", "an.administrator");

        AssertGone(hub.HubPath);
        AssertGone(BackedUp());
    }

    [Fact]
    public void Retention_RecordPastItsPeriod_LeavesNoneOfItsDetailsInTheFileOrABackup()
    {
        using (var store = Loaded())
            HubRetention.Apply(store, "ig.officer", RetentionPeriods.Default with { RegisterRecordMonths = 60 });

        AssertGone(hub.HubPath);
        AssertGone(BackedUp());
    }

    public void Dispose() => Directory.Delete(hub.Scratch, recursive: true);

    /// <summary>The small city with the lodger loaded, checked to hold her details before anything is removed (so that their absence later means something).</summary>
    private SqliteHubStore Loaded()
    {
        var folder = SmallCity.Builder().Occupant("OCC-77", Lodger, SmallCity.Mill, new(2017, 1, 1), new(2018, 6, 30)).WriteTo(hub.Scratch);
        using (var store = hub.Open())
            ExtractIngest.Run(store, folder.Path, "tester");
        var bytes = Encoding.Latin1.GetString(File.ReadAllBytes(hub.HubPath));
        Assert.All(Details, detail => Assert.Contains(detail, bytes, StringComparison.Ordinal));
        return (SqliteHubStore)hub.Open();
    }

    private string BackedUp()
    {
        var backup = Path.Combine(hub.Scratch, "backup.db");
        using var store = (SqliteHubStore)hub.Open();
        SqliteBackup.Backup(store, backup, "an.administrator");
        return backup;
    }

    private static void AssertGone(string file)
    {
        // Latin-1 maps each byte to one character, so no byte sequence is lost to decoding.
        var bytes = Encoding.Latin1.GetString(File.ReadAllBytes(file));
        Assert.All(Details, detail => Assert.DoesNotContain(detail, bytes, StringComparison.Ordinal));
    }
}
