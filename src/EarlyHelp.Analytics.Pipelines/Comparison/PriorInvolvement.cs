using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Features.Tables;

namespace EarlyHelp.Analytics.Pipelines.Comparison;

/// <summary>
/// Whether a family was already known to children's social care at its as-of date: any member ever had a contact or
/// referral recorded, or statutory involvement that has ended. The label is an agency decision and the strongest
/// features are earlier agency contact, so a model can do well by ranking known families first; reporting it apart for
/// families new to children's social care shows whether it finds need the service has not yet seen.
/// </summary>
public static class PriorInvolvement
{
    /// <summary>The dataset codes of children's social care contacts and referrals.</summary>
    public static IReadOnlyList<string> ContactDatasets { get; } = ["csc.contact_not_progressed", "csc.referral"];

    /// <summary>The features that show earlier involvement: months since the latest contact or referral (missing when there was none), and ended statutory involvement.</summary>
    public static IReadOnlyList<string> EvidenceFeatures { get; } = FeatureCatalogue.All
        .Where(f => (f.Kind == FeatureKind.MonthsSinceLatest && ContactDatasets.Contains(f.Dataset))
            || f.Kind is FeatureKind.StatutoryEnded or FeatureKind.MonthsSinceStatutoryEnded)
        .Select(f => f.Name).ToArray();

    /// <summary>For each of <paramref name="rows"/>, whether the family was known to children's social care at its as-of date.</summary>
    public static bool[] Known(FeatureTable table, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        var known = new bool[rows.Count];
        foreach (var name in EvidenceFeatures)
        {
            var column = table.Column(name);
            var isCount = FeatureCatalogue.Get(name).Kind == FeatureKind.StatutoryEnded;
            for (var i = 0; i < known.Length; i++)
            {
                var value = column[rows[i]];
                known[i] |= isCount ? value > 0 : !float.IsNaN(value);
            }
        }
        return known;
    }
}
