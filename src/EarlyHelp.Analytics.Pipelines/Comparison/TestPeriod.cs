using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.PointInTime;
using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Pipelines.Fairness;
using EarlyHelp.Analytics.Pipelines.ModelFolders;
using EarlyHelp.Analytics.Pipelines.Splits;

namespace EarlyHelp.Analytics.Pipelines.Comparison;

/// <summary>
/// A model's test families rebuilt from the hub: the same as-of date, the same partition (seed and
/// shares), features built again point in time. No family's features leave the hub in a model folder;
/// the fingerprint's hash of the test rows tells whether the rebuilt rows are exactly those the model was tested on.
/// </summary>
public sealed class TestPeriod
{
    private readonly LookBackCaps caps;

    private TestPeriod(HubHistory history, ConnectedFamilies groups, FeatureTable table, int[] rows, DenseDataset data, int capacity, bool matches, DateOnly asOf, LookBackCaps caps)
    {
        this.caps = caps;
        History = history;
        Groups = groups;
        Table = table;
        Rows = rows;
        Data = data;
        Capacity = capacity;
        MatchesFingerprint = matches;
        AsOf = asOf;
        Labels = data.Labels!.Select(l => (double)l).ToArray();
    }

    /// <summary>The hub's families grouped by the people they share, as the split assigns them.</summary>
    public ConnectedFamilies Groups { get; }

    /// <summary>The test date.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The indexed hub the rows were built from.</summary>
    public HubHistory History { get; }

    /// <summary>The feature table at the test date (every eligible family).</summary>
    public FeatureTable Table { get; }

    /// <summary>The test families' rows of <see cref="Table"/>.</summary>
    public IReadOnlyList<int> Rows { get; }

    /// <summary>Their features (the catalogue's) and labels.</summary>
    public DenseDataset Data { get; }

    /// <summary>Their labels as numbers.</summary>
    public double[] Labels { get; }

    /// <summary>K on these rows.</summary>
    public int Capacity { get; }

    /// <summary>Whether the rebuilt rows hash to the fingerprint's: false when the hub has changed since (more extracts, records aged out).</summary>
    public bool MatchesFingerprint { get; }

    /// <summary>The families of the rows.</summary>
    public IEnumerable<FamilyId> Families => Rows.Select(r => Table.Families[r]);

    /// <summary>Ranking tie keys of the rows under <paramref name="seed"/>.</summary>
    public long[] TieKeys(int seed) => TestRowKeys.TieKeys(Families, seed);

    /// <summary>The rows as families for the fairness audit.</summary>
    public IReadOnlyList<AuditedFamily> AuditedFamilies() => Rows.Select(r => new AuditedFamily(History.Find(Table.Families[r])!, AsOf)).ToArray();

    /// <summary>Rebuilds the test period of the model whose fingerprint is <paramref name="trainingData"/>.</summary>
    public static TestPeriod Rebuild(IHubStore store, TrainingDataFingerprint trainingData, IProgress<WorkProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(trainingData);
        var history = HubHistory.Read(store.OpenReader(), store.Name, progress);
        if (trainingData.TestDate.AddMonths(trainingData.HorizonMonths) > history.ExtractDate)
            throw new BadInputException(store.Name, $"the hub's extract date {history.ExtractDate:yyyy-MM-dd} does not cover the test period of {trainingData.TestDate:yyyy-MM-dd}; use the hub the model was trained on");
        var caps = trainingData.Caps();
        var table = FeatureTableBuilder.Build(history, new FeatureTableOptions { AsOfDates = [trainingData.TestDate], HorizonMonths = trainingData.HorizonMonths, LookBackCaps = caps }, progress);
        var shares = PartitionShares.FromNames(trainingData.PartitionShares);
        var groups = ConnectedFamilies.From(history);
        var rows = Enumerable.Range(0, table.RowCount).Where(r => groups.PartitionOf(table.Families[r], trainingData.Seed, shares) == Partition.Test).ToArray();
        var data = TableRows.Gather(table, rows, [], labelled: true);
        var capacity = TestRowKeys.Capacity(trainingData.MonthlyCapacity, rows.Length, table.Snapshots[0].Eligible);
        var matches = TableHash.Of(table, rows) == trainingData.TestRowsSha256;
        return new TestPeriod(history, groups, table, rows, data, capacity, matches, trainingData.TestDate, caps);
    }

    /// <summary>
    /// The test families' rows with <paramref name="model"/>'s features, built under its own look-back caps: rebuilt
    /// when they are not this period's (caps touch no eligibility or label, so the rows are the same families).
    /// </summary>
    public DenseDataset DataFor(LoadedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var modelCaps = model.TrainingData.Caps();
        var table = modelCaps.ByDataset.SequenceEqual(caps.ByDataset) ? Table
            : FeatureTableBuilder.Build(History, new FeatureTableOptions { AsOfDates = [AsOf], HorizonMonths = model.TrainingData.HorizonMonths, LookBackCaps = modelCaps });
        if (model.FeatureNames.FirstOrDefault(name => FeatureCatalogue.IndexOf(name) < 0) is { } unknown)
            throw new BadInputException(model.Folder, $"the model uses the feature '{unknown}', which the feature catalogue does not have, so it cannot score the rebuilt test families");
        return TableRows.Gather(table, Rows, model.FeatureNames, [], labelled: true);
    }
}
