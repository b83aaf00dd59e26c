using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Features.PointInTime;

namespace EarlyHelp.Analytics.Pipelines.Splits;

/// <summary>
/// The catalogue features a model trained under look-back caps uses, and those it leaves out with the reason
/// (<see cref="LookBackCaps.WhyLeftOut"/>): a dataset that keeps nothing at the earliest training date, or a window
/// longer than its dataset's cap.
/// </summary>
/// <param name="Caps">The caps, applied at every as-of date of the run and when the model scores.</param>
/// <param name="Kept">The catalogue features kept, in catalogue order.</param>
/// <param name="LeftOut">Each feature left out, with why, in catalogue order.</param>
public sealed record CappedFeatures(LookBackCaps Caps, IReadOnlyList<string> Kept, IReadOnlyDictionary<string, string> LeftOut)
{
    /// <summary>The features under <paramref name="caps"/>.</summary>
    public static CappedFeatures For(LookBackCaps caps)
    {
        ArgumentNullException.ThrowIfNull(caps);
        var kept = new List<string>();
        var leftOut = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var feature in FeatureCatalogue.All)
        {
            if (caps.WhyLeftOut(feature) is { } reason)
                leftOut.Add(feature.Name, reason);
            else
                kept.Add(feature.Name);
        }
        return new CappedFeatures(caps, kept, leftOut);
    }
}
