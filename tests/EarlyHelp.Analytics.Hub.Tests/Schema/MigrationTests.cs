using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Schema;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Schema;

/// <summary>Opening a hub brings any older schema forward, keeps its rows, and refuses a newer one.</summary>
public abstract class MigrationTests<TFixture> : HubStoreTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    private static readonly string[] CanonicalTables =
        ["dataset", "household", "person", "person_protected", "person_identity", "residence", "family", "family_member", "event", "opt_out"];

    public static TheoryData<int> OlderVersions()
    {
        var versions = new TheoryData<int>();
        for (var version = 0; version < Migrations.LatestVersion; version++)
            versions.Add(version);
        return versions;
    }

    [StoreFact]
    public void Migrations_AreNumberedOneToLatestWithoutGaps()
    {
        Assert.Equal(Enumerable.Range(1, Migrations.All.Count), Migrations.All.Select(m => m.Version));
    }

    [StoreFact]
    public void Open_EmptyDatabase_AppliesEveryStep()
    {
        using var store = Hub.Open();

        Assert.Equal(Migrations.LatestVersion, store.SchemaVersion);
        Assert.Equal((long)Migrations.LatestVersion, Convert.ToInt64(Hub.Query("SELECT COUNT(*) FROM schema_version")));
        Assert.Equal(DatasetCatalogue.All.Count, store.Counts().Tables.Single(t => t.Key == "dataset").Value);
        Assert.Equal(72L, Convert.ToInt64(Hub.Query("SELECT retention_months FROM dataset WHERE code = 'police.asb_incident'")));
    }

    [StoreTheory]
    [MemberData(nameof(OlderVersions))]
    public void Open_OlderVersion_MigratesToLatestKeepingRows(int version)
    {
        Hub.CreateAtVersion(version);
        if (version >= 1)
            Hub.Execute("INSERT INTO person (person_id, birth_month) VALUES (42, '2001-07')");

        using var store = Hub.Open();

        Assert.Equal(Migrations.LatestVersion, store.SchemaVersion);
        foreach (var table in CanonicalTables.Concat(["ingest_run", "ingest_file", "audit_log"]))
            Assert.NotNull(Hub.Query($"SELECT COUNT(*) FROM {table}"));
        Assert.Equal(version >= 1 ? 1L : 0L, Convert.ToInt64(Hub.Query("SELECT COUNT(*) FROM person WHERE person_id = 42")));
        Assert.Equal(DatasetCatalogue.All.Count, store.Counts().Tables.Single(t => t.Key == "dataset").Value);
    }

    [StoreFact]
    public void Open_NewerVersion_IsRefused()
    {
        Hub.CreateAtVersion(Migrations.LatestVersion);
        var newer = Migrations.LatestVersion + 1;
        Hub.Execute($"INSERT INTO schema_version (version, description, applied_at) VALUES ({newer}, 'from the future', '2031-01-01')");

        var error = Assert.Throws<BadInputException>(() => Hub.Open());

        Assert.Equal($"the hub has schema version {newer}, newer than version {Migrations.LatestVersion} that this program knows; use a newer earlyhelp", error.Reason);
    }

    [StoreFact]
    public void Open_UpToDateHub_WritesNothing()
    {
        using (Hub.Open())
        {
        }
        var before = Hub.Fingerprint();

        using (var store = Hub.Open())
            Assert.Equal(Migrations.LatestVersion, store.SchemaVersion);

        Assert.Equal(before, Hub.Fingerprint());
    }

    [StoreFact]
    public void AuditLog_Table_RefusesUpdateAndDelete()
    {
        using (var store = Hub.Open())
            store.AuditLog.Append("tester", "test", "subject", "detail");

        Assert.ThrowsAny<Exception>(() => Hub.Execute("UPDATE audit_log SET actor = 'someone else'"));
        Assert.ThrowsAny<Exception>(() => Hub.Execute("DELETE FROM audit_log"));
        Assert.Equal("tester", Hub.Query("SELECT actor FROM audit_log"));
    }
}

public sealed class SqliteMigrationTests : MigrationTests<SqliteHubFixture>;

public sealed class PostgresMigrationTests : MigrationTests<PostgresHubFixture>;
