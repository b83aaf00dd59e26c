using EarlyHelp.Analytics.Hub.Clerical;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Hub.Tests.Clerical;

/// <summary>A clerical decision overrides the model at the next load, and is stored append-only with its audit entry.</summary>
public abstract class ClericalOverrideTests<TFixture> : HubStoreTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    // SmallCity: Tom Baker's police record (as "Tom") and his benefit claim; Sarah Jones's claim and David Jones's A&E visit.
    private static readonly (string, string) TomPolice = ("police.asb_incident", "ASB-2"), TomClaim = ("dwp.out_of_work_benefit", "CLM-2");
    private static readonly (string, string) SarahClaim = ("dwp.out_of_work_benefit", "CLM-1"), DavidAttendance = ("health.ae_attendance", "AE-1");

    [StoreFact]
    public void Decide_DifferentOnALinkedPair_SplitsThemAtTheNextLoad()
    {
        var folder = SmallCity.WriteTo(Hub.Scratch);
        using var store = Hub.Open();
        ExtractIngest.Run(store, folder.Path, "tester");
        Assert.Equal(PersonOf(store, TomPolice), PersonOf(store, TomClaim));

        var recording = store.Clerical.Decide(new DecisionSubmission(new ClericalPair(TomPolice, TomClaim), ClericalDecision.Different, "Different people: checked with the police", "data.matcher"));
        ExtractIngest.Run(store, folder.Path, "tester");

        Assert.IsType<DecisionRecording.Recorded>(recording);
        Assert.NotEqual(PersonOf(store, TomPolice), PersonOf(store, TomClaim));
        Assert.Equal(ClericalDecision.Different, Assert.Single(store.ReadIdentityState().Decisions).Decision);
    }

    [StoreFact]
    public void Decide_SameOnAPairKeptApart_JoinsThemAtTheNextLoadAndTheLatestDecisionWins()
    {
        var folder = SmallCity.WriteTo(Hub.Scratch);
        using var store = Hub.Open();
        ExtractIngest.Run(store, folder.Path, "tester");
        Assert.NotEqual(PersonOf(store, SarahClaim), PersonOf(store, DavidAttendance));
        var pair = new ClericalPair(SarahClaim, DavidAttendance);

        store.Clerical.Decide(new DecisionSubmission(pair, ClericalDecision.Same, "Same person", "data.matcher"));
        ExtractIngest.Run(store, folder.Path, "tester");
        var joined = PersonOf(store, SarahClaim) == PersonOf(store, DavidAttendance);
        store.Clerical.Decide(new DecisionSubmission(pair, ClericalDecision.Different, "Corrected: a wrong join", "second.matcher"));
        ExtractIngest.Run(store, folder.Path, "tester");

        Assert.True(joined, "A 'same' decision should join the two records at the next load.");
        Assert.NotEqual(PersonOf(store, SarahClaim), PersonOf(store, DavidAttendance));
        Assert.Equal(["same", "different"], store.Clerical.Find(pair.Id)!.History.Select(d => d.Decision.Code()));
        Assert.Equal(["same: Same person", "different: Corrected: a wrong join"], store.AuditLog.Entries()
            .Where(e => e.Action == "linkage.decide" && e.Subject == "dwp.out_of_work_benefit/CLM-1 and health.ae_attendance/AE-1").Select(e => e.Detail));
    }

    [StoreFact]
    public void Decide_WithoutReasonOrUnknownRecord_IsRefusedAndStoresNothing()
    {
        var folder = SmallCity.WriteTo(Hub.Scratch);
        using var store = Hub.Open();
        ExtractIngest.Run(store, folder.Path, "tester");

        var blank = store.Clerical.Decide(new DecisionSubmission(new ClericalPair(TomPolice, TomClaim), ClericalDecision.Same, " ", "data.matcher"));
        var unknown = store.Clerical.Decide(new DecisionSubmission(new ClericalPair(TomPolice, ("police.asb_incident", "ASB-404")), ClericalDecision.Same, "Looks alike", "data.matcher"));

        Assert.Equal([("Reason", DecisionSubmission.NoReason)], Assert.IsType<DecisionRecording.Refused>(blank).Problems);
        Assert.IsType<DecisionRecording.PairNotFound>(unknown);
        Assert.Empty(store.ReadIdentityState().Decisions);
    }

    [StoreFact]
    public void Pair_Id_IsTheSameWhicheverRecordComesFirst()
    {
        // The id orders the keys before hashing, so a decision made from either side finds the same pair.
        Assert.Equal(new ClericalPair(TomPolice, TomClaim).Id, new ClericalPair(TomClaim, TomPolice).Id);
        Assert.NotEqual(new ClericalPair(TomPolice, TomClaim).Id, new ClericalPair(TomPolice, SarahClaim).Id);
    }

    private static long PersonOf(IHubStore store, (string Dataset, string RecordRef) key) =>
        store.ReadIdentityState().Records.Single(r => r.Key == key).PersonId;
}

public sealed class SqliteClericalOverrideTests : ClericalOverrideTests<SqliteHubFixture>;

public sealed class PostgresClericalOverrideTests : ClericalOverrideTests<PostgresHubFixture>;
