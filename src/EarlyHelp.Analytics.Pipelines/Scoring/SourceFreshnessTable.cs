using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Hub.Ingest;

namespace EarlyHelp.Analytics.Pipelines.Scoring;

/// <summary>
/// How fresh each source dataset is at T, worked out once per run: the newest record in it known before T (about
/// anyone in a family), and the extract date of the latest load that brought a file of it. A dataset no load has
/// brought has no entry: there is no extract to date it by.
/// </summary>
internal sealed class SourceFreshnessTable
{
    private readonly Dictionary<string, SourceFreshness> byDataset;

    private SourceFreshnessTable(Dictionary<string, SourceFreshness> byDataset) => this.byDataset = byDataset;

    /// <summary>The table for <paramref name="hub"/> at <paramref name="asOf"/>, given the hub's ingest runs.</summary>
    public static SourceFreshnessTable Build(HubHistory hub, DateOnly asOf, IReadOnlyList<IngestRunRecord> ingestRuns)
    {
        var latest = new int[DatasetIndex.Count];
        Array.Fill(latest, int.MinValue);
        foreach (var family in hub.Families)
        {
            foreach (var member in family.Members)
            {
                foreach (var record in member.Events.Span)
                {
                    if (record.Start < asOf && record.Start.DayNumber > latest[record.Dataset])
                        latest[record.Dataset] = record.Start.DayNumber;
                }
            }
        }
        var extracts = ingestRuns
            .SelectMany(run => run.Report.Files.Where(f => f.Dataset is not null).Select(f => (Dataset: f.Dataset!, run.Report.ExtractDate)))
            .GroupBy(load => load.Dataset, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Max(load => load.ExtractDate), StringComparer.Ordinal);
        var byDataset = new Dictionary<string, SourceFreshness>(StringComparer.Ordinal);
        foreach (var dataset in DatasetCatalogue.Sources)
        {
            if (!extracts.TryGetValue(dataset.Code, out var extractDate))
                continue;
            var day = latest[DatasetIndex.Of(dataset.Code)];
            byDataset[dataset.Code] = new SourceFreshness(dataset.Agency, dataset.Name, day == int.MinValue ? null : DateOnly.FromDayNumber(day), extractDate);
        }
        return new SourceFreshnessTable(byDataset);
    }

    /// <summary>The freshness of the source datasets <paramref name="inScope"/> selects, in catalogue order.</summary>
    public IReadOnlyList<SourceFreshness> For(Func<DatasetDefinition, bool> inScope) =>
        DatasetCatalogue.Sources.Where(inScope).Select(d => byDataset.GetValueOrDefault(d.Code)).OfType<SourceFreshness>().ToArray();
}
