namespace EarlyHelp.Analytics.Synthetic.Tests.Realism;

/// <summary>
/// The one large city of the suite (200,000 people, 36 months), generated once and shared by the
/// realism tests, which need enough children for statutory care rates to be stable.
/// </summary>
public static class RealismCity
{
    /// <summary>The options of the realism city.</summary>
    public static CityOptions Options { get; } = new() { People = 200_000, Months = 36, Seed = 5 };

    /// <summary>The generated city.</summary>
    public static GenerationResult Result => GeneratedCities.Get("realism", Options);

    private static readonly Lazy<ExtractFolder> LazyFolder = new(() => new ExtractFolder(Result.ExtractDirectory));

    /// <summary>Its extract folder, read back.</summary>
    public static ExtractFolder Folder => LazyFolder.Value;
}
