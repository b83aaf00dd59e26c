using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using EarlyHelp.Analytics.Hub.Users;
using static EarlyHelp.Analytics.Hub.Tests.Models.ModelRegistryTests<EarlyHelp.Analytics.Hub.Tests.Fixtures.SqliteHubFixture>;

namespace EarlyHelp.Analytics.Hub.Tests.Models;

/// <summary>Promotion takes two people: an analyst's proposal, then an information governance sign-off or refusal; each audited.</summary>
public abstract class ModelProposalTests<TFixture> : HubStoreTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    private static readonly DateTimeOffset Now = new(2025, 1, 6, 9, 30, 0, TimeSpan.Zero);

    private IHubStore OpenWithCandidate(FixedClock clock)
    {
        var store = Hub.Open(clock);
        using (var pending = store.Models.Begin(Registration("q1"), "an.analyst"))
            pending.Commit();
        AddAccounts(store);
        return store;
    }

    [Fact]
    public void Promote_WithoutProposal_IsRefusedAndNothingChanges()
    {
        using var store = OpenWithCandidate(new FixedClock(Now));

        var error = Assert.Throws<BadInputException>(() => store.Models.Promote("q1", "ig.officer", "looks fine"));

        Assert.Equal("the model has no proposal awaiting sign-off; an analyst must propose it first ('earlyhelp models propose')", error.Reason);
        Assert.Equal(ModelStatus.Candidate, store.Models.Find("q1")!.Status);
        Assert.DoesNotContain(store.AuditLog.Entries(), e => e.Action == "model.promote");
    }

    [Fact]
    public void Propose_ThenSignOff_MakesChampionAndRecordsBothPeople()
    {
        var clock = new FixedClock(Now);
        using var store = OpenWithCandidate(clock);

        var proposed = store.Models.Propose("q1", "an.analyst", "beats both baselines", Passed("ethnicity/mixed/fnr"));
        clock.Now = Now.AddDays(2);
        var champion = store.Models.Promote("q1", "IG.Officer", "ethnicity/mixed/fnr: small group, interval wide; accepted for one quarter");

        Assert.True(proposed.IsOpen);
        Assert.Equal(["ethnicity/mixed/fnr"], proposed.Evidence.FlagIds);
        Assert.Equal(ModelStatus.Champion, champion.Status);
        var decided = Assert.Single(store.Models.Proposals("q1"));
        Assert.Equal((ProposalDecision.SignedOff, "IG.Officer", Now.AddDays(2), "an.analyst", Now), (decided.Decision!.Value, decided.DecidedBy, decided.DecidedAt!.Value, decided.ProposedBy, decided.ProposedAt));
        Assert.Empty(store.Models.OpenProposals());
        var steps = store.AuditLog.Entries().Where(e => e.Action is "model.propose" or "model.promote").Select(e => (e.Actor, e.Action, e.Subject)).ToArray();
        Assert.Equal([("an.analyst", "model.propose", "model q1"), ("IG.Officer", "model.promote", "model q1")], steps);
        Assert.Equal("beats both baselines (fairness flags to answer: ethnicity/mixed/fnr)", store.AuditLog.Entries().Single(e => e.Action == "model.propose").Detail);
    }

    [Fact]
    public void SignOff_NoteMissesAFlag_IsRefusedAndTheProposalStaysOpen()
    {
        using var store = OpenWithCandidate(new FixedClock(Now));
        store.Models.Propose("q1", "an.analyst", "beats both baselines", Passed("sex/female/fnr", "deprivation/1-2/ppv"));

        var error = Assert.Throws<BadInputException>(() => store.Models.Promote("q1", "ig.officer", "sex/female/fnr: within noise"));

        Assert.Equal("the sign-off note must quote each fairness flag's id and say what was concluded; not answered: deprivation/1-2/ppv", error.Reason);
        Assert.Single(store.Models.OpenProposals());
        Assert.Null(store.Models.Champion());
    }

    [Theory]
    [InlineData("an.analyst", "a sign-off needs an enabled information governance (ig) reviewer's account; 'an.analyst' is an account with the role analyst")]
    [InlineData("nobody", "a sign-off needs an enabled information governance (ig) reviewer's account; 'nobody' is not a hub account")]
    [InlineData("ig.leaver", "a sign-off needs an enabled information governance (ig) reviewer's account; 'ig.leaver' is switched off")]
    public void SignOff_NotAnEnabledIgAccount_IsRefused(string by, string reason)
    {
        using var store = OpenWithCandidate(new FixedClock(Now));
        Assert.IsType<UserChange.Done>(store.Users.Add(new NewUser("ig.leaver", "A leaver", UserRole.Governance), "a long test passphrase", "tester"));
        Assert.IsType<UserChange.Done>(store.Users.SetDisabled("ig.leaver", true, "tester"));
        store.Models.Propose("q1", "an.analyst", "beats both baselines", Passed());

        var error = Assert.Throws<BadInputException>(() => store.Models.Promote("q1", by, "no flags"));

        Assert.Equal(reason, error.Reason);
        Assert.Null(store.Models.Champion());
    }

    [Fact]
    public void SignOff_ByTheProposer_IsRefused()
    {
        using var store = OpenWithCandidate(new FixedClock(Now));
        // One person holding the ig role who also proposed (e.g. the role was changed after proposing) still cannot sign off alone.
        store.Models.Propose("q1", "an.analyst", "beats both baselines", Passed());
        Assert.IsType<UserChange.Done>(store.Users.ChangeRole("an.analyst", UserRole.Governance, "tester"));

        var error = Assert.Throws<BadInputException>(() => store.Models.Promote("q1", "an.analyst", "no flags"));

        Assert.Equal("'an.analyst' proposed this model; someone else must sign it off", error.Reason);
    }

    [Fact]
    public void SignOff_ChampionChangedSinceProposal_IsRefused()
    {
        using var store = OpenWithCandidate(new FixedClock(Now));
        using (var pending = store.Models.Begin(Registration("q2"), "an.analyst"))
            pending.Commit();
        store.Models.Propose("q2", "an.analyst", "against no champion", Passed());
        ProposeAndSignOff(store, "q1", "first model");

        var error = Assert.Throws<BadInputException>(() => store.Models.Promote("q2", "ig.officer", "no flags"));

        Assert.Equal("the champion has changed since the proposal (then none, now q1); refuse it and propose again, so that the comparison is with the model in use", error.Reason);
    }

    [Fact]
    public void Refuse_OpenProposal_KeepsTheCandidateAndAllowsAnotherProposal()
    {
        using var store = OpenWithCandidate(new FixedClock(Now));
        store.Models.Propose("q1", "an.analyst", "beats both baselines", Passed());

        var refused = store.Models.Refuse("q1", "ig.officer", "the deprivation flag needs a look at recording first");
        var again = store.Models.Propose("q1", "an.analyst", "recording checked", Passed());

        Assert.Equal((ProposalDecision.Refused, "ig.officer", "the deprivation flag needs a look at recording first"), (refused.Decision!.Value, refused.DecidedBy, refused.DecisionNote));
        Assert.Equal(ModelStatus.Candidate, store.Models.Find("q1")!.Status);
        Assert.True(again.IsOpen);
        Assert.Equal(2, store.Models.Proposals("q1").Count);
        Assert.Equal(("ig.officer", "model q1"), store.AuditLog.Entries().Where(e => e.Action == "model.refuse").Select(e => (e.Actor, e.Subject)).Single());
    }

    [Fact]
    public void Propose_Refusals_NameTheReason()
    {
        using var store = OpenWithCandidate(new FixedClock(Now));
        var failing = new ProposalEvidence([new ProposalCheck("calibrated", false, "not assessable")], []);

        Assert.Equal("a proposal needs an enabled analyst account; 'ig.officer' is an account with the role ig",
            Assert.Throws<BadInputException>(() => store.Models.Propose("q1", "ig.officer", "why", Passed())).Reason);
        Assert.Equal("a candidate that fails a promotion check cannot be proposed; it fails 'calibrated'",
            Assert.Throws<BadInputException>(() => store.Models.Propose("q1", "an.analyst", "why", failing)).Reason);
        store.Models.Propose("q1", "an.analyst", "why", Passed());
        Assert.Equal("the model already has a proposal awaiting information governance; it must be signed off or refused first",
            Assert.Throws<BadInputException>(() => store.Models.Propose("q1", "an.analyst", "again", Passed())).Reason);
        Assert.Equal("the model has no proposal awaiting a decision",
            Assert.Throws<BadInputException>(() => store.Models.Refuse("q9", "ig.officer", "no")).Reason);
    }
}

public sealed class SqliteModelProposalTests : ModelProposalTests<SqliteHubFixture>;
