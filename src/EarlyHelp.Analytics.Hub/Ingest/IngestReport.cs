namespace EarlyHelp.Analytics.Hub.Ingest;

/// <summary>What one ingest run did: the extract it loaded and, per file, what happened to its rows.</summary>
/// <param name="Folder">The extract folder, as given.</param>
/// <param name="ExtractDate">The manifest's extract date.</param>
/// <param name="Producer">The manifest's producer.</param>
/// <param name="ProducerVersion">The manifest's producer version.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="FinishedAt">When it finished loading (just before the commit).</param>
/// <param name="Files">Each file loaded, in load order.</param>
public sealed record IngestReport(
    string Folder, DateOnly ExtractDate, string Producer, string ProducerVersion,
    DateTimeOffset StartedAt, DateTimeOffset FinishedAt, IReadOnlyList<IngestedFile> Files)
{
    /// <summary>The tables rebuilt from linkage: rows before and after the load.</summary>
    public IReadOnlyList<DerivedTableCount> Derived { get; init; } = [];

    /// <summary>What linkage did in this load; null for a run recorded without it.</summary>
    public LinkageSummary? Linkage { get; init; }

    /// <summary>Stored records this load removed because they were past their retention period, per dataset.</summary>
    public IReadOnlyList<(string Dataset, int Records)> Expired { get; init; } = [];

    /// <summary>What the retention run after the load removed (prompts, the audit trail's cut); null when it was skipped or not run.</summary>
    public Lifecycle.LoadRetention? AfterLoad { get; init; }

    /// <summary>Whether the retention run after the load was skipped because the audit trail does not verify.</summary>
    public bool AfterLoadSkipped { get; init; }

    /// <summary>Stored records deleted because a full-refresh extract no longer holds them, over every file.</summary>
    public long Deleted => Files.Sum(file => file.Deleted);

    /// <summary>Rows added, updated and already present, over every file.</summary>
    public LoadCounts Counts => Files.Aggregate(default(LoadCounts), (sum, file) => sum + file.Counts);

    /// <summary>Event rows not loaded because they started before their dataset's retention period.</summary>
    public long DroppedByRetention => Files.Sum(file => file.DroppedByRetention);

    /// <summary>The files' figures summed per hub table, in load order.</summary>
    public IReadOnlyList<TableSummary> ByTable() =>
        Files.GroupBy(file => file.Table)
            .Select(group => new TableSummary(group.Key, group.Sum(file => file.Rows),
                group.Aggregate(default(LoadCounts), (sum, file) => sum + file.Counts), group.Sum(file => file.DroppedByRetention))
            {
                Deleted = group.Sum(file => file.Deleted),
            })
            .ToArray();
}

/// <summary>One file of an ingest run.</summary>
/// <param name="Path">Path inside the extract folder, as the manifest lists it.</param>
/// <param name="Dataset">Dataset code of an agency extract; null for a register file.</param>
/// <param name="Table">The hub table it loads into.</param>
/// <param name="Sha256">The SHA-256 of its bytes (checked against the manifest).</param>
/// <param name="Rows">Data rows in the file.</param>
/// <param name="Counts">What happened to the rows that were loaded.</param>
/// <param name="DroppedByRetention">Rows not loaded because they were already past the retention period.</param>
public sealed record IngestedFile(string Path, string? Dataset, string Table, string Sha256, long Rows, LoadCounts Counts, long DroppedByRetention)
{
    /// <summary>Stored records of the file's dataset deleted because this full-refresh extract no longer holds them.</summary>
    public long Deleted { get; init; }

    /// <summary>Why the file's records were not applied (a newer extract of its dataset is loaded), or null when they were.</summary>
    public string? NotApplied { get; init; }
}

/// <summary>Figures of one hub table over an ingest run.</summary>
/// <param name="Table">The hub table.</param>
/// <param name="Rows">Data rows read for it.</param>
/// <param name="Counts">What happened to them.</param>
/// <param name="DroppedByRetention">Rows dropped by retention.</param>
public sealed record TableSummary(string Table, long Rows, LoadCounts Counts, long DroppedByRetention)
{
    /// <summary>Stored records deleted because a full-refresh extract no longer holds them.</summary>
    public long Deleted { get; init; }
}

/// <summary>An ingest run as the hub recorded it.</summary>
/// <param name="RunId">Number of the run, from 1.</param>
/// <param name="Report">What the run did.</param>
public sealed record IngestRunRecord(long RunId, IngestReport Report);

/// <summary>A table rebuilt from linkage at a load.</summary>
/// <param name="Table">The hub table.</param>
/// <param name="Before">Rows before the load.</param>
/// <param name="After">Rows after it.</param>
public sealed record DerivedTableCount(string Table, long Before, long After);

/// <summary>What linking the hub's records did at one load.</summary>
/// <param name="Records">Identity records linked (those stored before and this extract's new ones).</param>
/// <param name="NewRecords">Records this extract added.</param>
/// <param name="People">People they were linked into.</param>
/// <param name="ComparedPairs">Candidate pairs the blocking rules produced and the model compared.</param>
/// <param name="LinkedPairs">Compared pairs that ended inside one person.</param>
/// <param name="ExpectedFalseLinks">Sum of (1 − p) over linked pairs.</param>
/// <param name="ExpectedMissedLinks">Sum of p over compared pairs left in different people.</param>
/// <param name="ClericalQueue">Pairs in the clerical review band left in different people.</param>
/// <param name="Created">Person ids created.</param>
/// <param name="Merges">People merged into another since the last load.</param>
/// <param name="Splits">Groups of records split from a person since the last load.</param>
/// <param name="Seconds">Time spent estimating, scoring and clustering.</param>
public sealed record LinkageSummary(long Records, long NewRecords, long People, long ComparedPairs, long LinkedPairs,
    double ExpectedFalseLinks, double ExpectedMissedLinks, long ClericalQueue, long Created, long Merges, long Splits, double Seconds)
{
    /// <summary>Compared pairs per record.</summary>
    public double ComparisonsPerRecord => Records == 0 ? 0 : (double)ComparedPairs / Records;

    /// <summary>How the linkage model's unlabelled estimation ended (its EM iterations and whether they converged); null when no model was estimated.</summary>
    public Linkage.TrainingSummary? Estimation { get; init; }
}
