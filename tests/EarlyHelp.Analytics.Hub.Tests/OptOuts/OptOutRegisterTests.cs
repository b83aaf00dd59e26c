using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.OptOuts;

/// <summary>The opt-out register: add, list, remove, each change audited.</summary>
public abstract class OptOutRegisterTests<TFixture> : HubStoreTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    private static readonly DateTimeOffset Now = new(2024, 4, 3, 14, 0, 0, TimeSpan.Zero);
    [StoreFact]
    public void Add_NewPerson_IsListedAndAudited()
    {
        using var store = Hub.Open(new FixedClock(Now));

        var added = store.OptOuts.Add(new PersonId(3), "objected to profiling (UK GDPR article 21)", "ig.officer");

        Assert.True(added);
        Assert.Equal([new OptOut(new PersonId(3), Now, "objected to profiling (UK GDPR article 21)") { RecordedBy = "ig.officer" }], store.OptOuts.List());
        Assert.True(store.OptOuts.Contains(new PersonId(3)));
        var entry = Assert.Single(store.AuditLog.Entries());
        Assert.Equal(("ig.officer", "opt_out.add", "person 3"), (entry.Actor, entry.Action, entry.Subject));
    }

    [StoreFact]
    public void Add_PersonAlreadyListed_ReturnsFalseAndKeepsTheFirstEntry()
    {
        using var store = Hub.Open(new FixedClock(Now));
        store.OptOuts.Add(new PersonId(3), "first reason", "ig.officer");

        var added = store.OptOuts.Add(new PersonId(3), "second reason", "ig.officer");

        Assert.False(added);
        Assert.Equal("first reason", Assert.Single(store.OptOuts.List()).Reason);
        Assert.Single(store.AuditLog.Entries());
    }

    [StoreFact]
    public void Withdraw_ListedPerson_RemovesAndAuditsTheReason()
    {
        using var store = Hub.Open(new FixedClock(Now));
        store.OptOuts.Add(new PersonId(3), "reason", "ig.officer");
        store.OptOuts.Add(new PersonId(5), "reason", "ig.officer");

        var withdrawn = store.OptOuts.Withdraw(new PersonId(3), "the person withdrew the objection in writing", "an.administrator");

        Assert.True(withdrawn);
        Assert.Equal([new PersonId(5)], store.OptOuts.List().Select(o => o.Person));
        Assert.Equal(["opt_out.add", "opt_out.add", "opt_out.withdraw"], store.AuditLog.Entries().Select(e => e.Action));
        Assert.Equal(("an.administrator", "person 3", "the person withdrew the objection in writing"),
            (store.AuditLog.Entries()[^1].Actor, store.AuditLog.Entries()[^1].Subject, store.AuditLog.Entries()[^1].Detail));
        Assert.False(store.OptOuts.Withdraw(new PersonId(3), "again", "an.administrator"));
        Assert.Throws<ArgumentException>(() => store.OptOuts.Withdraw(new PersonId(5), " ", "an.administrator"));
    }

    [StoreFact]
    public void Add_EmptyReason_Refused()
    {
        using var store = Hub.Open();

        Assert.Throws<ArgumentException>(() => store.OptOuts.Add(new PersonId(3), " ", "ig.officer"));
    }

    [StoreFact]
    public void OptOuts_ThroughTheReader_MatchTheRegister()
    {
        using var store = Hub.Open(new FixedClock(Now));
        ExtractIngest.Run(store, SmallCity.WriteTo(Hub.Scratch).Path, "tester");
        store.OptOuts.Add(new PersonId(6), "restricted processing", "ig.officer");

        Assert.Equal(store.OptOuts.List(), store.OpenReader().OptOuts());
    }
}

public sealed class SqliteOptOutRegisterTests : OptOutRegisterTests<SqliteHubFixture>;

public sealed class PostgresOptOutRegisterTests : OptOutRegisterTests<PostgresHubFixture>;
