using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Lifecycle;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Lifecycle;

/// <summary>An administrator removes a wrongly held record, or unlinks a wrongly linked one; derived tables rebuilt, the reason audited.</summary>
public abstract class RecordCorrectionTests<TFixture> : HubStoreTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    // SmallCity: Tom Baker is four records once retention drops his NEET record: two occupancies, an ASB incident, a claim.
    private static readonly (string, string) TomPolice = ("police.asb_incident", "ASB-2"), TomClaim = ("dwp.out_of_work_benefit", "CLM-2");

    [Fact]
    public void Remove_RecordOfAPersonWithOthers_DeletesItAndItsEventKeepsThePersonAndAuditsTheReason()
    {
        using var store = Loaded(out _);
        var tom = PersonOf(store, TomClaim);

        var result = RecordRemoval.Remove(store, TomPolice, "Shared in error: the incident is another force's", "an.administrator");

        Assert.Equal(new RecordRemovalResult(1, SmallCity.People, SmallCity.People), result);
        Assert.DoesNotContain(store.ReadIdentityState().Records, r => r.Key == TomPolice);
        Assert.Equal(0L, Convert.ToInt64(Hub.Query("SELECT COUNT(*) FROM event WHERE source_ref = 'ASB-2'")));
        Assert.Equal(tom, PersonOf(store, TomClaim));
        var entry = store.AuditLog.Entries()[^1];
        Assert.Equal(("an.administrator", "record.remove", "police.asb_incident/ASB-2",
            "removed as wrongly held, with 0 record(s) that only described the person: Shared in error: the incident is another force's"),
            (entry.Actor, entry.Action, entry.Subject, entry.Detail));
        Assert.True(store.AuditLog.Verify().IsIntact);
    }

    [Fact]
    public void Remove_OnlyRecordOfAPerson_RemovesThePersonAndTheirResidenceAndAnUnknownRecordIsRefused()
    {
        using var store = Loaded(out _);
        var arthur = PersonOf(store, ("council_tax_occupants", "OCC-6/occupant"));

        var result = RecordRemoval.Remove(store, ("council_tax_occupants", "OCC-6/occupant"), "Not a resident of this council", "an.administrator");
        var unknown = Assert.Throws<BadInputException>(() => RecordRemoval.Remove(store, ("police.asb_incident", "ASB-404"), "reason", "an.administrator"));

        Assert.Equal(new RecordRemovalResult(1, SmallCity.People, SmallCity.People - 1), result);
        Assert.Equal(0L, Convert.ToInt64(Hub.Query($"SELECT COUNT(*) FROM person WHERE person_id = {arthur}")));
        Assert.Equal(0L, Convert.ToInt64(Hub.Query($"SELECT COUNT(*) FROM residence WHERE person_id = {arthur}")));
        Assert.Equal("police.asb_incident/ASB-404: the hub holds no such record; nothing was removed", unknown.Message);
    }

    [Fact]
    public void Unlink_WronglyLinkedRecord_StandsAloneAtOnceAndStaysApartAtTheNextLoad()
    {
        using var store = Loaded(out var folder);
        var tom = PersonOf(store, TomClaim);
        Assert.Equal(tom, PersonOf(store, TomPolice));
        var firstUnused = store.ReadIdentityState().FirstUnusedPerson;

        var result = RecordUnlinking.Unlink(store, TomPolice, "The incident's suspect is a different Tom Baker", "an.administrator");

        // Three other records of Tom's (two occupancies and the claim): three "different" decisions.
        Assert.Equal(new RecordUnlinkResult(tom, firstUnused, 3), result);
        Assert.Equal((firstUnused, tom), (PersonOf(store, TomPolice), PersonOf(store, TomClaim)));
        Assert.Equal(firstUnused, Convert.ToInt64(Hub.Query("SELECT person_id FROM event WHERE source_ref = 'ASB-2'")));
        Assert.Equal(SmallCity.People + 1, Convert.ToInt32(Hub.Query("SELECT COUNT(*) FROM person")));
        var entries = store.AuditLog.Entries();
        Assert.Equal(3, entries.Count(e => e.Action == "linkage.decide" && e.Detail == "different: The incident's suspect is a different Tom Baker"));
        Assert.Equal(("record.unlink", $"taken out of person {tom} (now person {firstUnused}), kept apart from its 3 other record(s): The incident's suspect is a different Tom Baker"),
            (entries[^1].Action, entries[^1].Detail));

        ExtractIngest.Run(store, folder.Path, "tester");

        Assert.NotEqual(PersonOf(store, TomPolice), PersonOf(store, TomClaim));
    }

    [Fact]
    public void Unlink_OnlyRecordOfItsPerson_IsRefused()
    {
        using var store = Loaded(out _);

        var error = Assert.Throws<BadInputException>(() => RecordUnlinking.Unlink(store, ("council_tax_occupants", "OCC-6/occupant"), "reason", "an.administrator"));

        Assert.Equal("council_tax_occupants/OCC-6/occupant: the record is its person's only record: it is linked to no other; nothing was unlinked", error.Message);
        Assert.Empty(store.ReadIdentityState().Decisions);
    }

    private IHubStore Loaded(out ExtractFolder folder)
    {
        folder = SmallCity.WriteTo(Hub.Scratch);
        var store = Hub.Open();
        ExtractIngest.Run(store, folder.Path, "tester");
        return store;
    }

    private static long PersonOf(IHubStore store, (string Dataset, string RecordRef) key) =>
        store.ReadIdentityState().Records.Single(r => r.Key == key).PersonId;
}

public sealed class SqliteRecordCorrectionTests : RecordCorrectionTests<SqliteHubFixture>;
