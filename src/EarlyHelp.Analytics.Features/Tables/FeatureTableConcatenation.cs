using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.Building;

namespace EarlyHelp.Analytics.Features.Tables;

/// <summary>
/// Joins tables built over disjoint sets of families (one per partition of a hub) into the table the whole hub gives:
/// rows in (as-of date, family id) order, each date's summary the sum of the parts'.
/// </summary>
public static class FeatureTableConcatenation
{
    /// <summary>
    /// The rows of every part, sorted by (as-of date, family id). Throws <see cref="ArgumentException"/> when the parts
    /// differ in their dates or horizon, or share a family: such parts did not come from one hub's partitions.
    /// </summary>
    public static FeatureTable Concatenate(IReadOnlyList<FeatureTable> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
            throw new ArgumentException("At least one table is needed. Got none instead.", nameof(parts));
        var dates = parts[0].Snapshots.Select(s => s.AsOf).ToArray();
        var horizon = parts[0].HorizonMonths;
        if (parts.Any(p => p.HorizonMonths != horizon || !p.Snapshots.Select(s => s.AsOf).SequenceEqual(dates)))
            throw new ArgumentException("Every table must have the same as-of dates and label horizon.", nameof(parts));

        // Each part is already in (date, family) order: sorting the (part, row) pairs by the same key merges them.
        var order = parts.SelectMany((part, p) => Enumerable.Range(0, part.RowCount).Select(row => (Part: p, Row: row)))
            .OrderBy(r => parts[r.Part].AsOfDates[r.Row]).ThenBy(r => parts[r.Part].Families[r.Row].Value).ToArray();
        for (var i = 1; i < order.Length; i++)
        {
            var (before, after) = (order[i - 1], order[i]);
            if (parts[before.Part].AsOfDates[before.Row] == parts[after.Part].AsOfDates[after.Row]
                && parts[before.Part].Families[before.Row] == parts[after.Part].Families[after.Row])
                throw new ArgumentException($"Family {parts[after.Part].Families[after.Row]} is in more than one table.", nameof(parts));
        }

        var width = FeatureBuilder.FeatureCount;
        var families = new FamilyId[order.Length];
        var asOfDates = new DateOnly[order.Length];
        var labels = new float[order.Length];
        var columns = new float[width][];
        for (var feature = 0; feature < width; feature++)
            columns[feature] = new float[order.Length];
        for (var row = 0; row < order.Length; row++)
        {
            var (part, source) = (parts[order[row].Part], order[row].Row);
            families[row] = part.Families[source];
            asOfDates[row] = part.AsOfDates[source];
            labels[row] = part.Labels[source];
            for (var feature = 0; feature < width; feature++)
                columns[feature][row] = part[source, feature];
        }
        var summaries = dates.Select((date, d) => Sum(date, parts.Select(p => p.Snapshots[d]).ToArray())).ToArray();
        return new FeatureTable(families, asOfDates, columns, labels, horizon, summaries);
    }

    private static SnapshotSummary Sum(DateOnly date, IReadOnlyList<SnapshotSummary> parts) =>
        new(date, parts.Sum(p => p.Families), parts.Sum(p => p.Eligible),
            ExclusionReasons.All.ToDictionary(reason => reason, reason => parts.Sum(p => p.Exclusions[reason])),
            parts.Sum(p => p.Labelled), parts.Sum(p => p.Escalated));
}
