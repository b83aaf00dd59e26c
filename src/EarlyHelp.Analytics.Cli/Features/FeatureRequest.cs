using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Features.PointInTime;
using EarlyHelp.Analytics.Features.Tables;

namespace EarlyHelp.Analytics.Cli.Features;

/// <summary>What the <c>features</c> verb was asked for, whichever way the hub is read (whole, or partition by partition).</summary>
/// <param name="OutputPath">The CSV file to write.</param>
/// <param name="Options">The dates and horizon, before any look-back cap.</param>
/// <param name="CapFrom">The date from which look-backs are capped to what retention keeps, or null.</param>
/// <param name="Workers">Partitions built at once on a partitioned hub.</param>
internal sealed record FeatureRequest(string OutputPath, FeatureTableOptions Options, DateOnly? CapFrom, int Workers)
{
    /// <summary>The options for a hub extracted on <paramref name="extractDate"/>, capped as asked; <see cref="UsageException"/> naming the verb's options when they do not fit it.</summary>
    public FeatureTableOptions OptionsFor(DateOnly extractDate)
    {
        var options = CapFrom is { } earliest ? Options with { LookBackCaps = LookBackCaps.FromRetention(extractDate, earliest) } : Options;
        var problems = options.Validate(extractDate).ToArray();
        if (problems.Length > 0)
            throw new UsageException(problems[0].Replace("'AsOfDates' option", "'--as-of' option (with its snapshots)", StringComparison.Ordinal)
                .Replace("'HorizonMonths' option", "'--horizon-months' option", StringComparison.Ordinal));
        return options;
    }

    /// <summary>The audit action of a feature table written out: it holds every eligible family's features by family id.</summary>
    public const string ExportAction = "features.export";

    /// <summary>
    /// Records the export in <paramref name="auditLog"/> against <paramref name="actor"/>, then writes <paramref name="table"/> to the
    /// CSV file and says what was built, in <paramref name="build"/>, per as-of date.
    /// </summary>
    public void Write(TextWriter writer, FeatureTable table, Lap build, Hub.Audit.AuditLog auditLog, string actor)
    {
        auditLog.Append(actor, ExportAction, "feature table", Described(table));
        FeatureTableCsv.Write(table, OutputPath);
        var values = (double)table.RowCount * table.FeatureCount;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Built {table.RowCount:N0} rows x {table.FeatureCount} features for {Options.AsOfDates.Count} as-of date(s) in {build} ({values / Math.Max(build.Wall.TotalSeconds, 1e-9):N0} values/s)."));
        SnapshotReport.Write(writer, table);
        writer.WriteLine($"Wrote {OutputPath} ({FeatureCatalogue.All.Count} features; label horizon {Options.HorizonMonths} months).");
    }

    // What the entry says was read: the dates, how many rows and families, and where the file went.
    private string Described(FeatureTable table)
    {
        var dates = Options.AsOfDates;
        var when = dates.Count == 1
            ? string.Create(CultureInfo.InvariantCulture, $"as of {dates[0]:yyyy-MM-dd}")
            : string.Create(CultureInfo.InvariantCulture, $"as of {dates.Min():yyyy-MM-dd} to {dates.Max():yyyy-MM-dd} ({dates.Count} dates)");
        return string.Create(CultureInfo.InvariantCulture,
            $"{when}: {Count(table.RowCount, "row", "rows")} for {Count(table.Families.Distinct().Count(), "family", "families")}, written to {OutputPath}");
    }

    private static string Count(int count, string one, string many) => string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");
}
