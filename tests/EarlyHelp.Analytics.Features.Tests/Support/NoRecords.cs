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

    /// <summary>Every feature of a family with no contributing record and no move: its composition, zero counts, missing recency.</summary>
    public static Dictionary<string, double> Family(int members, int children, int childrenUnderFive, int youngest, int oldest, int adults, bool loneCarer)
    {
        var expected = MissingRecency();
        expected["members"] = members;
        expected["children"] = children;
        expected["children_under_5"] = childrenUnderFive;
        expected["youngest_child_age"] = youngest;
        expected["oldest_child_age"] = oldest;
        expected["adults"] = adults;
        expected["lone_carer"] = loneCarer ? 1 : 0;
        return expected;
    }
}
