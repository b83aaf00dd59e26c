using EarlyHelp.Analytics.Features.Catalogue;

namespace EarlyHelp.Analytics.Features.Tests.Support;

internal static class NoRecords
{
    /// <summary>
    /// The features that are missing (NaN), not 0, when a family has no records at all: every
    /// "months since" feature, since there is no record to count months from.
    /// </summary>
    public static Dictionary<string, double> MissingRecency() =>
        FeatureCatalogue.All
            .Where(f => f.Kind is FeatureKind.MonthsSinceLatest or FeatureKind.MonthsSinceEarlyHelpEnded or FeatureKind.MonthsSinceStatutoryEnded)
            .ToDictionary(f => f.Name, _ => double.NaN);
}
