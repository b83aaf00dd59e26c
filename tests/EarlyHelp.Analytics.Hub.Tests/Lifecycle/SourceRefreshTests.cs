using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Lifecycle;

/// <summary>Corrections and deletions from source: full refreshes delete and amend, changes-only extracts amend, older extracts change nothing.</summary>
public abstract class SourceRefreshTests<TFixture> : HubStoreTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    private static readonly DateOnly Later = new(2024, 4, 30);

    [StoreFact]
    public void Run_FullRefreshWithoutARecord_DeletesItsEventAndIdentityRecord()
    {
        using var store = Hub.Open();
        ExtractIngest.Run(store, SmallCity.WriteTo(Hub.Scratch).Path, "tester");
        // The police's next full extract no longer holds ASB-2 (deleted at source, say entered against the wrong person).
        var builder = SmallCity.Builder(Later);
        var later = builder.Without("police.asb_incident", "ASB-2").WriteTo(Hub.Scratch);

        var report = ExtractIngest.Run(store, later.Path, "tester");

        Assert.Equal(1, report.Deleted);
        Assert.Equal(1, report.Files.Single(f => f.Dataset == "police.asb_incident").Deleted);
        Assert.Equal(["ASB-1"], Refs(store, "police.asb_incident"));
        Assert.Equal(0L, Count("SELECT COUNT(*) FROM event WHERE source_ref = 'ASB-2'"));
        Assert.Equal(0L, Count("SELECT COUNT(*) FROM identity_record WHERE record_ref = 'ASB-2'"));
        Assert.Contains("1 deleted at source", store.AuditLog.Entries()[^1].Detail, StringComparison.Ordinal);
    }

    [StoreFact]
    public void Run_AmendedRecord_UpdatesItInPlaceAndKeepsWhatChanged()
    {
        using var store = Hub.Open();
        ExtractIngest.Run(store, SmallCity.WriteTo(Hub.Scratch).Path, "tester");
        var eventId = Count("SELECT event_id FROM event WHERE source_ref = 'PA-1'");
        // The school corrects Emily's absence: 16.0% of sessions, not 14.5%, and the term ended on the 19th.
        var later = Replace(SmallCity.Builder(Later), "school.persistent_absence", "PA-1",
            b => b.Event("school.persistent_absence", "PA-1", SmallCity.Emily, new(2023, 9, 1), new(2023, 12, 19), 16.0)).WriteTo(Hub.Scratch);

        var report = ExtractIngest.Run(store, later.Path, "tester");

        var absence = store.OpenReader().Events().Single(e => e.EventId == eventId);
        Assert.Equal((new DateOnly(2023, 12, 19), (double?)16.0), (absence.End, absence.Value));
        Assert.Equal(1, report.Files.Single(f => f.Dataset == "school.persistent_absence").Counts.Updated);
        Assert.Equal(2L, Count("SELECT changed_run FROM identity_record WHERE record_ref = 'PA-1'"));
        Assert.Equal(1L, Count("SELECT first_run FROM identity_record WHERE record_ref = 'PA-1'"));
        Assert.Equal(
            [("valid_to", "2023-12-20", "2023-12-19"), ("value", "14.5", "16")],
            Changes("PA-1"));
    }

    [StoreFact]
    public void Run_ChangesOnlyDatasetWithoutARecord_KeepsIt()
    {
        using var store = Hub.Open();
        ExtractIngest.Run(store, SmallCity.WriteTo(Hub.Scratch).Path, "tester");
        // DWP sends changes only: a later share without CLM-1 says nothing about it.
        var later = SmallCity.Builder(Later).Without("dwp.out_of_work_benefit", "CLM-1").WriteTo(Hub.Scratch);

        var report = ExtractIngest.Run(store, later.Path, "tester");

        Assert.Equal(0, report.Deleted);
        Assert.Equal(["CLM-1", "CLM-2"], Refs(store, "dwp.out_of_work_benefit"));
    }

    [StoreFact]
    public void Run_OlderExtractAfterANewerOne_ChangesNothing()
    {
        using var store = Hub.Open();
        // The newer extract (April) deleted ASB-2 and corrected Emily's absence; the March extract arrives late.
        var newer = Replace(SmallCity.Builder(Later).Without("police.asb_incident", "ASB-2"), "school.persistent_absence", "PA-1",
            b => b.Event("school.persistent_absence", "PA-1", SmallCity.Emily, new(2023, 9, 1), new(2023, 12, 19), 16.0)).WriteTo(Hub.Scratch);
        ExtractIngest.Run(store, newer.Path, "tester");
        var contents = HubContents.Of(store);

        var report = ExtractIngest.Run(store, SmallCity.WriteTo(Hub.Scratch).Path, "tester");

        HubContents.Of(store).AssertSameAs(contents);
        Assert.Equal(["ASB-1"], Refs(store, "police.asb_incident"));
        Assert.All(report.Files.Where(f => f.Path != "gazetteer.csv"), file =>
            Assert.Equal("an extract of 2024-04-30 is already loaded; this older one changes nothing", file.NotApplied));
        Assert.Equal(0, report.Counts.Added + report.Counts.Updated + report.Deleted);
    }

    [StoreFact]
    public void Run_ExpiredRecordGivenAgain_StaysDeletedAndTheAuditSaysHowManyNotWhich()
    {
        using var store = Hub.Open();
        // DWP keeps 48 months and sends changes only, so only retention removes a claim. Loaded on 2024-03-31 the claim of
        // 2020-04-15 is inside the period (from 2020-03-31); once an extract of 2024-05-31 is loaded the period starts on
        // 2020-05-31 and it is past it. DWP then sends it again, in a late extract of 2024-04-30 and in one of 2024-05-31.
        var old = new Who("DW0000000009", "Kai", "Lee", new(1983, 5, 2));
        var current = new Who("DW0000000010", "Mia", "Ross", new(1984, 8, 9));
        string Extract(DateOnly date, bool withOld)
        {
            var builder = new ExtractBuilder(date).Event("dwp.out_of_work_benefit", "CLM-NEW", current, new(2023, 1, 5));
            return (withOld ? builder.Event("dwp.out_of_work_benefit", "CLM-OLD", old, new(2020, 4, 15)) : builder).WriteTo(Hub.Scratch).Path;
        }
        ExtractIngest.Run(store, Extract(new(2024, 3, 31), withOld: true), "tester");
        var purge = ExtractIngest.Run(store, Extract(new(2024, 5, 31), withOld: false), "tester");

        var late = ExtractIngest.Run(store, Extract(new(2024, 4, 30), withOld: true), "tester");
        var again = ExtractIngest.Run(store, Extract(new(2024, 5, 31), withOld: true), "tester");

        Assert.Equal([("dwp.out_of_work_benefit", 1)], purge.Expired);
        Assert.Equal(["CLM-NEW"], Refs(store, "dwp.out_of_work_benefit"));
        Assert.Equal((0L, 0L), (late.Counts.Added, again.Counts.Added));
        Assert.Equal(1, again.DroppedByRetention);
        var entry = Assert.Single(store.AuditLog.Entries(), e => e.Action == "retention.delete");
        Assert.Equal(("dataset dwp.out_of_work_benefit", "1 records past the retention period deleted"), (entry.Subject, entry.Detail));
    }

    [StoreFact]
    public void Events_RecordFirstBroughtByALaterExtract_CarriesThatExtractsDate()
    {
        using var store = Hub.Open();
        ExtractIngest.Run(store, SmallCity.WriteTo(Hub.Scratch).Path, "tester");
        // The police report, in their extract of 2024-04-30, an incident of 2024-02-10 missing from the first one.
        var later = SmallCity.Builder(Later).Event("police.asb_incident", "ASB-3", SmallCity.Sarah.In("PN0000000001"), new(2024, 2, 10)).WriteTo(Hub.Scratch);

        ExtractIngest.Run(store, later.Path, "tester");

        var events = store.OpenReader().Events().Where(e => e.Dataset == "police.asb_incident").OrderBy(e => e.Start).ToArray();
        // ASB-1 and ASB-2 came in the first load, the dataset's back-fill: known from their own dates.
        Assert.Equal([null, null, Later], events.Select(e => e.LoadedOn));
        Assert.Equal(new DateOnly(2024, 2, 10), events[2].Start);
    }

    private static ExtractBuilder Replace(ExtractBuilder builder, string dataset, string sourceRef, Func<ExtractBuilder, ExtractBuilder> add) =>
        add(builder.Without(dataset, sourceRef));

    private static string[] Refs(Hub.Store.IHubStore store, string dataset) =>
        store.ReadRecordPeople().Where(r => r.Dataset == dataset).Select(r => r.RecordRef).Order(StringComparer.Ordinal).ToArray();

    private long Count(string sql) => Convert.ToInt64(Hub.Query(sql), System.Globalization.CultureInfo.InvariantCulture);

    private (string, string?, string?)[] Changes(string recordRef) =>
        Hub.QueryRows($"SELECT field, old_value, new_value FROM record_change WHERE record_ref = '{recordRef}' ORDER BY field")
            .Select(row => ((string)row[0]!, (string?)row[1], (string?)row[2])).ToArray();
}

public sealed class SqliteSourceRefreshTests : SourceRefreshTests<SqliteHubFixture>;

public sealed class PostgresSourceRefreshTests : SourceRefreshTests<PostgresHubFixture>;
