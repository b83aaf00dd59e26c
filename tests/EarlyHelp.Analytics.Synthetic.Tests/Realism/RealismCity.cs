using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Statistics;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Synthetic.Tests.Realism;

/// <summary>
/// The one large city of the suite (200,000 people, 36 months), generated once, linked perfectly from
/// its truth (<see cref="TruthLinkedFolder"/>), loaded into a SQLite hub with the hub's own ingest, and
/// shared by the realism tests, which need enough children for statutory care rates to be stable. Its
/// figures are the hub's (<see cref="RealismFigures"/>): the generator is calibrated against the one
/// implementation that <c>hub stats</c> shows.
/// </summary>
public static class RealismCity
{
    /// <summary>The options of the realism city.</summary>
    public static CityOptions Options { get; } = new() { People = 200_000, Months = 36 };

    /// <summary>The generated city.</summary>
    public static GenerationResult Result => GeneratedCities.Get("realism", Options);

    private static readonly Lazy<ExtractFolder> LazyFolder = new(() => new ExtractFolder(Result));

    private static readonly Lazy<IHubStore> LazyHub = new(() =>
    {
        var root = Path.GetDirectoryName(Result.ExtractDirectory)!;
        var linked = Path.Combine(root, "linked");
        TruthLinkedFolder.Write(Result, linked);
        var store = HubStore.Open(Path.Combine(root, "hub.db"));
        ExtractIngest.Run(store, linked, "realism tests");
        return store;
    });

    private static readonly Lazy<RealismReport> LazyReport = new(() => RealismFigures.Compute(LazyHub.Value.OpenReader()));

    /// <summary>Its extract folder, read back.</summary>
    public static ExtractFolder Folder => LazyFolder.Value;

    /// <summary>The hub it was loaded into.</summary>
    public static IHubStore Hub => LazyHub.Value;

    /// <summary>The hub's realism figures.</summary>
    public static RealismReport Report => LazyReport.Value;
}
