using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Ingest;

/// <summary>
/// A folder that carries the catalogue its extracts were written to loads only under that catalogue; another is
/// refused before any row is read, naming the folder's catalogue file.
/// </summary>
public abstract class ExtractCatalogueTests<TFixture> : HubStoreTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    [StoreFact]
    public void Run_FolderWrittenToTheCatalogueInUse_Loads()
    {
        var folder = SmallCity.WriteTo(Hub.Scratch);
        File.WriteAllText(folder.File(ExtractManifest.CatalogueFileName), DatasetCatalogue.Text.ReplaceLineEndings("\r\n"));
        using var store = Hub.Open();

        var report = ExtractIngest.Run(store, folder.Path, "tester");

        Assert.True(report.Counts.Added > 0);
    }

    [StoreFact]
    public void Run_FolderWrittenToAnotherCatalogue_IsRefusedLeavingTheHubUnchanged()
    {
        var folder = SmallCity.WriteTo(Hub.Scratch);
        var other = DatasetCatalogue.Text.Replace("retention_months: 36", "retention_months: 24", StringComparison.Ordinal);
        File.WriteAllText(folder.File(ExtractManifest.CatalogueFileName), other);
        using (Hub.Open())
        {
        }
        var before = Hub.Fingerprint();

        using (var store = Hub.Open())
        {
            var fault = Assert.Throws<BadInputException>(() => ExtractIngest.Run(store, folder.Path, "tester"));
            Assert.Equal(folder.File(ExtractManifest.CatalogueFileName), fault.File);
            Assert.Contains("not to the one in use", fault.Reason, StringComparison.Ordinal);
        }

        Assert.Equal(before, Hub.Fingerprint());
    }
}

/// <summary>The catalogue check on SQLite.</summary>
public sealed class SqliteExtractCatalogueTests : ExtractCatalogueTests<SqliteHubFixture>;

/// <summary>The catalogue check on PostgreSQL.</summary>
public sealed class PostgresExtractCatalogueTests : ExtractCatalogueTests<PostgresHubFixture>;
