using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Features.Building;
using EarlyHelp.Analytics.Features.Tables;

namespace EarlyHelp.Analytics.Cli.Features;

/// <summary>The per-date table the <c>features</c> verb prints: eligible rows, exclusions by reason, labels.</summary>
internal static class SnapshotReport
{
    /// <summary>Writes one line per as-of date under a header.</summary>
    public static void Write(TextWriter writer, FeatureTable table)
    {
        var report = new TextTable(["as_of", "families", "eligible", .. ExclusionReasons.All.Select(r => r.Code()), "labelled", "escalated"]);
        foreach (var snapshot in table.Snapshots)
        {
            report.Add(
            [
                snapshot.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Number(snapshot.Families), Number(snapshot.Eligible),
                .. ExclusionReasons.All.Select(r => Number(snapshot.Exclusions[r])), Number(snapshot.Labelled), Number(snapshot.Escalated),
            ]);
        }
        report.WriteTo(writer);
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
