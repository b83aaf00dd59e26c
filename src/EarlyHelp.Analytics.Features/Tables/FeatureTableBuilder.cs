using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.Building;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.PointInTime;

namespace EarlyHelp.Analytics.Features.Tables;

/// <summary>
/// Builds the stacked feature table — one snapshot per as-of date — from an indexed hub. Families
/// are built in parallel in fixed chunks and the chunks are joined in order, so the table is the
/// same whatever the thread count or timing.
/// </summary>
public static class FeatureTableBuilder
{
    private const int ChunkSize = 512;
    private const string Stage = "Building features";

    /// <summary>Builds the table; throws <see cref="ArgumentException"/> when the options are not valid for this hub.</summary>
    public static FeatureTable Build(HubHistory hub, FeatureTableOptions options, IProgress<WorkProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate(hub.ExtractDate).ToArray();
        if (problems.Length > 0)
            throw new ArgumentException(string.Join(" ", problems), nameof(options));

        var dates = options.AsOfDates.Order().Select(d => new AsOfDate(d, options.LookBackCaps)).ToArray();
        var families = hub.Families;
        var chunksPerDate = (families.Count + ChunkSize - 1) / ChunkSize;
        var chunks = new ChunkResult[dates.Length * chunksPerDate];
        var total = (long)families.Count * dates.Length;
        long done = 0;
        progress?.Report(new WorkProgress(Stage, 0, total));

        // A work item is one chunk of families at every date: a family's records are read for all
        // dates while they are in cache.
        Parallel.For(0, chunksPerDate, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
            () => new FeatureBuilder(),
            (chunk, _, builder) =>
            {
                var first = chunk * ChunkSize;
                var count = Math.Min(ChunkSize, families.Count - first);
                var results = BuildChunk(builder, hub, dates, first, count, options.HorizonMonths);
                for (var d = 0; d < dates.Length; d++)
                    chunks[d * chunksPerDate + chunk] = results[d];
                var now = Interlocked.Add(ref done, (long)count * dates.Length);
                progress?.Report(new WorkProgress(Stage, now, total));
                return builder;
            },
            _ => { });

        return Assemble(dates, chunks, chunksPerDate, families.Count, options.HorizonMonths);
    }

    private static ChunkResult[] BuildChunk(FeatureBuilder builder, HubHistory hub, AsOfDate[] dates, int first, int count, int horizonMonths)
    {
        var width = FeatureBuilder.FeatureCount;
        var results = dates.Select(_ => new ChunkResult(count, width)).ToArray();
        for (var position = first; position < first + count; position++)
        {
            var history = hub.Families[position];
            for (var d = 0; d < dates.Length; d++)
            {
                var result = results[d];
                var row = result.Values.AsSpan(result.Rows * width, width);
                if (builder.Build(history, dates[d], row) is { } reason)
                {
                    result.Exclusions[(int)reason]++;
                    continue;
                }
                result.Families[result.Rows] = history.Family;
                result.Labels[result.Rows] = EscalationLabel.Of(history, dates[d], horizonMonths, hub.ExtractDate).Value;
                result.Rows++;
            }
        }
        foreach (var result in results)
            result.Trim(width);
        return results;
    }

    private static FeatureTable Assemble(AsOfDate[] dates, ChunkResult[] chunks, int chunksPerDate, int familyCount, int horizonMonths)
    {
        var rowCount = chunks.Sum(c => c.Rows);
        var width = FeatureBuilder.FeatureCount;
        var families = new FamilyId[rowCount];
        var asOfDates = new DateOnly[rowCount];
        var labels = new float[rowCount];
        var columns = new float[width][];
        for (var feature = 0; feature < width; feature++)
            columns[feature] = new float[rowCount];

        var summaries = new List<SnapshotSummary>();
        var row = 0;
        for (var d = 0; d < dates.Length; d++)
        {
            var dateChunks = new ArraySegment<ChunkResult>(chunks, d * chunksPerDate, chunksPerDate);
            var firstRow = row;
            foreach (var chunk in dateChunks)
            {
                chunk.Families.AsSpan(0, chunk.Rows).CopyTo(families.AsSpan(row));
                chunk.Labels.AsSpan(0, chunk.Rows).CopyTo(labels.AsSpan(row));
                asOfDates.AsSpan(row, chunk.Rows).Fill(dates[d].Date);
                // Column by column: the chunk's rows stay in cache while each column is written in order.
                for (var feature = 0; feature < width; feature++)
                {
                    var column = columns[feature];
                    for (var r = 0; r < chunk.Rows; r++)
                        column[row + r] = chunk.Values[r * width + feature];
                }
                row += chunk.Rows;
            }
            var exclusions = ExclusionReasons.All.ToDictionary(reason => reason, reason => Sum(dateChunks, reason));
            var dateLabels = labels.AsSpan(firstRow, row - firstRow);
            summaries.Add(new SnapshotSummary(dates[d].Date, familyCount, row - firstRow, exclusions,
                Labelled: Count(dateLabels, l => !float.IsNaN(l)), Escalated: Count(dateLabels, l => l == 1f)));
        }
        return new FeatureTable(families, asOfDates, columns, labels, horizonMonths, summaries);
    }

    private static int Sum(IEnumerable<ChunkResult> chunks, ExclusionReason reason) => chunks.Sum(chunk => chunk.Exclusions[(int)reason]);

    private static int Count(ReadOnlySpan<float> values, Func<float, bool> predicate)
    {
        var total = 0;
        foreach (var value in values)
            total += predicate(value) ? 1 : 0;
        return total;
    }

    /// <summary>The eligible rows of one chunk of families at one date, in family order.</summary>
    private sealed class ChunkResult(int capacity, int width)
    {
        public int Rows { get; set; }

        public FamilyId[] Families { get; } = new FamilyId[capacity];

        public float[] Values { get; private set; } = new float[capacity * width];

        public float[] Labels { get; } = new float[capacity];

        /// <summary>Gives back the space of excluded families: tens of thousands of chunks may wait for assembly.</summary>
        public void Trim(int rowWidth)
        {
            if (Rows < capacity)
                Values = Values.AsSpan(0, Rows * rowWidth).ToArray();
        }

        public int[] Exclusions { get; } = new int[ExclusionReasons.All.Count];
    }
}
