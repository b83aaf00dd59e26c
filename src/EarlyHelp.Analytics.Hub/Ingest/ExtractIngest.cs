using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Ingest;

/// <summary>
/// Loads an extract folder (agency CSVs, council registers and <c>manifest.json</c>) into a hub, in one
/// transaction. Every row is validated; the first fault stops the run with <c>file:line:column: reason</c>
/// and the hub is left exactly as it was. Loading the same folder again adds nothing.
/// </summary>
public static class ExtractIngest
{
    /// <summary>
    /// Loads <paramref name="folder"/> into <paramref name="store"/> on behalf of <paramref name="actor"/>
    /// (recorded in the audit log) and returns what it did. Throws <see cref="BadInputException"/> on the
    /// first fault, having changed nothing.
    /// </summary>
    public static IngestReport Run(IHubStore store, string folder, string actor, IProgress<WorkProgress>? progress = null, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var startedAt = clock.GetUtcNow();
        var plan = ExtractPlan.Read(folder);
        var context = new IngestContext(store.ExistingIds(), plan.Manifest.ExtractDate);
        var loaded = new List<(PlannedFile File, string Table, string Sha256, long Rows, long Dropped)>();

        using var load = store.BeginLoad();
        IReadOnlyDictionary<int, LoadCounts> counts;
        using (var pipeline = new LoadPipeline(load))
        {
            for (var index = 0; index < plan.Files.Count; index++)
                loaded.Add(LoadFile(plan, index, context, pipeline, progress));
            counts = pipeline.Complete();
        }

        var files = loaded.Select((file, index) => new IngestedFile(file.File.Entry.Path, file.File.Dataset?.Code, file.Table,
            file.Sha256, file.Rows, counts.GetValueOrDefault(index), file.Dropped)).ToArray();
        var manifest = plan.Manifest;
        var report = new IngestReport(folder, manifest.ExtractDate, manifest.Producer, manifest.ProducerVersion, startedAt, clock.GetUtcNow(), files);
        progress?.Report(new WorkProgress("Committing", 0, 1));
        load.Commit(report, actor);
        progress?.Report(new WorkProgress("Committing", 1, 1));
        return report;
    }

    private static (PlannedFile File, string Table, string Sha256, long Rows, long Dropped) LoadFile(
        ExtractPlan plan, int index, IngestContext context, LoadPipeline pipeline, IProgress<WorkProgress>? progress)
    {
        var file = plan.Files[index];
        using var csv = ExtractCsv.Open(Path.Combine(plan.Folder, file.Entry.Path));
        var stage = $"Loading {file.Entry.Path}";
        progress?.Report(new WorkProgress(stage, 0, file.Entry.Rows));
        var loader = file.Dataset is { } dataset ? FileLoader.For(dataset) : FileLoader.For(file.Register!);
        var dropped = loader.Load(csv, context, pipeline, index,
            rows => progress?.Report(new WorkProgress(stage, Math.Min(rows, file.Entry.Rows), file.Entry.Rows)));

        var sha256 = csv.FinishHash();
        if (csv.Rows != file.Entry.Rows)
            throw ManifestFault(plan, file, "rows", string.Create(CultureInfo.InvariantCulture,
                $"'{file.Entry.Path}' has {csv.Rows} rows but the manifest says {file.Entry.Rows}"));
        if (!string.Equals(sha256, file.Entry.Sha256, StringComparison.OrdinalIgnoreCase))
            throw ManifestFault(plan, file, "sha256", $"'{file.Entry.Path}' has SHA-256 {sha256} but the manifest says {file.Entry.Sha256}");
        progress?.Report(new WorkProgress(stage, file.Entry.Rows, file.Entry.Rows));
        return (file, loader.Table, sha256, csv.Rows, dropped);
    }

    private static BadInputException ManifestFault(ExtractPlan plan, PlannedFile file, string property, string reason)
    {
        var (line, column) = plan.Locations.Of(file.ManifestIndex, property);
        return new BadInputException(plan.ManifestPath, line, column, reason);
    }
}
