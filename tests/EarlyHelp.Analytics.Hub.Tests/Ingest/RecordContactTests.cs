using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Lifecycle;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Ingest;

/// <summary>Worker and team contacts of case-managed sources: kept per record at ingest, replaced by each newer extract.</summary>
public abstract class RecordContactTests<TFixture> : HubStoreTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    private static readonly Who Jack = SmallCity.Jack.In("LCS0000000001");

    [StoreFact]
    public void Run_PlanWithAllocatedWorker_KeepsTheContactAsSent()
    {
        using var store = Hub.Open();
        var builder = SmallCity.Builder().Contact("csc.cp_plan", "CP-1",
            ("allocated_worker", "Sam Okafor"), ("worker_role", "Social worker"), ("team", "Children's social work team East"),
            ("team_phone", "0113 496 0021"), ("worker_email", "sam.okafor@council.example.org"));

        ExtractIngest.Run(store, builder.WriteTo(Hub.Scratch).Path, "tester");

        var row = Assert.Single(Hub.QueryRows("SELECT dataset, record_ref, worker, worker_role, team, phone, email FROM record_contact"));
        Assert.Equal(["csc.cp_plan", "CP-1", "Sam Okafor", "Social worker", "Children's social work team East", "0113 496 0021", "sam.okafor@council.example.org"], row);
    }

    [StoreFact]
    public void Run_NewerExtractReallocatesOrDropsTheRecord_ContactFollowsTheNewest()
    {
        using var store = Hub.Open();
        ExtractIngest.Run(store, SmallCity.Builder().Contact("csc.cp_plan", "CP-1", ("allocated_worker", "Sam Okafor")).WriteTo(Hub.Scratch).Path, "tester");

        // A month later the case is with a team and no named worker: blank cells are no contact, the team is kept.
        var reallocated = SmallCity.Builder(SmallCity.ExtractDate.AddMonths(1)).Contact("csc.cp_plan", "CP-1", ("team", "Duty team"));
        ExtractIngest.Run(store, reallocated.WriteTo(Hub.Scratch).Path, "tester");
        Assert.Equal([null, "Duty team"], Assert.Single(Hub.QueryRows("SELECT worker, team FROM record_contact")));

        // Then blank altogether: nothing is kept about the worker.
        ExtractIngest.Run(store, SmallCity.Builder(SmallCity.ExtractDate.AddMonths(2)).WriteTo(Hub.Scratch).Path, "tester");
        Assert.Empty(Hub.QueryRows("SELECT * FROM record_contact"));
    }

    [StoreFact]
    public void Remove_RecordWithAContact_TakesTheContactWithIt()
    {
        using var store = Hub.Open();
        ExtractIngest.Run(store, SmallCity.Builder().Contact("csc.cp_plan", "CP-1", ("allocated_worker", "Sam Okafor")).WriteTo(Hub.Scratch).Path, "tester");

        RecordRemoval.Remove(store, ("csc.cp_plan", "CP-1"), "Shared in error", "an.administrator");

        Assert.Empty(Hub.QueryRows("SELECT * FROM record_contact"));
    }

    [StoreFact]
    public void Run_ExtractWithoutContactColumns_LoadsAndKeepsNone()
    {
        using var store = Hub.Open();
        var folder = SmallCity.WriteTo(Hub.Scratch);
        // An extract made before the system shared contacts: the contact columns are not in the file at all.
        var layout = DatasetCatalogue.Get("csc.cp_plan").Layout;
        var contactColumns = layout.Contact!.InFileOrder.Count;
        folder.SetLines(layout.FileName, folder.Lines(layout.FileName).Select(line => string.Join(',', line.Split(',')[..^contactColumns])));

        ExtractIngest.Run(store, folder.Path, "tester");

        Assert.Empty(Hub.QueryRows("SELECT * FROM record_contact"));
        Assert.Single(Hub.QueryRows("SELECT * FROM event WHERE dataset = 'csc.cp_plan'"));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteRecordContactTests : RecordContactTests<SqliteHubFixture>;

/// <summary>On PostgreSQL (skipped, with the reason, without a server).</summary>
public sealed class PostgresRecordContactTests : RecordContactTests<PostgresHubFixture>;
