using System.Globalization;
using EarlyHelp.Analytics.Features.Building;
using EarlyHelp.Analytics.Features.Tables;

namespace EarlyHelp.Analytics.Cli.Features;

/// <summary>The per-date table the <c>features</c> verb prints: eligible rows, exclusions by reason, labels.</summary>
internal static class SnapshotReport
{
    /// <summary>Writes one line per as-of date under a header.</summary>
    public static void Write(TextWriter writer, FeatureTable table)
    {
        string[] header = ["as_of", "families", "eligible", .. ExclusionReasons.All.Select(r => r.Code()), "labelled", "escalated"];
        var rows = table.Snapshots.Select(s => (string[])
        [
            s.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Number(s.Families), Number(s.Eligible),
            .. ExclusionReasons.All.Select(r => Number(s.Exclusions[r])), Number(s.Labelled), Number(s.Escalated),
        ]).ToArray();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        writer.WriteLine(string.Join("  ", header.Select((h, i) => i == 0 ? h.PadRight(widths[i]) : h.PadLeft(widths[i]))));
        foreach (var row in rows)
            writer.WriteLine(string.Join("  ", row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))));
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
