using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Rights;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Rights;

/// <summary>Finding a person for a right: ranked by the linkage model's weights, every search audited with its purpose.</summary>
public abstract class PersonSearchTests<TFixture> : HubStoreTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    [StoreFact]
    public void Find_NameDateOfBirthAndPostcode_RanksThePersonFirstFarAboveTheRest()
    {
        using var store = Loaded();
        var sarah = PersonOf(store, "police.asb_incident", "ASB-1");

        var candidates = store.People.Find(new PersonQuery("Sarah", "Jones", new(1985, 4, 12), "BS1 6QE"), "subject access request 2026-114", "ig.officer");

        Assert.Equal(sarah, candidates[0].Person.Value);
        Assert.Equal(("Sarah", "Jones"), (candidates[0].Identity!.Forename, candidates[0].Identity!.Surname));
        // Her husband and children share surname and address but not forename or date of birth: each at least 10 bits
        // (odds 1,000 times smaller) below her, and none in a band above hers.
        Assert.All(candidates.Skip(1), c => Assert.True(c.MatchWeight < candidates[0].MatchWeight - 10, $"person {c.Person} weighs {c.MatchWeight} against {candidates[0].MatchWeight}"));
        Assert.All(candidates.Skip(1), c => Assert.True(c.Band >= candidates[0].Band, $"person {c.Person} is in band {c.Band}"));
    }

    [StoreFact]
    public void Find_TyposAndTransposedDate_StillFindsThePerson()
    {
        using var store = Loaded();
        var tom = PersonOf(store, "council_tax_occupants", "OCC-5/occupant");

        // Thomas Baker, born 1 December 1999, asked as "Tom Baker" born 12 January 1999 (day and month swapped).
        var candidates = store.People.Find(new PersonQuery("Tom", "Baker", new(1999, 1, 12)), "objection to profiling", "admin");

        Assert.Equal(tom, candidates[0].Person.Value);
    }

    [StoreFact]
    public void Find_Any_IsAuditedWithPurposeAndThePeopleShown()
    {
        using var store = Loaded();

        var candidates = store.People.Find(new PersonQuery("Linda", "Patel", new(1970, 1, 5)), "subject access request 2026-115", "ig.officer", limit: 2);

        var entry = store.AuditLog.Entries()[^1];
        Assert.Equal(("ig.officer", "person.find", "search"), (entry.Actor, entry.Action, entry.Subject));
        Assert.Equal($"purpose: subject access request 2026-115; {candidates.Count} candidates shown: {string.Join(", ", candidates.Select(c => $"person {c.Person}"))}", entry.Detail);
        Assert.InRange(candidates.Count, 1, 2);
    }

    [StoreFact]
    public void Find_EmptyHub_IsRefused()
    {
        using var store = Hub.Open();

        var error = Assert.Throws<BadInputException>(() => store.People.Find(new PersonQuery("A", "B", new(2000, 1, 1)), "test", "admin"));

        Assert.Equal("hub: the hub has no linkage model yet; load an extract first", error.Message);
    }

    private IHubStore Loaded()
    {
        var store = Hub.Open();
        ExtractIngest.Run(store, SmallCity.WriteTo(Hub.Scratch).Path, "tester");
        return store;
    }

    private static long PersonOf(IHubStore store, string dataset, string recordRef) =>
        store.ReadRecordPeople().Single(r => r.Dataset == dataset && r.RecordRef == recordRef).PersonId;
}

public sealed class SqlitePersonSearchTests : PersonSearchTests<SqliteHubFixture>;

public sealed class PostgresPersonSearchTests : PersonSearchTests<PostgresHubFixture>;
