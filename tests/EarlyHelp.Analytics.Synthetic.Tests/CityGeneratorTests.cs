using System.Globalization;
using System.Security.Cryptography;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Tests.Realism;

namespace EarlyHelp.Analytics.Synthetic.Tests;

public sealed class CityGeneratorTests
{
    private static readonly CityOptions Tiny = new() { People = 4_000, Months = 12, Seed = 3 };

    [Fact]
    public void Generate_SameSeedAndOptions_GivesByteIdenticalFilesWhateverTheThreads()
    {
        var one = CityGenerator.Generate(Tiny with { Threads = 1 }, GeneratedCities.NewFolder("a"), GeneratedCities.NewFolder("a-truth"));
        var two = CityGenerator.Generate(Tiny with { Threads = 2 }, GeneratedCities.NewFolder("b"), GeneratedCities.NewFolder("b-truth"));

        Assert.Equal(one.Manifest.Files, two.Manifest.Files);
        Assert.Equal(one.TruthManifest.Files, two.TruthManifest.Files);
        Assert.Equal(File.ReadAllBytes(Path.Combine(one.ExtractDirectory, ExtractManifest.FileName)),
            File.ReadAllBytes(Path.Combine(two.ExtractDirectory, ExtractManifest.FileName)));
    }

    [Fact]
    public void Generate_AnotherSeed_GivesAnotherCity()
    {
        var first = CityGenerator.Generate(Tiny, GeneratedCities.NewFolder("s1"), GeneratedCities.NewFolder("s1-truth"));
        var second = CityGenerator.Generate(Tiny with { Seed = 4 }, GeneratedCities.NewFolder("s2"), GeneratedCities.NewFolder("s2-truth"));

        Assert.NotEqual(first.Manifest.Files.Select(f => f.Sha256), second.Manifest.Files.Select(f => f.Sha256));
    }

    [Fact]
    public void Generate_Manifest_CountsRowsAndHashesEveryFile()
    {
        var city = GeneratedCities.Small;
        foreach (var (folder, manifest) in new[] { (city.ExtractDirectory, city.Manifest), (city.TruthDirectory, city.TruthManifest) })
        {
            foreach (var file in manifest.Files)
            {
                var bytes = File.ReadAllBytes(Path.Combine(folder, file.Path));
                // No field holds a line break, so data rows are the line ends less the header's.
                var rows = bytes.Count(b => b == (byte)'\n') - 1;
                Assert.Equal(rows, file.Rows);
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
            }
        }
    }

    [Fact]
    public void Generate_Manifest_RecordsTheRun()
    {
        var manifest = GeneratedCities.Small.Manifest;

        Assert.Equal(CityGenerator.Producer, manifest.Producer);
        Assert.Equal(CityGenerator.GeneratorVersion, manifest.ProducerVersion);
        Assert.Equal(11, manifest.Seed);
        // 36 months from the default start, January 2021, end with December 2023.
        Assert.Equal(new DateOnly(2023, 12, 31), manifest.ExtractDate);
        Assert.Equal("12000", manifest.Parameters["people"]);
        Assert.Equal("on", manifest.Parameters["recording_bias"]);
    }

    [Fact]
    public void Generate_ExtractFolder_HoldsOnlyTheManifestTheCatalogueCouncilFilesAndExtracts()
    {
        var city = GeneratedCities.Small;
        var expected = CouncilFiles.All.Select(r => r.FileName)
            .Concat(DatasetCatalogue.All.Select(d => d.Layout.FileName))
            .Append(ExtractManifest.FileName)
            .Append(ExtractManifest.CatalogueFileName)
            .Order(StringComparer.Ordinal);
        var truth = RegisterFiles.All.Select(r => r.FileName).Concat(["family_need.csv", ExtractManifest.FileName, "record_people.csv"]).Order(StringComparer.Ordinal);

        Assert.Equal(expected, Directory.EnumerateFileSystemEntries(city.ExtractDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(truth, Directory.EnumerateFiles(city.TruthDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(DatasetCatalogue.Text, File.ReadAllText(Path.Combine(city.ExtractDirectory, ExtractManifest.CatalogueFileName)));
    }

    [Fact]
    public void Generate_EveryCatalogueDataset_IsWrittenInItsOwnLayoutAndDateFormat()
    {
        var city = GeneratedCities.Small;
        var extractDate = city.Manifest.ExtractDate;
        foreach (var dataset in DatasetCatalogue.All)
        {
            var layout = dataset.Layout;
            var prefix = AgencyStyle.All.First(a => a.Agency == dataset.Agency).PersonRefPrefix;
            var table = CsvTable.Read(Path.Combine(city.ExtractDirectory, layout.FileName));
            Assert.Equal(layout.Columns, table.Header);
            Assert.True(table.Rows.Count > 0, $"{dataset.Code} has no rows");
            foreach (var row in table.Rows)
            {
                Assert.Equal(layout.Columns.Count, row.Length);
                // The agency's own reference: its prefix and 11 digits.
                Assert.Matches($"^{prefix}[0-9]{{11}}$", row[table.Column(layout.PersonIdColumn)]);
                var start = DateOnly.ParseExact(row[table.Column(layout.StartDateColumn)], layout.DateFormat, CultureInfo.InvariantCulture);
                Assert.True(start <= extractDate, $"{dataset.Code} record dated {start} after the extract date");
                if (layout.EndDateColumn is { } endColumn && row[table.Column(endColumn)] is { Length: > 0 } endText)
                {
                    var end = DateOnly.ParseExact(endText, layout.DateFormat, CultureInfo.InvariantCulture);
                    Assert.InRange(end, start, extractDate);
                }
                if (row[table.Column(layout.Identity.BirthDate)] is { Length: > 0 } birth)
                    DateOnly.ParseExact(birth, layout.DateFormat, CultureInfo.InvariantCulture);
            }
        }
    }

    [Fact]
    public void Generate_TrueRegisters_HaveTheHubColumnsAndIsoDates()
    {
        var city = GeneratedCities.Small;
        foreach (var register in RegisterFiles.All)
        {
            var table = CsvTable.Read(Path.Combine(city.TruthDirectory, register.FileName));
            Assert.Equal(register.Columns, table.Header);
            Assert.NotEmpty(table.Rows);
        }
        var residences = CsvTable.Read(Path.Combine(city.TruthDirectory, RegisterFiles.Residences.FileName));
        Assert.All(residences.Rows, r =>
        {
            var start = DateOnly.ParseExact(r[2], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.True(start <= city.Manifest.ExtractDate);
            if (r[3].Length > 0)
                Assert.InRange(DateOnly.ParseExact(r[3], "yyyy-MM-dd", CultureInfo.InvariantCulture), start, city.Manifest.ExtractDate);
        });
    }

    [Fact]
    public void Generate_RecordsStillOpenAtTheExtractDate_HaveAnEmptyEnd()
    {
        var folder = new ExtractFolder(GeneratedCities.Small);

        // Children on plans and open benefit claims run on past the extract date.
        Assert.Contains(folder.Records(DatasetCatalogue.LookedAfter), r => r.End is null);
        Assert.Contains(folder.Records("dwp.out_of_work_benefit"), r => r.End is null);
        Assert.Contains(folder.Residences, r => r.End is null);
    }

    [Fact]
    public void CheckDirectories_TruthInsideTheExtractFolder_IsRefused()
    {
        var extract = GeneratedCities.NewFolder("nested");

        var problems = CityGenerator.CheckDirectories(extract, Path.Combine(extract, "truth")).ToList();

        Assert.Single(problems);
        Assert.Contains("must lie outside the extract folder", problems[0]);
    }

    [Fact]
    public void CheckDirectories_ExtractFolderWithOtherFiles_IsRefused()
    {
        var extract = GeneratedCities.NewFolder("busy");
        File.WriteAllText(Path.Combine(extract, "notes.txt"), "not an extract");

        var problems = CityGenerator.CheckDirectories(extract, extract + "-truth").ToList();

        Assert.Equal([$"The extract folder '{extract}' holds 'notes.txt', which is not an extract; choose an empty or new folder."], problems);
    }

    [Fact]
    public void DefaultTruthDirectory_IsASiblingOfTheExtractFolder()
    {
        var extract = Path.Combine(Path.GetTempPath(), "city");

        Assert.Equal(Path.Combine(Path.GetTempPath(), "city-truth"), CityGenerator.DefaultTruthDirectory(extract + Path.DirectorySeparatorChar));
    }
}
