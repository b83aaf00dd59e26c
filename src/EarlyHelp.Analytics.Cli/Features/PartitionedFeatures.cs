using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Cli.Features;

/// <summary>
/// The <c>features</c> verb on a partitioned PostgreSQL hub: each partition read and built on its own by parallel
/// workers (<see cref="PartitionedFeatureTableBuilder"/>), never the whole hub at once; the table is the one the
/// unpartitioned hub gives.
/// </summary>
internal static class PartitionedFeatures
{
    /// <summary>Builds the table from <paramref name="partitions"/> of <paramref name="store"/> and writes it as <paramref name="request"/> asks, audited against <paramref name="actor"/>.</summary>
    public static void Run(TextWriter writer, IHubStore store, IReadOnlyList<IHubReader> partitions, FeatureRequest request, string actor)
    {
        var clock = WorkClock.Start();
        var extractDate = partitions[0].ExtractDate;
        var options = request.OptionsFor(extractDate);
        var built = ConsoleProgress.Run(writer, progress => PartitionedFeatureTableBuilder.Build(partitions, store.Name, options, request.Workers, progress));
        var lap = clock.Lap();
        var parts = built.Partitions;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Read and built the hub partition by partition ({PartitionedFeatureTableBuilder.Stage(parts.Count, request.Workers)}) in {lap}: {parts.Sum(p => p.Events):N0} records, {parts.Sum(p => p.Families):N0} families; extract date {extractDate:yyyy-MM-dd}; each partition read in {Range(parts, p => p.Read)}, built in {Range(parts, p => p.Build)}."));
        request.Write(writer, built.Table, lap, store.AuditLog, actor);
    }

    private static string Range(IReadOnlyList<PartitionBuild> parts, Func<PartitionBuild, TimeSpan> time) =>
        string.Create(CultureInfo.InvariantCulture, $"{parts.Min(time).TotalSeconds:F2}–{parts.Max(time).TotalSeconds:F2} s");
}
