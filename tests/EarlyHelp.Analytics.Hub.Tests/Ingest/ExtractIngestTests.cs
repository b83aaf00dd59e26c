using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Ingest;

/// <summary>Loading extracts: linkage into people, derived tables, idempotency, closing open records, retention.</summary>
public abstract class ExtractIngestTests<TFixture> : HubStoreTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    [StoreFact]
    public void Run_SmallCity_LinksRecordsWithoutJoiningTwoPeopleAndDerivesTables()
    {
        var folder = SmallCity.WriteTo(Hub.Scratch);
        using var store = Hub.Open();

        var report = ExtractIngest.Run(store, folder.Path, "tester");

        // SmallCity (see its summary): 8 people at 3 addresses; the Joneses and the Patels are families. The model is
        // estimated from 30 records, so Tom's occupancy before his move may stay apart (9 people; the clerical
        // decision test joins it) but no hub person may hold two true people (each true person has one date of birth).
        var reader = store.OpenReader();
        Assert.InRange(reader.People().Count(), SmallCity.People, SmallCity.People + 1);
        Assert.All(store.ReadIdentityState().Records.GroupBy(r => r.PersonId), person => Assert.Single(person.Select(r => r.BirthDate).OfType<DateOnly>().Distinct()));
        Assert.Equal(3, reader.Households().Count());
        Assert.Equal(2, reader.FamilyMemberships().Select(m => m.Family).Distinct().Count());
        Assert.Equal(SmallCity.EventRows - SmallCity.DroppedByRetention, report.ByTable().Single(t => t.Table == "event").Counts.Added);
        Assert.Equal(SmallCity.DroppedByRetention, report.DroppedByRetention);
        Assert.Equal(0, report.Counts.AlreadyPresent);
        Assert.Equal(SmallCity.ExtractDate, store.ExtractDate);
        Assert.Equal(reader.People().Count(), report.Linkage!.People);
    }

    [StoreFact]
    public void Run_SmallCity_EventsOfOnePersonInDifferentAgenciesShareTheirPerson()
    {
        using var store = Hub.Open();
        ExtractIngest.Run(store, SmallCity.WriteTo(Hub.Scratch).Path, "tester");

        var events = store.OpenReader().Events().ToArray();
        long PersonOf(string dataset, DateOnly start) => events.Single(e => e.Dataset == dataset && e.Start == start).Person.Value;

        // Sarah: the police's ASB-1 and DWP's CLM-1. David: A&E's AE-1 and the police's DA-1. Tom: ASB-2 (as "Tom") and CLM-2.
        Assert.Equal(PersonOf("police.asb_incident", new(2023, 6, 15)), PersonOf("dwp.out_of_work_benefit", new(2022, 1, 10)));
        Assert.Equal(PersonOf("health.ae_attendance", new(2023, 11, 12)), PersonOf("police.domestic_abuse_incident", new(2023, 8, 19)));
        Assert.Equal(PersonOf("police.asb_incident", new(2024, 1, 2)), PersonOf("dwp.out_of_work_benefit", new(2023, 2, 1)));
        Assert.NotEqual(PersonOf("police.asb_incident", new(2023, 6, 15)), PersonOf("health.ae_attendance", new(2023, 11, 12)));
    }

    [StoreFact]
    public void Run_SmallCity_FamiliesResidencesAndProtectedCharacteristicsFromTheSources()
    {
        using var store = Hub.Open();
        ExtractIngest.Run(store, SmallCity.WriteTo(Hub.Scratch).Path, "tester");
        var reader = store.OpenReader();
        var events = reader.Events().ToArray();
        long PersonOf(string dataset) => events.First(e => e.Dataset == dataset).Person.Value;
        var jack = PersonOf("csc.cp_plan");
        var david = PersonOf("health.ae_attendance");
        var tom = events.Single(e => e.Dataset == "police.asb_incident" && e.Start == new DateOnly(2024, 1, 2)).Person.Value;

        // Jack's family: his mother Sarah (from the school contacts and the birth), his father David, his sister Emily.
        var family = reader.FamilyMemberships().Single(m => m.Person.Value == jack).Family;
        var members = reader.FamilyMemberships().Where(m => m.Family == family).ToArray();
        Assert.Equal(4, members.Length);
        Assert.Equal(2, members.Count(m => m.Role == FamilyRole.Parent));
        Assert.Contains(members, m => m.Person.Value == david && m.Role == FamilyRole.Parent);
        // Tom lives at the High Street flat since July 2022 (council tax, with the address typed "Flat 2 14 High St").
        var households = reader.Households().ToDictionary(h => h.Id, h => h.Uprn);
        Assert.Equal((SmallCity.HighStreet, (DateOnly?)null), reader.Residences().Where(r => r.Person.Value == tom).OrderBy(r => r.Start).Select(r => (households[r.Household], r.End)).Last());
        // Jack's characteristics are the school census's; his birth month is his date of birth's.
        Assert.Equal(new ProtectedCharacteristics(new PersonId(jack), "M", "mixed", "N"),
            store.OpenProtectedCharacteristicsReader().ProtectedCharacteristics().Single(p => p.Person.Value == jack));
        Assert.Equal(new YearMonth(2016, 2), reader.People().Single(p => p.Id.Value == jack).BirthMonth);
    }

    [StoreFact]
    public void Run_WindowsLineEndsByteOrderMarkAndQuotedFields_LoadsTheSameRows()
    {
        var plain = SmallCity.WriteTo(Hub.Scratch);
        var windows = plain.CopyTo(Hub.Scratch);
        foreach (var file in Directory.GetFiles(windows.Path, "*.csv"))
            File.WriteAllText(file, File.ReadAllText(file).Replace("\n", "\r\n", StringComparison.Ordinal), new System.Text.UTF8Encoding(true));
        windows.Resign();
        using (var store = Hub.Open())
            ExtractIngest.Run(store, plain.Path, "tester");
        HubContents expected;
        using (var store = Hub.Open())
            expected = HubContents.Of(store);
        Hub.Delete();

        using var reopened = Hub.Open();
        ExtractIngest.Run(reopened, windows.Path, "tester");

        HubContents.Of(reopened).AssertSameAs(expected);
    }

    [StoreFact]
    public void Run_SameFolderTwice_SecondRunAddsNothingAndKeepsEveryId()
    {
        var folder = SmallCity.WriteTo(Hub.Scratch);
        using var store = Hub.Open();
        var first = ExtractIngest.Run(store, folder.Path, "tester");
        var contents = HubContents.Of(store);

        var second = ExtractIngest.Run(store, folder.Path, "tester");

        Assert.Equal(new LoadCounts(0, 0, first.Counts.Added), second.Counts);
        HubContents.Of(store).AssertSameAs(contents);
        Assert.Equal(2, store.IngestRuns().Count);
        Assert.Equal(0, second.Linkage!.Merges + second.Linkage.Splits + second.Linkage.Created);
    }

    [StoreFact]
    public void Run_LaterExtractWithEndDates_ClosesOpenRecordsAndTakesCorrectedEnds()
    {
        using var store = Hub.Open();
        ExtractIngest.Run(store, SmallCity.WriteTo(Hub.Scratch).Path, "tester");
        var sarah = store.OpenReader().Events().Single(e => e.Dataset == "police.asb_incident" && e.Start == new DateOnly(2023, 6, 15)).Person;
        // A month later: Sarah's occupancy has closed (council tax sends the whole register); DWP, which sends changes only,
        // sends claim CLM-1 now closed and CLM-2 with its end corrected from 2023-09-30 to 2023-10-31.
        var later = new ExtractBuilder(new DateOnly(2024, 4, 30))
            .Occupant("OCC-1", SmallCity.Sarah, SmallCity.Acacia, new(2015, 1, 1), new(2024, 4, 20))
            .Occupant("OCC-2", SmallCity.David, SmallCity.Acacia, new(2015, 1, 1)).Occupant("OCC-3", SmallCity.Linda, SmallCity.Mill, new(2005, 6, 1))
            .Occupant("OCC-4", SmallCity.Tom with { Address = "3 Mill Lane", Postcode = "BS5 9AA" }, SmallCity.Mill, new(2018, 1, 1), new(2022, 6, 30))
            .Occupant("OCC-5", SmallCity.Tom, SmallCity.HighStreet, new(2022, 7, 1)).Occupant("OCC-6", SmallCity.Arthur, SmallCity.HighStreet, new(2000, 1, 1))
            .Event("dwp.out_of_work_benefit", "CLM-1", SmallCity.Sarah.In("DW0000000001"), new(2022, 1, 10), new(2024, 4, 12))
            .Event("dwp.out_of_work_benefit", "CLM-2", SmallCity.Tom.In("DW0000000002"), new(2023, 2, 1), new(2023, 10, 31))
            .WriteTo(Hub.Scratch);

        var report = ExtractIngest.Run(store, later.Path, "tester");

        // 8 rows: the occupancy and both claims amended, five occupancies as they were; nothing deleted.
        Assert.Equal(new LoadCounts(0, 3, 5), report.Counts);
        Assert.Equal(0, report.Deleted);
        var reader = store.OpenReader();
        Assert.Equal(new DateOnly(2024, 4, 30), reader.ExtractDate);
        var claims = reader.Events().Where(e => e.Dataset == "dwp.out_of_work_benefit").OrderBy(e => e.Start).ToArray();
        Assert.Equal([new DateOnly(2024, 4, 12), new DateOnly(2023, 10, 31)], claims.Select(c => c.End));
        Assert.Equal(new DateOnly(2024, 4, 20), reader.Residences().Single(r => r.Person == sarah).End);
        Assert.Equal(sarah, claims[0].Person);
    }

    [StoreFact]
    public void Run_EventsAtRetentionBoundary_KeepsTheFirstDayAndDropsTheDayBefore()
    {
        // careers.neet keeps 48 months: from an extract of 2024-03-31 the period starts on 2020-03-31.
        var young = new Who("CS0000000009", "Kai", "Lee", new(2003, 5, 2));
        var folder = new ExtractBuilder(new DateOnly(2024, 3, 31))
            .Event("careers.neet", "ON-LIMIT", young, new DateOnly(2020, 3, 31))
            .Event("careers.neet", "DAY-BEFORE", young, new DateOnly(2020, 3, 30))
            .WriteTo(Hub.Scratch);
        using var store = Hub.Open();

        var report = ExtractIngest.Run(store, folder.Path, "tester");

        Assert.Equal(1, report.DroppedByRetention);
        Assert.Equal(new DateOnly(2020, 3, 31), Assert.Single(store.OpenReader().Events()).Start);
    }

    [StoreFact]
    public void OpenReader_EmptyHub_IsRefused()
    {
        using var store = Hub.Open();

        var error = Assert.Throws<BadInputException>(() => store.OpenReader());

        Assert.Equal($"{store.Name}: the hub holds no extract yet; load one with 'earlyhelp ingest' first", error.Message);
    }

    [StoreFact]
    public void Run_Success_RecordsTheRunTheModelAndAnAuditEntry()
    {
        var folder = SmallCity.WriteTo(Hub.Scratch);
        using var store = Hub.Open();

        var report = ExtractIngest.Run(store, folder.Path, "tester");

        var run = Assert.Single(store.IngestRuns());
        Assert.Equal(1, run.RunId);
        Assert.Equal(report.Files.Select(f => (f.Path, f.Sha256, f.Counts)), run.Report.Files.Select(f => (f.Path, f.Sha256, f.Counts)));
        Assert.Equal(ExtractBuilder.Sha256(folder.File("gazetteer.csv")), run.Report.Files.Single(f => f.Path == "gazetteer.csv").Sha256);
        var entry = Assert.Single(store.AuditLog.Entries());
        Assert.Equal(("tester", "ingest", folder.Path), (entry.Actor, entry.Action, entry.Subject));
        Assert.Equal(1L, Convert.ToInt64(Hub.Query("SELECT COUNT(*) FROM linkage_model")));
    }
}

public sealed class SqliteExtractIngestTests : ExtractIngestTests<SqliteHubFixture>;

public sealed class PostgresExtractIngestTests : ExtractIngestTests<PostgresHubFixture>;
