using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Lifecycle;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Lifecycle;

/// <summary>The periods a hub keeps: read back as saved, audited, and used by every load and the retention run after it.</summary>
public abstract class RetentionSettingsTests<TFixture> : HubStoreTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    [StoreFact]
    public void Save_Periods_AreReadBackAndAudited()
    {
        using var store = Hub.Open();
        Assert.Equal(RetentionPeriods.Default, store.Retention.Read());
        var periods = new RetentionPeriods { RegisterRecordMonths = 60, PromptMonths = 84, AuditLogMonths = 120 };

        store.Retention.Save(periods, "ig.officer");

        Assert.Equal(periods, store.Retention.Read());
        var entry = Assert.Single(store.AuditLog.Entries(), e => e.Action == RetentionSettings.Action);
        Assert.Equal(("ig.officer", "register records 60 months after they end, prompts 84 months after the last thing done with them, audit entries 120 months"),
            (entry.Actor, entry.Detail));
    }

    [StoreFact]
    public void Save_AuditLogShorterThanPrompts_IsRefusedAndNothingChanges()
    {
        using var store = Hub.Open();

        Assert.Throws<ArgumentException>(() => store.Retention.Save(RetentionPeriods.Default with { AuditLogMonths = 60 }, "ig.officer"));

        Assert.Equal(RetentionPeriods.Default, store.Retention.Read());
        Assert.DoesNotContain(store.AuditLog.Entries(), e => e.Action == RetentionSettings.Action);
    }

    [StoreFact]
    public void Ingest_HubKeepsAShorterRegisterPeriod_DropsARecordPastItOnArrival()
    {
        // The lodger's occupancy ended on 2018-06-30. From the extract of 2024-03-31, 60 months back is 2019-03-31: past the
        // hub's 60-month period, though inside the default 72 (2018-03-31).
        var lodger = new Who("CT0000000077", "Nadia", "Khan", new(1990, 2, 3), "F", "3 Mill Lane", "BS5 9AA");
        var folder = SmallCity.Builder().Occupant("OCC-77", lodger, SmallCity.Mill, new(2017, 1, 1), new(2018, 6, 30)).WriteTo(Hub.Scratch);
        using var store = Hub.Open();
        store.Retention.Save(RetentionPeriods.Default with { RegisterRecordMonths = 60 }, "ig.officer");

        ExtractIngest.Run(store, folder.Path, "tester");

        Assert.Equal(0L, Convert.ToInt64(Hub.Query("SELECT COUNT(*) FROM identity_record WHERE record_ref = 'OCC-77/occupant'")));
        Assert.NotEqual(0L, Convert.ToInt64(Hub.Query("SELECT COUNT(*) FROM identity_record WHERE record_ref = 'OCC-4/occupant'")));
    }

    [StoreFact]
    public void Ingest_AuditEntriesPastTheirPeriod_AreCutAfterTheLoad()
    {
        // The first load's entries are of 2024-04-01 09:00; the second load runs on 2032-04-02 09:00, when 96 months back is
        // 2024-04-02 09:00: the first load's entries are a day outside the period.
        var folder = SmallCity.WriteTo(Hub.Scratch).Path;
        var clock = new FixedClock(new DateTimeOffset(2024, 4, 1, 9, 0, 0, TimeSpan.Zero));
        using var store = Hub.Open(clock);
        var first = ExtractIngest.Run(store, folder, "tester", clock: clock);
        Assert.Null(first.AfterLoad?.AuditCut);
        var written = store.AuditLog.Entries().Count;
        clock.Now = new DateTimeOffset(2032, 4, 2, 9, 0, 0, TimeSpan.Zero);

        var second = ExtractIngest.Run(store, folder, "tester", clock: clock);

        var cut = Assert.IsType<Hub.Audit.AuditTrailCut>(second.AfterLoad?.AuditCut);
        Assert.Equal(written, cut.EntriesRemoved);
        Assert.False(second.AfterLoadSkipped);
        Assert.True(store.AuditLog.Verify().IsIntact);
    }
}

public sealed class SqliteRetentionSettingsTests : RetentionSettingsTests<SqliteHubFixture>;

public sealed class PostgresRetentionSettingsTests : RetentionSettingsTests<PostgresHubFixture>;
