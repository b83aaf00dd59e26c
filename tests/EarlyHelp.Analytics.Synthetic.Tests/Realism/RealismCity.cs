using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Statistics;

namespace EarlyHelp.Analytics.Synthetic.Tests.Realism;

/// <summary>
/// The one large city of the suite (200,000 people, 36 months), generated once, read as a perfectly
/// linked hub from its truth (<see cref="TruthHub"/>), and shared by the realism tests, which need enough children for statutory care rates to be stable. Its
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

    private static readonly Lazy<TruthHub> LazyHub = new(() => new TruthHub(LazyFolder.Value));

    private static readonly Lazy<RealismReport> LazyReport = new(() => RealismFigures.Compute(LazyHub.Value));

    /// <summary>Its extract folder, read back.</summary>
    public static ExtractFolder Folder => LazyFolder.Value;

    /// <summary>The city as a perfectly linked hub.</summary>
    public static IHubReader Hub => LazyHub.Value;

    /// <summary>The hub's realism figures.</summary>
    public static RealismReport Report => LazyReport.Value;
}
