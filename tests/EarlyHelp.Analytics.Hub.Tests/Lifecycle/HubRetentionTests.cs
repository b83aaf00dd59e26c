using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Lifecycle;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Hub.Tests.Lifecycle;

/// <summary><c>retention apply</c>: register records past their period leave, with the people only they held; the audit says how many, not which.</summary>
public abstract class HubRetentionTests<TFixture> : HubStoreTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    [StoreFact]
    public void Apply_RegisterRecordPastItsPeriod_RemovesItAndThePersonOnlyItHeld()
    {
        // Tom's occupancy of 3 Mill Lane ended on 2022-06-30; a one-off lodger's on 2018-06-30. From the extract of
        // 2024-03-31, 60 months back is 2019-03-31: the lodger's has ended before it, Tom's has not. The lodger is in no other source.
        var lodger = new Who("CT0000000077", "Nadia", "Khan", new(1990, 2, 3), "F", "3 Mill Lane", "BS5 9AA");
        var folder = SmallCity.Builder().Occupant("OCC-77", lodger, SmallCity.Mill, new(2017, 1, 1), new(2018, 6, 30)).WriteTo(Hub.Scratch);
        using var store = Hub.Open();
        ExtractIngest.Run(store, folder.Path, "tester");
        var lodgerId = Person(store, "council_tax_occupants", "OCC-77/occupant");
        var people = store.OpenReader().People().Count();
        // A clerical decision about the lodger's record goes with it (its reason describes her); one about Tom's two stays.
        store.ClericalReview.Decide(("council_tax_occupants", "OCC-77/occupant"), ("council_tax_occupants", "OCC-4/occupant"),
            ClericalDecision.Different, "different council tax accounts", "data.matcher");
        store.ClericalReview.Decide(("council_tax_occupants", "OCC-4/occupant"), ("council_tax_occupants", "OCC-5/occupant"),
            ClericalDecision.Same, "same account holder, forwarding address on file", "data.matcher");

        var result = HubRetention.Apply(store, "ig.officer", RetentionPeriods.Default with { RegisterRecordMonths = 60 });

        Assert.Equal([("council_tax_occupants", 1)], result.Expired);
        Assert.Equal((people, people - 1), (result.PeopleBefore, result.PeopleAfter));
        var reader = store.OpenReader();
        Assert.DoesNotContain(reader.People(), p => p.Id.Value == lodgerId);
        Assert.DoesNotContain(reader.Residences(), r => r.Person.Value == lodgerId);
        Assert.Equal(0L, Convert.ToInt64(Hub.Query($"SELECT COUNT(*) FROM person_identity WHERE person_id = {lodgerId}")));
        Assert.Equal(0L, Convert.ToInt64(Hub.Query("SELECT COUNT(*) FROM identity_record WHERE record_ref = 'OCC-77/occupant'")));
        Assert.NotEqual(0L, Convert.ToInt64(Hub.Query("SELECT COUNT(*) FROM identity_record WHERE record_ref = 'OCC-4/occupant'")));
        Assert.Equal("OCC-5/occupant", Assert.Single(Hub.QueryRows("SELECT record_right FROM clerical_decision"))[0]);
        var deletion = Assert.Single(store.AuditLog.Entries(), e => e.Action == "retention.delete");
        Assert.Equal(("dataset council_tax_occupants", "1 records past the retention period deleted"), (deletion.Subject, deletion.Detail));
        var summary = Assert.Single(store.AuditLog.Entries(), e => e.Action == "retention.apply");
        Assert.StartsWith("1 records past retention deleted (1 people no longer in any source removed, 1 clerical decisions about them); 0 prompts untouched since", summary.Detail, StringComparison.Ordinal);
        Assert.All(store.AuditLog.Entries(), e => Assert.DoesNotContain("Khan", e.Detail + e.Subject, StringComparison.Ordinal));
        Assert.True(store.AuditLog.Verify().IsIntact);
    }

    [StoreFact]
    public void Apply_PersonLeftWithOnlyADescription_RemovesTheDescriptionToo()
    {
        // The lodger's occupancy ended on 2018-06-30 (past a 60-month period, as above); social care also recorded her
        // characteristics in 2010. That record describes her and has no period of its own: once the occupancy goes she is
        // in no source, so it goes too. Records are linked by hand, so that both are certainly hers.
        var lodger = new Who("CT0000000077", "Nadia", "Khan", new(1990, 2, 3), "F", "3 Mill Lane", "BS5 9AA");
        var folder = SmallCity.Builder().Occupant("OCC-77", lodger, SmallCity.Mill, new(2017, 1, 1), new(2018, 6, 30))
            .Council(CouncilFiles.SocialCareCharacteristics, ("characteristics_id", "CCH-77"), ("person_id", "LCS0000000077"), ("forename", "Nadia"),
                ("surname", "Khan"), ("dob", "1990-02-03"), ("recorded_date", "2010-05-01"), ("sex", "F"), ("ethnicity", "asian"), ("disability", "N"))
            .WriteTo(Hub.Scratch);
        using var store = Hub.Open();
        ExtractIngest.Run(store, folder.Path, "tester", linker: Rights.HandLinkedCity.Linker);

        var result = HubRetention.Apply(store, "ig.officer", RetentionPeriods.Default with { RegisterRecordMonths = 60 });

        Assert.Equal([("council_tax_occupants", 1), ("csc_child_characteristics", 1)], result.Expired);
        Assert.Equal(result.PeopleBefore - 1, result.PeopleAfter);
        // Children's characteristics records of people who keep other records stay.
        Assert.NotEqual(0L, Convert.ToInt64(Hub.Query("SELECT COUNT(*) FROM identity_record WHERE dataset = 'school_census'")));
    }

    [StoreFact]
    public void Apply_NothingDue_ChangesNoRecord()
    {
        using var store = Hub.Open();
        ExtractIngest.Run(store, SmallCity.WriteTo(Hub.Scratch).Path, "tester");
        var contents = HubContents.Of(store);

        var result = HubRetention.Apply(store, "ig.officer");

        Assert.Equal(0, result.Records);
        HubContents.Of(store).AssertSameAs(contents);
    }

    private static long Person(Hub.Store.IHubStore store, string dataset, string recordRef) =>
        store.ReadRecordPeople().Single(r => r.Dataset == dataset && r.RecordRef == recordRef).PersonId;
}

public sealed class SqliteHubRetentionTests : HubRetentionTests<SqliteHubFixture>;

public sealed class PostgresHubRetentionTests : HubRetentionTests<PostgresHubFixture>;
