using System.Security.Cryptography;
using System.Text.Json.Nodes;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Cli.Tests.Catalogue;

/// <summary>
/// A council adds an agency extract by editing a copy of the catalogue, with no rebuild: the same program, started with
/// <c>EARLYHELP_CATALOGUE</c> naming the edited copy, generates, loads and counts the new dataset; without it, the
/// folder written to the edited catalogue is refused.
/// </summary>
public sealed class AddedDatasetTests : IDisposable
{
    private const string KnifeFile = "police_knife_crime.csv";
    private readonly string folder = Directory.CreateTempSubdirectory("earlyhelp-catalogue-").FullName;

    [Fact]
    public void AddedDataset_IsGeneratedLoadedAndCounted_ByTheSameProgram()
    {
        var catalogue = Path.Combine(folder, "council-datasets.yaml");
        File.WriteAllText(catalogue, WithKnifeCrime(DatasetCatalogue.ShippedText()));
        var withCatalogue = new Dictionary<string, string?> { [DatasetCatalogue.FileVariable] = catalogue };
        var extracts = Path.Combine(folder, "extracts");
        var hub = Path.Combine(folder, "hub.db");

        var check = CliProcess.Run(withCatalogue, "catalogue", "check");
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("a valid catalogue of 32 datasets", check.Output, StringComparison.Ordinal);

        var generate = CliProcess.Run(withCatalogue, "generate", "--people", "1000", "--months", "12", "--out", extracts);
        Assert.True(generate.ExitCode == 0, generate.Output);
        AddOneKnifeCrime(extracts);

        var refused = CliProcess.Run(new Dictionary<string, string?> { [DatasetCatalogue.FileVariable] = null }, "ingest", "--hub", hub, extracts);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"{ExtractManifest.CatalogueFileName}: the extracts were written to this catalogue, not to the one in use", refused.Output, StringComparison.Ordinal);

        var ingest = CliProcess.Run(withCatalogue, "ingest", "--hub", hub, extracts);
        Assert.True(ingest.ExitCode == 0, ingest.Output);
        var stats = CliProcess.Run(withCatalogue, "hub", "stats", "--hub", hub);
        Assert.True(stats.ExitCode == 0, stats.Output);
        Assert.Matches(@"\npolice\.knife_crime\s+1\s*\n", stats.Output);
        Assert.Contains("  police.knife_crime: incidents the police force recorded in the council's area", stats.Output, StringComparison.Ordinal);
    }

    /// <summary>The shipped catalogue with a police dataset added before the outcomes.</summary>
    private static string WithKnifeCrime(string shipped)
    {
        const string outcomes = "  # Statutory outcomes";
        Assert.Contains(outcomes, shipped, StringComparison.Ordinal);
        return shipped.Replace(outcomes, $"""
              - code: police.knife_crime
                name: Knife crime incident
                system: police
                category: crime_asb
                kind: issue
                file: {KnifeFile}
                start_date: IncidentDate
                retention_months: 72
                refresh: full_refresh
                coverage: incidents the police force recorded in the council's area
                lawful_basis: {"{"} article_6: 6(1)(e) public task, article_10: DPA 2018 Schedule 1 paragraph 18 (safeguarding) {"}"}

            {outcomes}
            """, StringComparison.Ordinal);
    }

    /// <summary>
    /// Copies the first anti-social behaviour incident into the new extract under a new reference (the two police
    /// extracts share their columns) and re-signs the manifest as the producer would.
    /// </summary>
    private static void AddOneKnifeCrime(string extracts)
    {
        var incident = File.ReadLines(Path.Combine(extracts, "police_asb_incidents.csv")).Skip(1).First();
        var knife = Path.Combine(extracts, KnifeFile);
        File.AppendAllText(knife, "KNIFE-0001" + incident[incident.IndexOf(',', StringComparison.Ordinal)..] + "\n");

        var manifestPath = Path.Combine(extracts, ExtractManifest.FileName);
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var entry = manifest["files"]!.AsArray().Single(f => (string?)f!["path"] == KnifeFile)!;
        entry["rows"] = 1;
        entry["sha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(knife)));
        File.WriteAllText(manifestPath, manifest.ToJsonString());
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(folder, recursive: true);
}
