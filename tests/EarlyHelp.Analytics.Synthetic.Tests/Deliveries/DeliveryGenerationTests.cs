using System.Globalization;
using System.Security.Cryptography;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Deliveries;
using EarlyHelp.Analytics.Synthetic.Tests.Realism;

namespace EarlyHelp.Analytics.Synthetic.Tests.Deliveries;

public sealed class DeliveryGenerationTests
{
    [Fact]
    public void Generate_OneDelivery_WritesTheSameBytesAsBeforeDeliveriesExisted()
    {
        // SHA-256 of manifest.json (which holds every file's SHA-256) for this city, written by the generator as it was
        // before deliveries were added: `earlyhelp generate --people 4000 --months 12 --seed 3 --out city` at that commit.
        var result = CityGenerator.Generate(new CityOptions { People = 4_000, Months = 12, Seed = 3, Threads = 2 },
            GeneratedCities.NewFolder("one"), GeneratedCities.NewFolder("one-truth"));

        var manifest = File.ReadAllBytes(Path.Combine(result.ExtractDirectory, ExtractManifest.FileName));
        Assert.Equal(OneDeliveryManifestSha256, Convert.ToHexStringLower(SHA256.HashData(manifest)));
        Assert.Empty(result.Deliveries);
    }

    [Fact]
    public void Generate_ThreeDeliveries_OneFolderPerMonthEndEachAnExtractFolder()
    {
        var city = CityDeliveries.City;

        Assert.Equal([new DateOnly(2022, 10, 31), new DateOnly(2022, 11, 30), new DateOnly(2022, 12, 31)], city.Deliveries.Select(d => d.ExtractDate));
        var root = Path.GetDirectoryName(city.ExtractDirectory)!;
        Assert.Equal(["2022-10-31", "2022-11-30", "2022-12-31"], Directory.EnumerateDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var delivery in city.Deliveries)
        {
            Assert.Equal(delivery.ExtractDate, ExtractManifest.Read(Path.Combine(delivery.Directory, ExtractManifest.FileName)).ExtractDate);
            Assert.Equal("3", delivery.Manifest.Parameters["deliveries"]);
            foreach (var file in delivery.Manifest.Files)
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(delivery.Directory, file.Path)))), file.Sha256);
        }
    }

    [Fact]
    public void Generate_ThreeDeliveries_EachHoldsOnlyWhatWasEnteredByItsDate()
    {
        var city = CityDeliveries.City;
        var truth = Truth(city);
        foreach (var delivery in city.Deliveries)
        {
            foreach (var dataset in DatasetCatalogue.All)
            {
                var table = CsvTable.Read(Path.Combine(delivery.Directory, dataset.Layout.FileName));
                var layout = dataset.Layout;
                foreach (var row in table.Rows)
                {
                    var record = truth[(dataset.Code, row[table.Column(layout.RecordIdColumn)])];
                    Assert.True(record.RecordedOn <= delivery.ExtractDate, $"{dataset.Code} {record} in the delivery of {delivery.ExtractDate}");
                    if (layout.EndDateColumn is { } end && row[table.Column(end)] is { Length: > 0 } endText)
                        Assert.True(Parse(endText, layout.DateFormat) <= delivery.ExtractDate);
                }
            }
        }
    }

    [Fact]
    public void Generate_ThreeDeliveries_FullRefreshesGrowChangesOnlyRepeatNothingAndTogetherHoldTheWholeRecorded()
    {
        var city = CityDeliveries.City;
        var whole = CityDeliveries.Whole;
        var truth = Truth(city);
        foreach (var dataset in DatasetCatalogue.All)
        {
            var ids = city.Deliveries.Select(d => Ids(d.Directory, dataset)).ToList();
            var entered = Ids(whole.ExtractDirectory, dataset).Where(id => truth[(dataset.Code, id)].FirstDelivery is not null).ToHashSet();
            if (dataset.Refresh == ExtractRefresh.FullRefresh)
            {
                Assert.Subset(ids[1], ids[0]);
                Assert.Subset(ids[2], ids[1]);
                Assert.Equal(entered, ids[2]);
            }
            else
            {
                // A changes-only delivery holds the records new since the last one, or whose end was entered since.
                Assert.Equal(entered, ids.SelectMany(d => d).ToHashSet());
                Assert.True(ids[1].Count < ids[0].Count / 2, $"{dataset.Code}: {ids[1].Count} of {ids[0].Count} repeated");
            }
        }
        // The lags hold back some of the last month's records from the last delivery.
        Assert.True(city.EventRows < whole.EventRows, $"{city.EventRows} vs {whole.EventRows}");
        Assert.Equal(whole.EventRows, truth.Count);
    }

    [Fact]
    public void Generate_ThreeDeliveries_SameBytesWhateverTheThreads()
    {
        var other = CityGenerator.Generate(CityDeliveries.Options with { Threads = 1 }, GeneratedCities.NewFolder("threads"), GeneratedCities.NewFolder("threads-truth"));

        Assert.Equal(CityDeliveries.City.Deliveries.Select(d => d.Manifest.Files), other.Deliveries.Select(d => d.Manifest.Files));
        Assert.Equal(CityDeliveries.City.TruthManifest.Files, other.TruthManifest.Files);
    }

    [Fact]
    public void CheckDirectories_ThreeDeliveriesIntoAFolderWithOtherFiles_IsRefused()
    {
        var extract = GeneratedCities.NewFolder("busy-deliveries");
        Directory.CreateDirectory(Path.Combine(extract, "2022-11-30"));
        File.WriteAllText(Path.Combine(extract, "notes.txt"), "not a delivery");

        var problems = CityGenerator.CheckDirectories(CityDeliveries.Options, extract, extract + "-truth").ToList();

        Assert.Equal([$"The extract folder '{extract}' holds 'notes.txt', which is not a delivery of this city; choose an empty or new folder."], problems);
    }

    /// <summary>The pinned hash of <see cref="Generate_OneDelivery_WritesTheSameBytesAsBeforeDeliveriesExisted"/>.</summary>
    private const string OneDeliveryManifestSha256 = "16e676f0e6dd8778b0143f20093c5ed388338ae5c873ae3061794107f9b0fefe";

    /// <summary>Each agency record's truth: its reporting lag and its first delivery.</summary>
    internal static Dictionary<(string Dataset, string Record), TruthRecord> Truth(GenerationResult city)
    {
        var table = CsvTable.Read(Path.Combine(city.TruthDirectory, "record_deliveries.csv"));
        return table.Rows.ToDictionary(r => (r[0], r[1]), r =>
        {
            var start = DateOnly.Parse(r[2], CultureInfo.InvariantCulture);
            var recorded = DateOnly.Parse(r[3], CultureInfo.InvariantCulture);
            return new TruthRecord(start, recorded, recorded.DayNumber - start.DayNumber, r[4].Length == 0 ? null : DateOnly.Parse(r[4], CultureInfo.InvariantCulture));
        });
    }

    private static HashSet<string> Ids(string folder, DatasetDefinition dataset)
    {
        var table = CsvTable.Read(Path.Combine(folder, dataset.Layout.FileName));
        return table.Rows.Select(r => r[table.Column(dataset.Layout.RecordIdColumn)]).ToHashSet();
    }

    private static DateOnly Parse(string text, string format) => DateOnly.ParseExact(text, format, CultureInfo.InvariantCulture);
}

/// <summary>One agency record in the generator's truth of deliveries.</summary>
internal sealed record TruthRecord(DateOnly Start, DateOnly RecordedOn, int LagDays, DateOnly? FirstDelivery);
