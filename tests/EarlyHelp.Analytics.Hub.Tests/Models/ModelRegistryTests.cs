using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Hub.Tests.Models;

/// <summary>The model registry: candidates enter uncommitted until their folder is in place; promotion retires the champion; all audited.</summary>
public abstract class ModelRegistryTests<TFixture> : HubStoreTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    private static readonly DateTimeOffset Now = new(2025, 1, 6, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The promotion checks as a proposer passes them; their wording is the promotion rules', not the registry's.</summary>
    internal static ProposalEvidence Passed(params string[] flagIds) =>
        new([new ProposalCheck("beats the logistic regression", true, "AUC +0.030 (95% interval +0.010 to +0.050)")], flagIds);

    internal static ModelRegistration Registration(string name) => new(
        name, $"models/{name}", new string('a', 64), new DateOnly(2025, 1, 1), new DateOnly(2023, 12, 31),
        new Dictionary<string, double> { ["auc"] = 0.81, ["ece"] = 0.004 });

    /// <summary>An analyst (<c>an.analyst</c>) and an information governance reviewer (<c>ig.officer</c>).</summary>
    internal static void AddAccounts(IHubStore store)
    {
        foreach (var (name, role) in new[] { ("an.analyst", UserRole.Analyst), ("ig.officer", UserRole.Governance) })
            Assert.IsType<UserChange.Done>(store.Users.Add(new NewUser(name, "A new user", role), "a long test passphrase", "tester"));
    }

    /// <summary>Both steps: the analyst proposes, the reviewer signs off.</summary>
    internal static RegisteredModel ProposeAndSignOff(IHubStore store, string name, string note)
    {
        store.Models.Propose(name, "an.analyst", "passes every check", Passed());
        return store.Models.Promote(name, "ig.officer", note);
    }

    [StoreFact]
    public void Begin_Committed_IsListedAsCandidateAndAudited()
    {
        using var store = Hub.Open(new FixedClock(Now));

        using (var pending = store.Models.Begin(Registration("q1"), "analyst"))
            pending.Commit();

        var model = Assert.Single(store.Models.List());
        Assert.Equal(Registration("q1").Metrics, model.Registration.Metrics);
        Assert.Equal(("q1", "models/q1", ModelStatus.Candidate, Now, "analyst"), (model.Name, model.Registration.Folder, model.Status, model.CreatedAt, model.CreatedBy));
        Assert.Null(model.Promotion);
        Assert.Null(store.Models.Champion());
        var entry = Assert.Single(store.AuditLog.Entries());
        Assert.Equal(("analyst", "model.register", "model q1"), (entry.Actor, entry.Action, entry.Subject));
    }

    [StoreFact]
    public void Begin_DisposedWithoutCommit_LeavesNoRowAndNoAuditEntry()
    {
        using var store = Hub.Open(new FixedClock(Now));

        using (store.Models.Begin(Registration("q1"), "analyst"))
        {
        }

        Assert.Empty(store.Models.List());
        Assert.Empty(store.AuditLog.Entries());
    }

    [StoreFact]
    public void Begin_NameTaken_IsRefused()
    {
        using var store = Hub.Open(new FixedClock(Now));
        using (var pending = store.Models.Begin(Registration("q1"), "analyst"))
            pending.Commit();

        var error = Assert.Throws<BadInputException>(() => store.Models.Begin(Registration("q1"), "analyst"));

        Assert.Equal("a model named 'q1' is already registered; a model is never overwritten, so choose another name", error.Reason);
    }

    [StoreFact]
    public void Promote_SecondModel_RetiresTheFirstAndRecordsWhoWhenAndWhy()
    {
        var clock = new FixedClock(Now);
        using var store = Hub.Open(clock);
        foreach (var name in new[] { "q1", "q2" })
        {
            using var pending = store.Models.Begin(Registration(name), "analyst");
            pending.Commit();
        }
        AddAccounts(store);
        ProposeAndSignOff(store, "q1", "first model");
        clock.Now = Now.AddDays(90);

        var promoted = ProposeAndSignOff(store, "q2", "better AUC; no flags");

        Assert.Equal((ModelStatus.Champion, new ModelPromotion("ig.officer", Now.AddDays(90), "better AUC; no flags")), (promoted.Status, promoted.Promotion));
        var first = store.Models.Find("q1")!;
        Assert.Equal((ModelStatus.Retired, Now.AddDays(90)), (first.Status, first.RetiredAt));
        Assert.Equal("q2", store.Models.Champion()!.Name);
        Assert.Equal(["model.register", "model.register", "user.add", "user.add", "model.propose", "model.promote", "model.propose", "model.promote"],
            store.AuditLog.Entries().Select(e => e.Action));
        Assert.Equal("signs off proposal 2 by an.analyst: better AUC; no flags (retires q1)", store.AuditLog.Entries()[^1].Detail);
    }

    [StoreFact]
    public void Promote_NotACandidate_IsRefused()
    {
        using var store = Hub.Open(new FixedClock(Now));
        using (var pending = store.Models.Begin(Registration("q1"), "analyst"))
            pending.Commit();
        AddAccounts(store);
        ProposeAndSignOff(store, "q1", "first model");

        var again = Assert.Throws<BadInputException>(() => store.Models.Promote("q1", "ig.officer", "again"));
        var unknown = Assert.Throws<BadInputException>(() => store.Models.Promote("q9", "ig.officer", "unknown"));

        Assert.Equal("the model is champion, not a candidate; only a candidate can be promoted", again.Reason);
        Assert.Equal("no model of this name is registered", unknown.Reason);
    }

    [StoreFact]
    public void Schema_SecondChampion_IsRefusedByTheDatabase()
    {
        using (var store = Hub.Open(new FixedClock(Now)))
        {
            foreach (var name in new[] { "q1", "q2" })
            {
                using var pending = store.Models.Begin(Registration(name), "analyst");
                pending.Commit();
            }
            AddAccounts(store);
            ProposeAndSignOff(store, "q1", "first model");
        }

        Assert.ThrowsAny<Exception>(() => Hub.Execute("UPDATE model_registry SET status = 'champion' WHERE name = 'q2'"));
    }
}

public sealed class SqliteModelRegistryTests : ModelRegistryTests<SqliteHubFixture>;

public sealed class PostgresModelRegistryTests : ModelRegistryTests<PostgresHubFixture>;
