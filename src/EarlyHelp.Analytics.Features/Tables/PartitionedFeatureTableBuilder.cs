using System.Diagnostics;
using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;

namespace EarlyHelp.Analytics.Features.Tables;

/// <summary>
/// Builds the feature table one partition of the hub at a time: each partition's reader is read and indexed on its
/// own (<see cref="HubHistory.Read"/>), its families' rows built (<see cref="FeatureTableBuilder.Build"/>), and the parts
/// joined in (as-of date, family id) order. Nothing crosses partitions, because a family's members, their records and
/// their residences are in one partition; the result is the table the whole hub gives.
/// </summary>
public static class PartitionedFeatureTableBuilder
{
    /// <summary>
    /// Builds the table from <paramref name="partitions"/>, at most <paramref name="workers"/> partitions at a time
    /// (each worker builds its partition's families on one thread, so the workers are the parallelism).
    /// </summary>
    /// <param name="partitions">One reader per partition; each opens its own connections.</param>
    /// <param name="source">How the hub is named in error messages.</param>
    /// <param name="options">The dates and horizon; its parallelism is replaced by one thread per worker.</param>
    /// <param name="workers">Partitions built at once; at least 1.</param>
    /// <param name="progress">Told of each partition built, under the stage <see cref="Stage"/> names, so the output says the path taken.</param>
    public static PartitionedFeatureTable Build(IReadOnlyList<IHubReader> partitions, string source, FeatureTableOptions options, int workers,
        IProgress<WorkProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentNullException.ThrowIfNull(options);
        if (workers < 1)
            throw new ArgumentOutOfRangeException(nameof(workers), workers, $"The 'workers' argument must be at least 1. Got {workers} instead.");
        var perPartition = options with { MaxDegreeOfParallelism = 1 };
        var tables = new FeatureTable[partitions.Count];
        var builds = new PartitionBuild[partitions.Count];
        var stage = Stage(partitions.Count, workers);
        var done = 0;
        progress?.Report(new WorkProgress(stage, 0, partitions.Count));
        Parallel.For(0, partitions.Count, new ParallelOptions { MaxDegreeOfParallelism = workers }, index =>
        {
            var clock = Stopwatch.StartNew();
            var history = HubHistory.Read(partitions[index], $"{source} (partition {index})");
            var read = clock.Elapsed;
            tables[index] = FeatureTableBuilder.Build(history, perPartition);
            builds[index] = new PartitionBuild(index, history.Families.Count, history.EventCount, tables[index].RowCount, read, clock.Elapsed - read);
            progress?.Report(new WorkProgress(stage, Interlocked.Increment(ref done), partitions.Count));
        });
        return new PartitionedFeatureTable(FeatureTableConcatenation.Concatenate(tables), builds);
    }

    /// <summary>
    /// The table of the hub <paramref name="whole"/> was read from: built partition by partition from
    /// <paramref name="partitions"/>, one worker per thread the options allow, when the hub has partitions; from
    /// <paramref name="whole"/> when it has none (a SQLite hub, or a PostgreSQL hub never partitioned). Both give the same table.
    /// </summary>
    public static FeatureTable Build(HubHistory whole, IReadOnlyList<IHubReader> partitions, string source, FeatureTableOptions options,
        IProgress<WorkProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentNullException.ThrowIfNull(options);
        return partitions.Count == 0
            ? FeatureTableBuilder.Build(whole, options, progress)
            : Build(partitions, source, options, options.MaxDegreeOfParallelism, progress).Table;
    }

    /// <summary>The progress stage of a partitioned build, e.g. "features: 8 partitions, 2 workers" (never more workers than partitions).</summary>
    public static string Stage(int partitions, int workers) =>
        string.Create(CultureInfo.InvariantCulture, $"features: {partitions} partitions, {Math.Min(workers, partitions)} workers");
}

/// <summary>The table built partition by partition, and what each partition took.</summary>
/// <param name="Table">The joined table.</param>
/// <param name="Partitions">Each partition's figures, in partition order.</param>
public sealed record PartitionedFeatureTable(FeatureTable Table, IReadOnlyList<PartitionBuild> Partitions);

/// <summary>One partition's part of a partitioned build.</summary>
/// <param name="Index">The partition, from 0.</param>
/// <param name="Families">Families with a membership in the partition.</param>
/// <param name="Events">Agency records read from the partition.</param>
/// <param name="Rows">Feature rows built (eligible families over every date).</param>
/// <param name="Read">Time to read and index the partition.</param>
/// <param name="Build">Time to build its rows.</param>
public sealed record PartitionBuild(int Index, int Families, long Events, int Rows, TimeSpan Read, TimeSpan Build);
