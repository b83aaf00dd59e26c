using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Hub.Tests.Ingest;

/// <summary>Identity across loads: hard cases kept apart, stable ids, clerical decisions that outlive re-linkage.</summary>
public abstract class IdentityIngestTests<TFixture> : HubStoreTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    private static readonly DateOnly ExtractDate = new(2024, 3, 31);

    [StoreFact]
    public void Run_TwinsAndSameNamedFatherAndSon_KeptApart()
    {
        // Twins: same surname, date of birth and address, different forenames. Father and son: same name and address,
        // dates of birth 30 years apart. Each has records in three agencies.
        var amy = new Who("ED0000000011", "Amy", "Okafor", new(2014, 5, 9), "F", "7 Elm Close", "BS3 4TT");
        var ada = amy with { AgencyRef = "ED0000000012", Forename = "Ada" };
        var john = new Who("PN0000000021", "John", "Carter", new(1981, 2, 14), "M", "22 Hill Road", "BS4 1AB");
        var junior = john with { AgencyRef = "PN0000000022", BirthDate = new(2011, 8, 30) };
        var builder = new ExtractBuilder(ExtractDate)
            .Address("200000000001", "7 Elm Close", "BS3 4TT").Address("200000000002", "22 Hill Road", "BS4 1AB")
            .Census("SC-11", amy, new(2024, 1, 18), "F", "black").Census("SC-12", ada, new(2024, 1, 18), "F", "black")
            .Census("SC-21", junior.In("ED0000000021"), new(2024, 1, 18), "M", "white_british")
            .Occupant("OCC-21", john.In("CT0000000021"), "200000000002", new(2009, 1, 1));
        foreach (var (who, n) in new[] { (amy, 1), (ada, 2), (john, 3), (junior, 4) })
        {
            builder.Event("police.missing_child", $"MC-{n}", who.In($"PN00000001{n}"), new(2023, 3, n))
                .Event("health.ae_attendance", $"AE-{n}", who.In($"RH00000001{n}"), new(2023, 5, n))
                .Event("welfare.crisis_support", $"W-{n}", who.In($"LW00000001{n}"), new(2023, 7, n));
        }
        using var store = Hub.Open();

        ExtractIngest.Run(store, builder.WriteTo(Hub.Scratch).Path, "tester");

        var people = store.OpenReader().Events().GroupBy(e => e.Person).Select(p => p.Select(e => e.Start.Day).Distinct().ToArray()).ToArray();
        // No hub person holds events of two of them (the day of the month numbers the person). With a model estimated
        // from 25 records some of a person's own records may stay apart (a missed link), so there are at least four people.
        Assert.InRange(people.Length, 4, 12);
        Assert.All(people, days => Assert.Single(days));
    }

    [StoreFact]
    public void Run_IncrementalLoad_KeepsEveryIdAndLinksNewRecordsToKnownPeople()
    {
        using var store = Hub.Open();
        ExtractIngest.Run(store, SmallCity.WriteTo(Hub.Scratch).Path, "tester");
        var before = store.ReadIdentityState().Records.ToDictionary(r => r.Key, r => r.PersonId);
        var sarah = before[("police.asb_incident", "ASB-1")];
        // A month later, the whole extract again (police extracts are full refreshes) with a new incident about Sarah (police
        // reference as before, her name typed in capitals) and a newcomer.
        var newcomer = new Who("PN0000000099", "Zofia", "Nowak", new(1992, 10, 2), "F", "3 Mill Lane", "BS5 9AA");
        var later = SmallCity.Builder(new DateOnly(2024, 4, 30))
            .Event("police.asb_incident", "ASB-3", SmallCity.Sarah.In("PN0000000001") with { Forename = "SARAH", Surname = "JONES" }, new(2024, 4, 2))
            .Event("police.asb_incident", "ASB-4", newcomer, new(2024, 4, 9))
            .WriteTo(Hub.Scratch);

        var report = ExtractIngest.Run(store, later.Path, "tester");

        var after = store.ReadIdentityState().Records.ToDictionary(r => r.Key, r => r.PersonId);
        Assert.All(before, record => Assert.Equal(record.Value, after[record.Key]));
        Assert.Equal(sarah, after[("police.asb_incident", "ASB-3")]);
        Assert.True(after[("police.asb_incident", "ASB-4")] > before.Values.Max());
        Assert.Equal((1, 0, 0), (report.Linkage!.Created, report.Linkage.Merges, report.Linkage.Splits));
        // The links alone, as evaluations read them, are the same links.
        Assert.Equal(after, store.ReadRecordPeople().ToDictionary(r => (r.Dataset, r.RecordRef), r => r.PersonId));
    }

    [StoreFact]
    public void Run_ClericalDecisions_OverrideTheModelAtEveryLaterLinkage()
    {
        var folder = SmallCity.WriteTo(Hub.Scratch);
        using var store = Hub.Open();
        ExtractIngest.Run(store, folder.Path, "tester");
        // Tom's two occupancies are one person who moved; Sarah's two events are declared two people (say, a shared identity).
        store.ClericalReview.Decide(("council_tax_occupants", "OCC-4/occupant"), ("council_tax_occupants", "OCC-5/occupant"),
            ClericalDecision.Same, "same account holder, forwarding address on file", "data.matcher");
        store.ClericalReview.Decide(("police.asb_incident", "ASB-1"), ("dwp.out_of_work_benefit", "CLM-1"),
            ClericalDecision.Different, "different national insurance numbers", "data.matcher");

        ExtractIngest.Run(store, folder.Path, "tester");
        ExtractIngest.Run(store, folder.Path, "tester");

        var person = store.ReadIdentityState().Records.ToDictionary(r => r.Key, r => r.PersonId);
        Assert.Equal(person[("council_tax_occupants", "OCC-4/occupant")], person[("council_tax_occupants", "OCC-5/occupant")]);
        Assert.NotEqual(person[("police.asb_incident", "ASB-1")], person[("dwp.out_of_work_benefit", "CLM-1")]);
        // Tom's residences now follow his move: Mill Lane until he left, then the flat.
        var reader = store.OpenReader();
        var uprns = reader.Households().ToDictionary(h => h.Id, h => h.Uprn);
        Assert.Equal([(SmallCity.Mill, (DateOnly?)new DateOnly(2022, 6, 30)), (SmallCity.HighStreet, null)],
            reader.Residences().Where(r => r.Person.Value == person[("council_tax_occupants", "OCC-4/occupant")]).OrderBy(r => r.Start)
                .Select(r => (uprns[r.Household], r.End)));
        Assert.Equal(2, store.AuditLog.Entries().Count(e => e.Action == "linkage.decide"));
    }
}

public sealed class SqliteIdentityIngestTests : IdentityIngestTests<SqliteHubFixture>;

public sealed class PostgresIdentityIngestTests : IdentityIngestTests<PostgresHubFixture>;
