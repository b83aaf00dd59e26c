using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Ingest;

/// <summary>Loading extracts: what lands in each table, idempotency, closing open records, retention.</summary>
public abstract class ExtractIngestTests<TFixture> : HubStoreTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    [Fact]
    public void Run_SmallCity_LoadsEveryTable()
    {
        var folder = SmallCity.WriteTo(Hub.Scratch);
        using var store = Hub.Open();

        var report = ExtractIngest.Run(store, folder.Path, "tester");

        // SmallCity: 3 households, 8 people (each with protected characteristics and an identity),
        // 9 residence periods, 2 families, 6 memberships, 10 event rows of which 1 is past retention.
        var tables = report.ByTable().ToDictionary(t => t.Table, t => t.Counts.Added);
        Assert.Equal(new Dictionary<string, long>
        {
            ["household"] = 3, ["person"] = 8, ["person_protected"] = 8, ["person_identity"] = 8, ["residence"] = 9,
            ["family"] = 2, ["family_member"] = 6, ["event"] = SmallCity.EventRows - SmallCity.DroppedByRetention,
        }, tables);
        Assert.Equal(SmallCity.DroppedByRetention, report.DroppedByRetention);
        Assert.Equal(0, report.Counts.AlreadyPresent);
        Assert.Equal(SmallCity.ExtractDate, store.ExtractDate);
        var counts = store.Counts();
        Assert.Equal(9, counts.Tables.Single(t => t.Key == "event").Value);
        Assert.Equal(31, counts.Tables.Single(t => t.Key == "dataset").Value);
        Assert.Equal(2, counts.Datasets.Single(d => d.Key == "police.asb_incident").Value);
        Assert.Equal(0, counts.Datasets.Single(d => d.Key == "careers.neet").Value);
    }

    [Fact]
    public void Run_WindowsLineEndsByteOrderMarkAndQuotedFields_LoadsTheSameRows()
    {
        var plain = SmallCity.WriteTo(Hub.Scratch);
        var windows = plain.CopyTo(Hub.Scratch);
        // A quoted forename holding the separator, then every file with a byte order mark and CRLF line ends.
        windows.SetField("police_asb_incidents.csv", 2, 3, "\"Smith, Jo\"");
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

    [Fact]
    public void Run_SameFolderTwice_SecondRunAddsNothing()
    {
        var folder = SmallCity.WriteTo(Hub.Scratch);
        using var store = Hub.Open();
        var first = ExtractIngest.Run(store, folder.Path, "tester");
        var contents = HubContents.Of(store);

        var second = ExtractIngest.Run(store, folder.Path, "tester");

        Assert.Equal(new LoadCounts(0, 0, first.Counts.Added), second.Counts);
        HubContents.Of(store).AssertSameAs(contents);
        Assert.Equal(2, store.IngestRuns().Count);
    }

    [Fact]
    public void Run_LaterExtractWithEndDates_ClosesOpenRecordsOnly()
    {
        using var store = Hub.Open();
        ExtractIngest.Run(store, SmallCity.WriteTo(Hub.Scratch).Path, "tester");
        // A month later: claim CLM-1 and the residence of person 1 have closed, person 5 has died;
        // CLM-2 was already closed and arrives with a different end, which is not taken.
        var later = new ExtractBuilder(new DateOnly(2024, 4, 30))
            .Household(1, imdDecile: 1, tenure: "social_rent")
            .Person(1, "1985-04").Person(5, "1970-01", deathMonth: "2024-04").Person(8, "1999-12")
            .Residence(1, 1, new(2015, 1, 1), new(2024, 4, 20))
            .Event("dwp.out_of_work_benefit", "CLM-1", 1, new(2022, 1, 10), new(2024, 4, 12))
            .Event("dwp.out_of_work_benefit", "CLM-2", 8, new(2023, 2, 1), new(2023, 10, 31))
            .WriteTo(Hub.Scratch);

        var report = ExtractIngest.Run(store, later.Path, "tester");

        // 13 rows: 1 household, 3 people each with a protected and an identity row, 1 residence, 2 claims.
        // Updated: the death of person 5, the residence of person 1, claim CLM-1; the other 10 are present.
        Assert.Equal(new LoadCounts(0, 3, 10), report.Counts);
        var reader = store.OpenReader();
        Assert.Equal(new DateOnly(2024, 4, 30), reader.ExtractDate);
        var claims = reader.Events().Where(e => e.Dataset == "dwp.out_of_work_benefit").OrderBy(e => e.Start).ToArray();
        Assert.Equal([new DateOnly(2024, 4, 12), new DateOnly(2023, 9, 30)], claims.Select(c => c.End));
        Assert.Equal(new YearMonth(2024, 4), reader.People().Single(p => p.Id.Value == 5).DeathMonth);
        Assert.Equal(new DateOnly(2024, 4, 20), reader.Residences().Single(r => r.Person.Value == 1).End);
    }

    [Fact]
    public void Run_ThousandsOfRowsTwiceThenSomeClosed_CountsEveryRow()
    {
        // 2,100 rows span more than one batch, whole multi-row statements and a remainder.
        ExtractBuilder Claims(DateOnly extractDate, int count, Func<int, DateOnly?> end)
        {
            var builder = new ExtractBuilder(extractDate).Person(1, "1985-04");
            for (var i = 1; i <= count; i++)
                builder.Event("housing.asb_case", $"C{i}", 1, new DateOnly(2018, 5, 1).AddDays(i), end(i));
            return builder;
        }
        using var store = Hub.Open();
        var first = ExtractIngest.Run(store, Claims(new(2024, 3, 31), 2_100, _ => null).WriteTo(Hub.Scratch).Path, "tester");
        var again = ExtractIngest.Run(store, Claims(new(2024, 3, 31), 2_100, _ => null).WriteTo(Hub.Scratch).Path, "tester");

        // A month later every third case has closed (i = 3, 6, …, 2,100: 700 cases) and ten are new.
        var later = ExtractIngest.Run(store, Claims(new(2024, 4, 30), 2_110, i => i % 3 == 0 ? new DateOnly(2024, 4, 15) : null).WriteTo(Hub.Scratch).Path, "tester");

        Assert.Equal(new LoadCounts(2_100, 0, 0), first.ByTable().Single(t => t.Table == "event").Counts);
        Assert.Equal(new LoadCounts(0, 0, 2_100), again.ByTable().Single(t => t.Table == "event").Counts);
        // New: C2101…C2110, three of them (C2103, C2106, C2109) closed. Closed: the 700 stored open
        // cases; the other 1,400 are present. 700 + 3 = 703 cases have an end.
        Assert.Equal(new LoadCounts(10, 700, 1_400), later.ByTable().Single(t => t.Table == "event").Counts);
        var ends = store.OpenReader().Events().ToDictionary(e => e.Start, e => e.End);
        Assert.Equal(new DateOnly(2024, 4, 15), ends[new DateOnly(2018, 5, 1).AddDays(2_100)]);
        Assert.Null(ends[new DateOnly(2018, 5, 1).AddDays(2_099)]);
        Assert.Equal(703, ends.Values.Count(end => end is not null));
    }

    [Fact]
    public void Run_EventsAtRetentionBoundary_KeepsTheFirstDayAndDropsTheDayBefore()
    {
        // careers.neet keeps 48 months: from an extract of 2024-03-31 the period starts on 2020-03-31.
        var folder = new ExtractBuilder(new DateOnly(2024, 3, 31))
            .Person(1, "2003-05")
            .Event("careers.neet", "ON-LIMIT", 1, new DateOnly(2020, 3, 31))
            .Event("careers.neet", "DAY-BEFORE", 1, new DateOnly(2020, 3, 30))
            .WriteTo(Hub.Scratch);
        using var store = Hub.Open();

        var report = ExtractIngest.Run(store, folder.Path, "tester");

        Assert.Equal(1, report.DroppedByRetention);
        Assert.Equal(new DateOnly(2020, 3, 31), Assert.Single(store.OpenReader().Events()).Start);
    }

    [Fact]
    public void OpenReader_AfterSmallCity_ReturnsWhatWasLoaded()
    {
        using var store = Hub.Open();
        ExtractIngest.Run(store, SmallCity.WriteTo(Hub.Scratch).Path, "tester");

        var reader = store.OpenReader();

        Assert.Equal(SmallCity.ExtractDate, reader.ExtractDate);
        Assert.Equal(new Household(new HouseholdId(1), "100000000001", "E01000001", 1, "social_rent"), reader.Households().First());
        Assert.Equal(new Person(new PersonId(7), new YearMonth(1950, 3), new YearMonth(2023, 5)), reader.People().Single(p => p.Id.Value == 7));
        Assert.Equal(
            [new Residence(new PersonId(8), new HouseholdId(2), new(2010, 1, 1), new(2022, 6, 30)), new Residence(new PersonId(8), new HouseholdId(3), new(2022, 7, 1), null)],
            reader.Residences().Where(r => r.Person.Value == 8));
        Assert.Equal(new FamilyMembership(new FamilyId(100), new PersonId(4), FamilyRole.Child, new(2016, 2, 1), null),
            reader.FamilyMemberships().Single(m => m.Person.Value == 4));
        var events = reader.Events().ToDictionary(e => (e.Dataset, e.Start));
        // Each agency's own format read back as the same date: NHS dd-MMM-yyyy, DWP yyyyMMdd, schools ISO with a value.
        Assert.Equal(new PersonId(2), events[("health.ae_attendance", new(2023, 11, 12))].Person);
        Assert.Null(events[("dwp.out_of_work_benefit", new(2022, 1, 10))].End);
        Assert.Equal(14.5, events[("school.persistent_absence", new(2023, 9, 1))].Value);
        Assert.Same(DatasetCatalogue.Get("csc.cp_plan").Code, reader.Events().Single(e => e.Person.Value == 4).Dataset);
        Assert.Equal(new ProtectedCharacteristics(new PersonId(5), "F", "white_british", "Y"),
            store.OpenProtectedCharacteristicsReader().ProtectedCharacteristics().Single(p => p.Person.Value == 5));
    }

    [Fact]
    public void OpenReader_EmptyHub_IsRefused()
    {
        using var store = Hub.Open();

        var error = Assert.Throws<BadInputException>(() => store.OpenReader());

        Assert.Equal($"{store.Name}: the hub holds no extract yet; load one with 'earlyhelp ingest' first", error.Message);
    }

    [Fact]
    public void Run_Success_RecordsTheRunAndAnAuditEntry()
    {
        var folder = SmallCity.WriteTo(Hub.Scratch);
        using var store = Hub.Open();

        var report = ExtractIngest.Run(store, folder.Path, "tester");

        var run = Assert.Single(store.IngestRuns());
        Assert.Equal(1, run.RunId);
        Assert.Equal(report.Files.Select(f => (f.Path, f.Sha256, f.Counts)), run.Report.Files.Select(f => (f.Path, f.Sha256, f.Counts)));
        Assert.Equal(ExtractBuilder.Sha256(folder.File("people.csv")), run.Report.Files.Single(f => f.Path == "people.csv").Sha256);
        var entry = Assert.Single(store.AuditLog.Entries());
        Assert.Equal(("tester", "ingest", folder.Path), (entry.Actor, entry.Action, entry.Subject));
    }
}

public sealed class SqliteExtractIngestTests : ExtractIngestTests<SqliteHubFixture>;
