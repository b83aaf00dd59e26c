using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Ingest;

/// <summary>
/// A warehouse export: a folder of CSV files named as the catalogue says, with no manifest. Given the export date, it
/// loads exactly what the same files load with a manifest, and the load records the rows and SHA-256 it counted —
/// the figures the producer's manifest states for the same files.
/// </summary>
public abstract class WarehouseExportTests<TFixture> : HubStoreTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    [StoreFact]
    public void Run_FolderWithoutManifest_LoadsWhatTheManifestedFolderLoads_AndRecordsTheCountsItsManifestStates()
    {
        var manifested = SmallCity.WriteTo(Hub.Scratch);
        var stated = ExtractManifest.Read(manifested.Manifest).Files.ToDictionary(f => f.Path);
        HubContents expected;
        using (var store = Hub.Open())
        {
            ExtractIngest.Run(store, manifested.Path, "tester");
            expected = HubContents.Of(store);
        }
        var export = manifested.CopyTo(Hub.Scratch);
        File.Delete(export.Manifest);
        Hub.Delete();

        using (var store = Hub.Open())
        {
            var report = ExtractIngest.Run(store, export.Path, "tester", extractDate: SmallCity.ExtractDate);

            HubContents.Of(store).AssertSameAs(expected);
            Assert.Equal(SmallCity.ExtractDate, store.ExtractDate);
            Assert.Equal(stated.Keys.Order(StringComparer.Ordinal), report.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
            Assert.All(report.Files, file => Assert.Equal((stated[file.Path].Rows, stated[file.Path].Sha256), (file.Rows, file.Sha256)));
        }
    }

    [StoreFact]
    public void Run_FolderWithoutManifestOrDate_IsRefusedSayingWhatToGive()
    {
        var export = SmallCity.WriteTo(Hub.Scratch);
        File.Delete(export.Manifest);
        using var store = Hub.Open();

        var fault = Assert.Throws<BadInputException>(() => ExtractIngest.Run(store, export.Path, "tester"));

        Assert.Equal(export.Manifest, fault.File);
        Assert.Contains("--extract-date", fault.Reason, StringComparison.Ordinal);
    }

    [StoreFact]
    public void Run_FolderWithoutManifestHoldingAFileTheCatalogueDoesNotName_IsRefusedNamingTheFile()
    {
        var export = SmallCity.WriteTo(Hub.Scratch);
        File.Delete(export.Manifest);
        File.WriteAllText(export.File("police_asb_incidents_old.csv"), "OccurrenceRef\n");
        using var store = Hub.Open();

        var fault = Assert.Throws<BadInputException>(() => ExtractIngest.Run(store, export.Path, "tester", extractDate: SmallCity.ExtractDate));

        Assert.Equal(export.File("police_asb_incidents_old.csv"), fault.File);
        Assert.Contains("neither a dataset's extract as the catalogue names it nor a council file", fault.Reason, StringComparison.Ordinal);
        Assert.Null(store.ExtractDate);
    }

    [StoreFact]
    public void Run_ManifestAndAnotherDate_IsRefused()
    {
        var folder = SmallCity.WriteTo(Hub.Scratch);
        using var store = Hub.Open();

        var fault = Assert.Throws<BadInputException>(() => ExtractIngest.Run(store, folder.Path, "tester", extractDate: SmallCity.ExtractDate.AddDays(1)));

        Assert.Equal(folder.Manifest, fault.File);
        Assert.Contains("--extract-date is for a folder without a manifest", fault.Reason, StringComparison.Ordinal);
    }
}

/// <summary>Warehouse exports on SQLite.</summary>
public sealed class SqliteWarehouseExportTests : WarehouseExportTests<SqliteHubFixture>;

/// <summary>Warehouse exports on PostgreSQL.</summary>
public sealed class PostgresWarehouseExportTests : WarehouseExportTests<PostgresHubFixture>;
