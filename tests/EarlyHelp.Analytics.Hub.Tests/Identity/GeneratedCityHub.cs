using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Synthetic;

namespace EarlyHelp.Analytics.Hub.Tests.Identity;

/// <summary>
/// A 5,000-person synthetic city (36 months, seed 1) generated once for the tests that share it, with its truth,
/// and loaded into two hubs: one linked by the model as <c>earlyhelp ingest</c> links, one linked by the truth.
/// </summary>
public sealed class GeneratedCityHub : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("earlyhelp-linkage-city-").FullName;

    /// <summary>Generates the city and loads both hubs.</summary>
    public GeneratedCityHub()
    {
        var extracts = Path.Combine(folder, "city");
        Truth = Path.Combine(folder, "city-truth");
        CityGenerator.Generate(new CityOptions { People = 5_000, Months = 36, Seed = 1 }, extracts, Truth);
        ModelLinked = Load(extracts, "model.db", linker: null);
        TruthLinked = Load(extracts, "truth.db", TruthLinkage.From(Truth));
    }

    /// <summary>The truth folder.</summary>
    public string Truth { get; }

    /// <summary>The hub linked by the Fellegi–Sunter model.</summary>
    public LoadedHub ModelLinked { get; }

    /// <summary>The hub linked by the truth.</summary>
    public LoadedHub TruthLinked { get; }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(folder, recursive: true);

    private LoadedHub Load(string extracts, string name, RecordLinker? linker)
    {
        using var store = HubStore.Open(Path.Combine(folder, name));
        var report = ExtractIngest.Run(store, extracts, "tester", linker: linker);
        return new LoadedHub(report, store.ReadRecordPeople(), store.ExtractDate!.Value);
    }
}

/// <summary>What a test reads from a loaded hub.</summary>
/// <param name="Report">The ingest's report.</param>
/// <param name="RecordPeople">Each identity record's dataset, reference and person.</param>
/// <param name="ExtractDate">The hub's extract date.</param>
public sealed record LoadedHub(IngestReport Report, IReadOnlyList<(string Dataset, string RecordRef, long PersonId)> RecordPeople, DateOnly ExtractDate);
